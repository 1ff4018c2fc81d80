using ActiveCitizen.App.Features.Accounts;
using ActiveCitizen.App.Features.Quizzes;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ActiveCitizen.App.Features.Rewards;

public sealed class PointsEntryConfiguration : IEntityTypeConfiguration<PointsEntry>
{
    public void Configure(EntityTypeBuilder<PointsEntry> builder)
    {
        builder.ToTable("PointsEntries");
        // The same source pays a resident once, however often its event is seen: the key is the rule.
        builder.HasIndex(entry => new { entry.UserId, entry.Source }).IsUnique();
        builder.HasIndex(entry => new { entry.UserId, entry.Id, entry.Amount });
        builder.Property(entry => entry.Source).HasMaxLength(100).IsRequired();
        builder.Property(entry => entry.Reason).HasConversion<string>().HasMaxLength(24);
        builder.ComplexProperty(entry => entry.Description, text =>
        {
            text.Property(t => t.En).HasMaxLength(300);
            text.Property(t => t.Ru).HasMaxLength(300);
        });
        builder.HasOne<ApplicationUser>().WithMany().HasForeignKey(entry => entry.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class RewardTypeConfiguration : IEntityTypeConfiguration<RewardType>
{
    public void Configure(EntityTypeBuilder<RewardType> builder)
    {
        builder.ToTable("RewardTypes");
        builder.ComplexProperty(type => type.Name, text => { text.Property(t => t.En).HasMaxLength(RewardLimits.NameMaxLength); text.Property(t => t.Ru).HasMaxLength(RewardLimits.NameMaxLength); });
        builder.ComplexProperty(type => type.Provider, text => { text.Property(t => t.En).HasMaxLength(RewardLimits.NameMaxLength); text.Property(t => t.Ru).HasMaxLength(RewardLimits.NameMaxLength); });
        builder.ComplexProperty(type => type.Description, text => { text.Property(t => t.En).HasMaxLength(RewardLimits.DescriptionMaxLength); text.Property(t => t.Ru).HasMaxLength(RewardLimits.DescriptionMaxLength); });
    }
}

public sealed class RewardCodeConfiguration : IEntityTypeConfiguration<RewardCode>
{
    public void Configure(EntityTypeBuilder<RewardCode> builder)
    {
        builder.ToTable("RewardCodes");
        builder.Property(code => code.Code).HasMaxLength(RewardLimits.CodeMaxLength).IsRequired();
        builder.HasIndex(code => new { code.RewardTypeId, code.Code }).IsUnique();
        // One code, one reason it was handed out; one redemption or prize place, one code.
        builder.Property(code => code.AssignmentSource).HasMaxLength(100);
        builder.HasIndex(code => code.AssignmentSource).IsUnique().HasFilter("\"AssignmentSource\" IS NOT NULL");
        // Stock: the codes of a type nobody holds, first in first out.
        builder.HasIndex(code => new { code.RewardTypeId, code.Id }).HasFilter("\"AssignedTo\" IS NULL").HasDatabaseName("IX_RewardCodes_Unassigned");
        builder.HasIndex(code => new { code.AssignedTo, code.AssignedAt });
        builder.HasOne<RewardType>().WithMany().HasForeignKey(code => code.RewardTypeId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<ApplicationUser>().WithMany().HasForeignKey(code => code.AssignedTo).OnDelete(DeleteBehavior.Restrict);
    }
}

public sealed class PrizeAwardConfiguration : IEntityTypeConfiguration<PrizeAward>
{
    public void Configure(EntityTypeBuilder<PrizeAward> builder)
    {
        builder.ToTable("PrizeAwards");
        builder.Property(award => award.Scope).HasMaxLength(40).IsRequired();
        // A place is won once; the first allocation decides it and every later run finds it.
        builder.HasIndex(award => new { award.Scope, award.Place }).IsUnique();
        builder.HasIndex(award => award.UserId);
        builder.HasOne<ApplicationUser>().WithMany().HasForeignKey(award => award.UserId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<RewardType>().WithMany().HasForeignKey(award => award.RewardTypeId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<RewardCode>().WithMany().HasForeignKey(award => award.CodeId).OnDelete(DeleteBehavior.Restrict);
    }
}

public sealed class PrizePlanConfiguration : IEntityTypeConfiguration<PrizePlan>
{
    public void Configure(EntityTypeBuilder<PrizePlan> builder)
    {
        builder.ToTable("PrizePlans");
        builder.HasKey(plan => plan.Scope);
        builder.Property(plan => plan.Scope).HasMaxLength(40);
        builder.HasOne<RewardType>().WithMany().HasForeignKey(plan => plan.RewardTypeId).OnDelete(DeleteBehavior.Restrict);
    }
}

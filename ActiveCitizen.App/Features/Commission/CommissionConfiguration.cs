using ActiveCitizen.App.Features.Accounts;
using ActiveCitizen.App.Features.Ideas;
using ActiveCitizen.App.Features.Projects;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ActiveCitizen.App.Features.Commission;

public sealed class CommissionSessionConfiguration : IEntityTypeConfiguration<CommissionSession>
{
    public void Configure(EntityTypeBuilder<CommissionSession> builder)
    {
        builder.ToTable("CommissionSessions");
        builder.Property(session => session.DecisionRule).HasConversion<string>().HasMaxLength(24);
        builder.Property(session => session.Version).IsConcurrencyToken();
        builder.HasOne<Project>().WithMany().HasForeignKey(session => session.ProjectId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<ApplicationUser>().WithMany().HasForeignKey(session => session.ChairId).OnDelete(DeleteBehavior.Restrict);
        // One session decides a project's shortlist: a second would vote on ideas the first has already decided.
        builder.HasIndex(session => session.ProjectId).IsUnique();
    }
}

public sealed class SessionMemberConfiguration : IEntityTypeConfiguration<SessionMember>
{
    public void Configure(EntityTypeBuilder<SessionMember> builder)
    {
        builder.ToTable("CommissionMembers");
        builder.HasKey(member => new { member.SessionId, member.UserId });
        builder.HasIndex(member => member.UserId);
        builder.HasOne<CommissionSession>().WithMany().HasForeignKey(member => member.SessionId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<ApplicationUser>().WithMany().HasForeignKey(member => member.UserId).OnDelete(DeleteBehavior.Restrict);
    }
}

public sealed class SessionIdeaConfiguration : IEntityTypeConfiguration<SessionIdea>
{
    public void Configure(EntityTypeBuilder<SessionIdea> builder)
    {
        builder.ToTable("CommissionIdeas");
        builder.HasKey(idea => new { idea.SessionId, idea.IdeaId });
        builder.Property(idea => idea.Outcome).HasConversion<string>().HasMaxLength(16);
        builder.Property(idea => idea.Rationale).HasMaxLength(CommissionLimits.RationaleMaxLength);
        builder.HasOne<CommissionSession>().WithMany().HasForeignKey(idea => idea.SessionId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Idea>().WithMany().HasForeignKey(idea => idea.IdeaId).OnDelete(DeleteBehavior.Restrict);
    }
}

public sealed class BallotConfiguration : IEntityTypeConfiguration<Ballot>
{
    public void Configure(EntityTypeBuilder<Ballot> builder)
    {
        builder.ToTable("CommissionBallots");
        // One ballot per member per idea of a session: the key itself refuses a second one.
        builder.HasKey(ballot => new { ballot.SessionId, ballot.IdeaId, ballot.MemberId });
        builder.Property(ballot => ballot.Choice).HasConversion<string>().HasMaxLength(16);
        builder.Property(ballot => ballot.Comment).HasMaxLength(CommissionLimits.CommentMaxLength);
        builder.HasOne<CommissionSession>().WithMany().HasForeignKey(ballot => ballot.SessionId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<ApplicationUser>().WithMany().HasForeignKey(ballot => ballot.MemberId).OnDelete(DeleteBehavior.Restrict);
    }
}

public sealed class RecusalConfiguration : IEntityTypeConfiguration<Recusal>
{
    public void Configure(EntityTypeBuilder<Recusal> builder)
    {
        builder.ToTable("CommissionRecusals");
        builder.HasKey(recusal => new { recusal.SessionId, recusal.IdeaId, recusal.MemberId });
        builder.Property(recusal => recusal.Reason).HasMaxLength(CommissionLimits.ReasonMaxLength).IsRequired();
        builder.HasOne<CommissionSession>().WithMany().HasForeignKey(recusal => recusal.SessionId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<ApplicationUser>().WithMany().HasForeignKey(recusal => recusal.MemberId).OnDelete(DeleteBehavior.Restrict);
    }
}

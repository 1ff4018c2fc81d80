using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ActiveCitizen.App.Features.Accounts;

public sealed class ApplicationUserConfiguration : IEntityTypeConfiguration<ApplicationUser>
{
    public void Configure(EntityTypeBuilder<ApplicationUser> builder)
    {
        builder.Property(user => user.DisplayName).HasMaxLength(AccountLimits.DisplayNameMaxLength).IsRequired();
        builder.Property(user => user.District).HasMaxLength(Districts.CodeMaxLength);
        // Identity checks unique e-mails in code only; the index makes two simultaneous registrations of one address impossible.
        builder.HasIndex(user => user.NormalizedEmail).HasDatabaseName("EmailIndex").IsUnique();
        builder.Property(user => user.Theme).HasConversion<string>().HasMaxLength(16);
        builder.Property(user => user.NormalizedDisplayName).HasMaxLength(AccountLimits.DisplayNameMaxLength).IsRequired();
    }
}

using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ActiveCitizen.App.Infrastructure.Security;

/// <summary>The grantable roles exist in every database from its first migration, with fixed ids so migrations stay stable.</summary>
public sealed class RoleSeedConfiguration : IEntityTypeConfiguration<IdentityRole>
{
    public void Configure(EntityTypeBuilder<IdentityRole> builder) => builder.HasData(
        Role("5b1f0c7e-3f59-4c1d-9f57-1b1c6c2a0001", Roles.Moderator),
        Role("5b1f0c7e-3f59-4c1d-9f57-1b1c6c2a0002", Roles.Expert),
        Role("5b1f0c7e-3f59-4c1d-9f57-1b1c6c2a0003", Roles.CommissionMember),
        Role("5b1f0c7e-3f59-4c1d-9f57-1b1c6c2a0004", Roles.Admin));

    private static IdentityRole Role(string id, string name) => new(name)
    {
        Id = id,
        NormalizedName = name.ToUpperInvariant(),
        ConcurrencyStamp = id,
    };
}

using ActiveCitizen.App.Features.Accounts;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ActiveCitizen.App.Features.Moderation;

/// <summary>
/// A moderator reviewing a queue item ("idea:42", "comment:7"). One row per item (the key), so two moderators claiming at once
/// cannot both win; a claim whose moderator has done nothing for <see cref="ModerationLimits.ClaimIdleTimeout"/> lapses.
/// </summary>
public sealed class ModerationClaim
{
    public string ItemKey { get; set; } = "";
    public string ModeratorId { get; set; } = "";
    public DateTime ClaimedAt { get; set; }

    /// <summary>The claimant's last action on the item; the claim holds until this plus the idle timeout.</summary>
    public DateTime ActiveAt { get; set; }
}

public sealed class ModerationClaimConfiguration : IEntityTypeConfiguration<ModerationClaim>
{
    public void Configure(EntityTypeBuilder<ModerationClaim> builder)
    {
        builder.ToTable("ModerationClaims");
        builder.HasKey(claim => claim.ItemKey);
        builder.Property(claim => claim.ItemKey).HasMaxLength(40);
        builder.HasOne<ApplicationUser>().WithMany().HasForeignKey(claim => claim.ModeratorId).OnDelete(DeleteBehavior.Cascade);
    }
}

public static class ModerationLimits
{
    public static readonly TimeSpan ClaimIdleTimeout = TimeSpan.FromMinutes(5);
    public const int ReasonMaxLength = 500;
    public const int QueuePageSize = 50;
    public const int AuditPageSize = 50;

    /// <summary>Reports from different residents that hide an idea pending review, as for comments.</summary>
    public const int ReportsToHide = 3;

    /// <summary>Colours a moderator chooses from for a new tag: readable on light and dark themes.</summary>
    public static readonly IReadOnlyList<string> TagColors = ["#1b5fa8", "#0f766e", "#15803d", "#b45309", "#b91c1c", "#7c3aed", "#be185d", "#475569"];
}

public static class ModerationItems
{
    public static string Idea(int ideaId) => $"idea:{ideaId}";
    public static string Comment(int commentId) => $"comment:{commentId}";
}

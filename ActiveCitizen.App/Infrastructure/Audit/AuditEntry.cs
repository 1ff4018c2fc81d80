using System.Text.Json;
using System.Text.Json.Serialization;
using ActiveCitizen.App.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ActiveCitizen.App.Infrastructure.Audit;

/// <summary>
/// One moderation or screening action as it happened: who, when, what, on what, why, and the state before and after. Written in
/// the same transaction as the action; the database refuses to change or delete an entry (triggers in the migration).
/// </summary>
public sealed class AuditEntry
{
    public long Id { get; set; }
    public DateTime At { get; set; }
    public string ActorId { get; set; } = "";

    /// <summary>The actor's display name then, so the trail reads the same after a rename.</summary>
    public string ActorName { get; set; } = "";

    /// <summary>What was done, e.g. "idea.hide" (see <see cref="AuditActions"/>).</summary>
    public string Action { get; set; } = "";

    /// <summary>What it was done to, e.g. "idea:42" or "comment:7".</summary>
    public string Target { get; set; } = "";

    public string? Reason { get; set; }

    /// <summary>The parts of the target's state the action touched, as JSON, before and after.</summary>
    public string? Before { get; set; }
    public string? After { get; set; }
}

public sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> builder)
    {
        builder.ToTable("AuditEntries");
        builder.Property(entry => entry.ActorId).HasMaxLength(64).IsRequired();
        builder.Property(entry => entry.ActorName).HasMaxLength(100).IsRequired();
        builder.Property(entry => entry.Action).HasMaxLength(40).IsRequired();
        builder.Property(entry => entry.Target).HasMaxLength(100).IsRequired();
        builder.Property(entry => entry.Reason).HasMaxLength(1000);
        // Newest first (ids follow time); by target and by actor for the filters.
        builder.HasIndex(entry => entry.Target);
        builder.HasIndex(entry => entry.ActorId);
        builder.HasIndex(entry => entry.Action);
    }
}

/// <summary>Adds entries to the trail inside the caller's transaction; there is deliberately nothing to change or remove one.</summary>
public static class AuditTrail
{
    /// <summary>States read as words ("Rejected"), not numbers, by whoever reads the trail years later.</summary>
    private static readonly JsonSerializerOptions Json = new() { Converters = { new JsonStringEnumConverter() } };

    public static AuditEntry Record(
        AppDbContext db, DateTime at, (string Id, string Name) actor, string action, string target, string? reason, object? before, object? after)
    {
        var entry = new AuditEntry
        {
            At = at,
            ActorId = actor.Id,
            ActorName = actor.Name,
            Action = action,
            Target = target,
            Reason = string.IsNullOrWhiteSpace(reason) ? null : reason,
            Before = before is null ? null : JsonSerializer.Serialize(before, Json),
            After = after is null ? null : JsonSerializer.Serialize(after, Json),
        };
        db.Add(entry);
        return entry;
    }
}

/// <summary>The names actions go by in the trail (and, with an "Audit.Action." prefix, in the UI): moderation, screening, commission.</summary>
public static class AuditActions
{
    public const string IdeaTagAdded = "idea.tag-added";
    public const string IdeaTagRemoved = "idea.tag-removed";
    public const string IdeaHidden = "idea.hidden";
    public const string IdeaRestored = "idea.restored";
    public const string IdeaRejected = "idea.rejected";
    public const string IdeaMerged = "idea.merged";
    public const string IdeaTriaged = "idea.triaged";
    public const string IdeaReportsDismissed = "idea.reports-dismissed";
    public const string IdeaScreened = "idea.screened";
    public const string IdeaShortlisted = "idea.shortlisted";
    public const string IdeaUnshortlisted = "idea.unshortlisted";
    public const string CommentHidden = "comment.hidden";
    public const string CommentRestored = "comment.restored";
    public const string TagCreated = "tag.created";
    public const string RejectionReasonCreated = "rejection-reason.created";
    public const string RejectionReasonArchived = "rejection-reason.archived";
    public const string CommissionClosed = "commission.closed";
    public const string CommissionPublished = "commission.published";
    public const string CommissionChairChanged = "commission.chair-changed";
    public const string QuizExtraTime = "quiz.extra-time";
    public const string QuizAttemptCleared = "quiz.attempt-cleared";
    public const string QuizAttemptDisqualified = "quiz.attempt-disqualified";
    public const string IdeaSelected = "idea.selected";
    public const string IdeaNotSelected = "idea.not-selected";

    public static readonly IReadOnlyList<string> All =
    [
        IdeaTagAdded, IdeaTagRemoved, IdeaHidden, IdeaRestored, IdeaRejected, IdeaMerged, IdeaTriaged, IdeaReportsDismissed,
        IdeaScreened, IdeaShortlisted, IdeaUnshortlisted, CommentHidden, CommentRestored, TagCreated, RejectionReasonCreated,
        RejectionReasonArchived, CommissionClosed, CommissionPublished, CommissionChairChanged, IdeaSelected, IdeaNotSelected,
        QuizExtraTime, QuizAttemptCleared, QuizAttemptDisqualified,
    ];
}

using ActiveCitizen.App.Features.Accounts;
using ActiveCitizen.App.Features.Projects;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ActiveCitizen.App.Features.Ideas;

public sealed class IdeaConfiguration : IEntityTypeConfiguration<Idea>
{
    public void Configure(EntityTypeBuilder<Idea> builder)
    {
        builder.ToTable("Ideas");
        builder.Property(idea => idea.Title).HasMaxLength(IdeaLimits.TitleMaxLength).IsRequired();
        builder.Property(idea => idea.Description).HasMaxLength(IdeaLimits.DescriptionMaxLength).IsRequired();
        builder.Property(idea => idea.District).HasMaxLength(Districts.CodeMaxLength);
        builder.Property(idea => idea.State).HasConversion<string>().HasMaxLength(24);
        builder.Property(idea => idea.StateReason).HasMaxLength(IdeaLimits.ReasonMaxLength);
        builder.Property(idea => idea.Version).IsConcurrencyToken();
        builder.HasOne<Project>().WithMany().HasForeignKey(idea => idea.ProjectId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<ProjectCategory>().WithMany().HasForeignKey(idea => idea.CategoryId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<ApplicationUser>().WithMany().HasForeignKey(idea => idea.AuthorId).OnDelete(DeleteBehavior.Restrict);

        // A retried submission finds the idea its first attempt made.
        builder.HasIndex(idea => new { idea.AuthorId, idea.SubmissionKey }).IsUnique();
        // The catalog's sorts and filters, each served by an index. "Newest" is the primary key (ids follow submission time), and
        // SQLite ends every index with the row id, so an index on a filter column also yields its rows newest first without a sort.
        builder.HasIndex(idea => new { idea.SupportCount, idea.Id });
        builder.HasIndex(idea => new { idea.CommentCount, idea.Id });
        // Listing filters on state, hidden and merged together; with the support count these cover a project's figures and the
        // catalog's counts, which therefore never read the table.
        builder.HasIndex(idea => new { idea.ProjectId, idea.State, idea.HiddenAt, idea.MergedIntoId, idea.SupportCount });
        builder.HasIndex(idea => new { idea.ProjectId, idea.SupportCount, idea.Id });
        builder.HasIndex(idea => new { idea.ProjectId, idea.CommentCount, idea.Id });
        builder.HasIndex(idea => new { idea.State, idea.HiddenAt, idea.MergedIntoId });
        builder.HasIndex(idea => idea.CategoryId);
        // The daily limit counts one author's recent ideas.
        builder.HasIndex(idea => new { idea.AuthorId, idea.SubmittedAt });

        builder.Property(idea => idea.HiddenBy).HasConversion<string>().HasMaxLength(16);
        builder.Property(idea => idea.HiddenNote).HasMaxLength(IdeaLimits.ReasonMaxLength);
        // MergedIntoId and RejectionReasonId have no foreign keys on purpose: adding one to an existing SQLite table rebuilds it, which
        // would drop the full-text triggers on Ideas. Ideas are never deleted and reasons only archived, so nothing can dangle.
        // The moderation queue: ideas not yet triaged, reported ones, hidden ones.
        builder.HasIndex(idea => idea.TriagedAt);
        builder.HasIndex(idea => idea.OpenReports);
        builder.HasIndex(idea => idea.HiddenAt);
    }
}

public sealed class IdeaReportConfiguration : IEntityTypeConfiguration<IdeaReport>
{
    public void Configure(EntityTypeBuilder<IdeaReport> builder)
    {
        builder.ToTable("IdeaReports");
        builder.HasKey(report => new { report.IdeaId, report.UserId });
        builder.Property(report => report.Reason).HasConversion<string>().HasMaxLength(16);
        builder.Property(report => report.Text).HasMaxLength(IdeaLimits.ReasonMaxLength);
        builder.HasOne<Idea>().WithMany().HasForeignKey(report => report.IdeaId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<ApplicationUser>().WithMany().HasForeignKey(report => report.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class RejectionReasonConfiguration : IEntityTypeConfiguration<RejectionReason>
{
    public void Configure(EntityTypeBuilder<RejectionReason> builder)
    {
        builder.ToTable("RejectionReasons");
        // The list moderators start with is inserted by the Moderation migration; they add their own and archive as they see fit.
        builder.ComplexProperty(reason => reason.Name, text =>
        {
            text.Property(t => t.En).HasMaxLength(IdeaLimits.VocabularyNameMaxLength);
            text.Property(t => t.Ru).HasMaxLength(IdeaLimits.VocabularyNameMaxLength);
        });
    }
}

public sealed class IdeaSupportConfiguration : IEntityTypeConfiguration<IdeaSupport>
{
    public void Configure(EntityTypeBuilder<IdeaSupport> builder)
    {
        builder.ToTable("IdeaSupports");
        builder.HasKey(support => new { support.IdeaId, support.UserId });
        builder.HasIndex(support => new { support.UserId, support.SupportedAt });
        builder.HasOne<Idea>().WithMany().HasForeignKey(support => support.IdeaId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<ApplicationUser>().WithMany().HasForeignKey(support => support.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class ProjectParticipantConfiguration : IEntityTypeConfiguration<ProjectParticipant>
{
    public void Configure(EntityTypeBuilder<ProjectParticipant> builder)
    {
        builder.ToTable("ProjectParticipants");
        builder.HasKey(participant => new { participant.ProjectId, participant.UserId });
        builder.HasOne<Project>().WithMany().HasForeignKey(participant => participant.ProjectId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<ApplicationUser>().WithMany().HasForeignKey(participant => participant.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class IdeaFollowConfiguration : IEntityTypeConfiguration<IdeaFollow>
{
    public void Configure(EntityTypeBuilder<IdeaFollow> builder)
    {
        builder.ToTable("IdeaFollows");
        builder.HasKey(follow => new { follow.IdeaId, follow.UserId });
        builder.HasIndex(follow => new { follow.UserId, follow.FollowedAt });
        builder.HasOne<Idea>().WithMany().HasForeignKey(follow => follow.IdeaId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<ApplicationUser>().WithMany().HasForeignKey(follow => follow.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class TagConfiguration : IEntityTypeConfiguration<Tag>
{
    public void Configure(EntityTypeBuilder<Tag> builder)
    {
        builder.ToTable("Tags");
        builder.HasIndex(tag => tag.Slug).IsUnique();
        builder.Property(tag => tag.Slug).HasMaxLength(60).IsRequired();
        builder.Property(tag => tag.Color).HasMaxLength(16).IsRequired();
        builder.ComplexProperty(tag => tag.Name, text =>
        {
            text.Property(t => t.En).HasMaxLength(IdeaLimits.VocabularyNameMaxLength);
            text.Property(t => t.Ru).HasMaxLength(IdeaLimits.VocabularyNameMaxLength);
        });
    }
}

public sealed class IdeaTagConfiguration : IEntityTypeConfiguration<IdeaTag>
{
    public void Configure(EntityTypeBuilder<IdeaTag> builder)
    {
        builder.ToTable("IdeaTags");
        builder.HasKey(ideaTag => new { ideaTag.IdeaId, ideaTag.TagId });
        builder.HasIndex(ideaTag => ideaTag.TagId);
        builder.HasOne<Idea>().WithMany().HasForeignKey(ideaTag => ideaTag.IdeaId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Tag>().WithMany().HasForeignKey(ideaTag => ideaTag.TagId).OnDelete(DeleteBehavior.Cascade);
    }
}

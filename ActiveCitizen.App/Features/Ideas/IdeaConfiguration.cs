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
        builder.HasIndex(idea => new { idea.ProjectId, idea.State });
        builder.HasIndex(idea => new { idea.ProjectId, idea.SupportCount, idea.Id });
        builder.HasIndex(idea => new { idea.ProjectId, idea.CommentCount, idea.Id });
        builder.HasIndex(idea => idea.State);
        builder.HasIndex(idea => idea.CategoryId);
        // The daily limit counts one author's recent ideas.
        builder.HasIndex(idea => new { idea.AuthorId, idea.SubmittedAt });
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
            text.Property(t => t.En).HasMaxLength(60);
            text.Property(t => t.Ru).HasMaxLength(60);
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

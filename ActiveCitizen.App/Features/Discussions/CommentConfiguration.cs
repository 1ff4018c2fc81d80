using ActiveCitizen.App.Features.Accounts;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ActiveCitizen.App.Features.Discussions;

public sealed class CommentConfiguration : IEntityTypeConfiguration<Comment>
{
    public void Configure(EntityTypeBuilder<Comment> builder)
    {
        builder.ToTable("Comments");
        builder.Property(comment => comment.TargetType).HasMaxLength(32).IsRequired();
        builder.Property(comment => comment.Body).HasMaxLength(CommentLimits.MaxLength).IsRequired();
        builder.Property(comment => comment.BodyHtml).IsRequired();
        builder.Property(comment => comment.Stance).HasConversion<string>().HasMaxLength(16);
        builder.Property(comment => comment.HiddenReason).HasConversion<string>().HasMaxLength(16);
        builder.HasOne<ApplicationUser>().WithMany().HasForeignKey(comment => comment.AuthorId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Comment>().WithMany().HasForeignKey(comment => comment.ParentId).OnDelete(DeleteBehavior.Restrict);
        // A target's comments by id (the newest, those after one), its top-level comments oldest or newest first (ids follow time)
        // and best first.
        builder.HasIndex(comment => new { comment.TargetType, comment.TargetId });
        builder.HasIndex(comment => new { comment.TargetType, comment.TargetId, comment.ParentId });
        builder.HasIndex(comment => new { comment.TargetType, comment.TargetId, comment.ParentId, comment.Score });
        // A thread's replies in order; a resident's recent comments for the rate limit.
        builder.HasIndex(comment => new { comment.ThreadId, comment.CreatedAt });
        builder.HasIndex(comment => new { comment.AuthorId, comment.CreatedAt });
        builder.HasIndex(comment => new { comment.AuthorId, comment.SubmissionKey }).IsUnique();
    }
}

public sealed class CommentVoteConfiguration : IEntityTypeConfiguration<CommentVote>
{
    public void Configure(EntityTypeBuilder<CommentVote> builder)
    {
        builder.ToTable("CommentVotes");
        builder.HasKey(vote => new { vote.CommentId, vote.UserId });
        builder.HasOne<Comment>().WithMany().HasForeignKey(vote => vote.CommentId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<ApplicationUser>().WithMany().HasForeignKey(vote => vote.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class CommentReportConfiguration : IEntityTypeConfiguration<CommentReport>
{
    public void Configure(EntityTypeBuilder<CommentReport> builder)
    {
        builder.ToTable("CommentReports");
        builder.HasKey(report => new { report.CommentId, report.UserId });
        builder.Property(report => report.Reason).HasConversion<string>().HasMaxLength(16);
        builder.Property(report => report.Text).HasMaxLength(CommentLimits.ReportTextMaxLength);
        builder.HasOne<Comment>().WithMany().HasForeignKey(report => report.CommentId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<ApplicationUser>().WithMany().HasForeignKey(report => report.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}

using ActiveCitizen.App.Features.Accounts;
using ActiveCitizen.App.Shared;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ActiveCitizen.App.Features.Quizzes;

internal static class QuizText
{
    public static void Localized(this ComplexPropertyBuilder<LocalizedText> text, int maxLength)
    {
        text.Property(t => t.En).HasMaxLength(maxLength);
        text.Property(t => t.Ru).HasMaxLength(maxLength);
    }
}

public sealed class QuizCampaignConfiguration : IEntityTypeConfiguration<QuizCampaign>
{
    public void Configure(EntityTypeBuilder<QuizCampaign> builder)
    {
        builder.ToTable("QuizCampaigns");
        builder.Property(campaign => campaign.Slug).HasMaxLength(QuizLimits.SlugMaxLength).IsRequired();
        builder.HasIndex(campaign => campaign.Slug).IsUnique();
        builder.ComplexProperty(campaign => campaign.Title, text => text.Localized(QuizLimits.TitleMaxLength));
        builder.ComplexProperty(campaign => campaign.Summary, text => text.Localized(QuizLimits.SummaryMaxLength));
        builder.HasMany(campaign => campaign.Stages).WithOne().HasForeignKey(stage => stage.CampaignId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class QuizStageConfiguration : IEntityTypeConfiguration<QuizStage>
{
    public void Configure(EntityTypeBuilder<QuizStage> builder)
    {
        builder.ToTable("QuizStages");
        builder.HasIndex(stage => new { stage.CampaignId, stage.Number }).IsUnique();
        builder.ComplexProperty(stage => stage.Title, text => text.Localized(QuizLimits.TitleMaxLength));
        builder.Property(stage => stage.EntryRule).HasConversion<string>().HasMaxLength(24);
        builder.Property(stage => stage.Version).IsConcurrencyToken();
        builder.HasMany(stage => stage.Questions).WithOne().HasForeignKey(question => question.StageId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class QuizQuestionConfiguration : IEntityTypeConfiguration<QuizQuestion>
{
    public void Configure(EntityTypeBuilder<QuizQuestion> builder)
    {
        builder.ToTable("QuizQuestions");
        builder.HasIndex(question => new { question.StageId, question.Position });
        builder.Property(question => question.Kind).HasConversion<string>().HasMaxLength(24);
        builder.ComplexProperty(question => question.Text, text => text.Localized(QuizLimits.QuestionMaxLength));
        builder.ComplexProperty(question => question.Explanation, text => text.Localized(QuizLimits.ExplanationMaxLength));
        builder.Property(question => question.Image).HasMaxLength(300);
        builder.HasMany(question => question.Options).WithOne().HasForeignKey(option => option.QuestionId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class QuizOptionConfiguration : IEntityTypeConfiguration<QuizOption>
{
    public void Configure(EntityTypeBuilder<QuizOption> builder)
    {
        builder.ToTable("QuizOptions");
        builder.ComplexProperty(option => option.Text, text => text.Localized(QuizLimits.OptionMaxLength));
    }
}

public sealed class QuizAttemptConfiguration : IEntityTypeConfiguration<QuizAttempt>
{
    public void Configure(EntityTypeBuilder<QuizAttempt> builder)
    {
        builder.ToTable("QuizAttempts");
        // One attempt per resident per stage, however many tabs start it at once.
        builder.HasIndex(attempt => new { attempt.StageId, attempt.UserId }).IsUnique();
        // The stage leaderboard in rank order, and "how many rank above me", read from the index alone.
        // Covering (the board's filters are its last columns), so pages, score histograms and tie counts never touch the table.
        builder.HasIndex(attempt => new { attempt.StageId, attempt.Score, attempt.AnswerMs, attempt.FinishedAt, attempt.Id, attempt.Completed, attempt.FairPlay, attempt.UserId },
                "IX_QuizAttempts_Rank")
            .IsDescending(false, true, false, false, false, false, false, false);
        builder.HasIndex(attempt => new { attempt.UserId, attempt.StartedAt });
        // Attempts finished lately: what the points accrual looks at every few seconds.
        builder.HasIndex(attempt => attempt.FinishedAt);
        builder.HasIndex(attempt => attempt.FairPlay);
        builder.HasOne<QuizStage>().WithMany().HasForeignKey(attempt => attempt.StageId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<ApplicationUser>().WithMany().HasForeignKey(attempt => attempt.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class QuizAnswerConfiguration : IEntityTypeConfiguration<QuizAnswer>
{
    public void Configure(EntityTypeBuilder<QuizAnswer> builder)
    {
        builder.ToTable("QuizAnswers");
        // Served once, answered once: the key is the rule.
        builder.HasKey(answer => new { answer.AttemptId, answer.QuestionId });
        builder.Property(answer => answer.Selected).HasMaxLength(200);
        // The clock's sweep: questions still waiting whose time has run out, oldest first.
        builder.HasIndex(answer => new { answer.Outcome, answer.DeadlineAt });
        builder.HasOne<QuizAttempt>().WithMany().HasForeignKey(answer => answer.AttemptId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<QuizQuestion>().WithMany().HasForeignKey(answer => answer.QuestionId).OnDelete(DeleteBehavior.Restrict);
    }
}

public sealed class QuizCampaignScoreConfiguration : IEntityTypeConfiguration<QuizCampaignScore>
{
    public void Configure(EntityTypeBuilder<QuizCampaignScore> builder)
    {
        builder.ToTable("QuizCampaignScores");
        builder.HasKey(score => new { score.CampaignId, score.UserId });
        builder.HasIndex(score => new { score.CampaignId, score.Score, score.AnswerMs, score.LastFinishedAt, score.UserId, score.Excluded }, "IX_QuizCampaignScores_Rank")
            .IsDescending(false, true, false, false, false, false);
        builder.HasOne<QuizCampaign>().WithMany().HasForeignKey(score => score.CampaignId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<ApplicationUser>().WithMany().HasForeignKey(score => score.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class QuizAccommodationConfiguration : IEntityTypeConfiguration<QuizAccommodation>
{
    public void Configure(EntityTypeBuilder<QuizAccommodation> builder)
    {
        builder.ToTable("QuizAccommodations");
        builder.HasKey(accommodation => accommodation.UserId);
        builder.Property(accommodation => accommodation.GrantedBy).HasMaxLength(64);
        builder.HasOne<ApplicationUser>().WithMany().HasForeignKey(accommodation => accommodation.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}

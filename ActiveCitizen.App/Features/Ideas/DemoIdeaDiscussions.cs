using ActiveCitizen.App.Features.Accounts;
using ActiveCitizen.App.Features.Discussions;
using ActiveCitizen.App.Features.Notifications;
using ActiveCitizen.App.Features.Projects;
using ActiveCitizen.App.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace ActiveCitizen.App.Features.Ideas;

/// <summary>
/// Conversations under the demo's housing ideas: threads with replies three levels deep, stances, votes, formatting, and the
/// notifications their authors would have received (the demo resident's ideas included, so her bell is not empty). Seeded once,
/// into a database without comments.
/// </summary>
public sealed class DemoIdeaDiscussions(
    IDbContextFactory<AppDbContext> dbFactory, CommentMarkup markup, NotificationsService notifications, TimeProvider time, ILogger<DemoIdeaDiscussions> logger)
    : IDemoDataSeeder
{
    /// <summary>One comment of a conversation: who of the idea's neighbours writes it, which earlier line it answers, what and how.</summary>
    private sealed record Line(int Speaker, int? Answers, string Text, CommentStance Stance = CommentStance.None);

    private static readonly Line[] English =
    [
        new(1, null, "Yes, please! I had **exactly** this problem last month.", CommentStance.For),
        new(2, 0, "Same here. It took two calls to the office to sort it out."),
        new(3, 1, "Did they fix it in the end?"),
        new(2, 2, "Yes, but only after a written complaint. That is why this idea matters."),
        new(4, null, "How would this work for people without a smartphone? The paper route must stay.", CommentStance.Neutral),
        new(1, 4, "Good point. The idea adds an option; it does not take anything away."),
        new(5, null, "Two things matter more to me first:\n\n- faster repairs\n- honest bills\n\nStill, *nice to have*.", CommentStance.Against),
    ];

    private static readonly Line[] Russian =
    [
        new(1, null, "Очень нужно! У меня **ровно** такая же история была в прошлом месяце.", CommentStance.For),
        new(2, 0, "Поддерживаю. Мне пришлось дважды звонить в управляющую компанию."),
        new(3, 1, "И чем всё закончилось?"),
        new(2, 2, "Исправили только после письменной жалобы. Поэтому идея и важна."),
        new(4, null, "А как быть тем, у кого нет смартфона? Бумажный вариант должен остаться.", CommentStance.Neutral),
        new(1, 4, "Справедливо. Идея добавляет возможность, а не отменяет старую."),
        new(5, null, "Для меня важнее другое:\n\n- быстрый ремонт\n- честные счета\n\nНо *было бы неплохо*.", CommentStance.Against),
    ];

    public int Order => 30;

    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (await db.Set<Comment>().AnyAsync(cancellationToken))
        {
            return;
        }
        var housingId = await db.Set<Project>().Where(project => project.Slug == DemoProjects.HousingSlug).Select(project => project.Id).SingleOrDefaultAsync(cancellationToken);
        var ideas = await db.Set<Idea>().Where(idea => idea.ProjectId == housingId).OrderBy(idea => idea.Id).ToListAsync(cancellationToken);
        var residentEmails = DemoAccounts.Residents.Append(DemoAccounts.All[0]).Select(account => account.Email.ToUpperInvariant()).ToList();
        var residents = await db.Users.Where(user => residentEmails.Contains(user.NormalizedEmail!)).OrderBy(user => user.Email)
            .Select(user => new { user.Id, user.DisplayName, user.NormalizedEmail }).ToListAsync(cancellationToken);
        if (ideas.Count == 0 || residents.Count < 6)
        {
            return;
        }
        var demoResident = residents.Single(user => user.NormalizedEmail == DemoAccounts.All[0].Email.ToUpperInvariant()).Id;
        var discussed = ideas.Take(5).Concat(ideas.Where(idea => idea.AuthorId == demoResident).Take(1)).Distinct().ToList();
        var names = residents.ToDictionary(user => user.Id, user => user.DisplayName);
        var now = time.GetUtcNow().UtcDateTime;
        var random = new Random(2026);
        var count = 0;

        foreach (var idea in discussed)
        {
            var lines = IsRussian(idea.Title) ? Russian : English;
            var authorIndex = residents.FindIndex(user => user.Id == idea.AuthorId);
            var speakers = Enumerable.Range(0, lines.Max(line => line.Speaker) + 1)
                .Select(speaker => residents[(authorIndex + speaker) % residents.Count].Id).ToList();
            var step = (now - idea.SubmittedAt) / (lines.Length + 1);
            var comments = new List<Comment>();
            foreach (var (line, index) in lines.Select((line, index) => (line, index)))
            {
                var comment = new Comment
                {
                    TargetType = DiscussionTargets.Idea,
                    TargetId = idea.Id,
                    AuthorId = speakers[line.Speaker],
                    Body = line.Text,
                    BodyHtml = markup.ToHtml(line.Text),
                    Stance = line.Stance,
                    CreatedAt = idea.SubmittedAt + step * (index + 1),
                    SubmissionKey = Guid.NewGuid(),
                };
                var parent = line.Answers is { } answered ? comments[answered] : null;
                CommentThreads.Place(comment, parent);
                db.Add(comment);
                await db.SaveChangesAsync(cancellationToken);
                if (parent is null)
                {
                    comment.ThreadId = comment.Id;
                }
                else
                {
                    comments.Single(root => root.Id == comment.ThreadId).ReplyCount++;
                }
                comments.Add(comment);
                Vote(db, comment, residents.Select(user => user.Id).Where(id => id != comment.AuthorId).OrderBy(_ => random.Next()).Take(random.Next(0, 6)), random);

                var recipients = new Dictionary<string, NotificationKind>(StringComparer.Ordinal) { [idea.AuthorId] = NotificationKind.CommentOnYourIdea };
                if (parent is not null)
                {
                    recipients[comments.Single(answeredComment => answeredComment.Id == (comment.ReplyToId ?? comment.ParentId)).AuthorId] = NotificationKind.ReplyToYourComment;
                }
                recipients.Remove(comment.AuthorId);
                notifications.Stage(db, recipients.Select(entry => (entry.Key, entry.Value)), names[comment.AuthorId], idea.Title,
                    CommentMarkup.PlainText(comment.Body, NotificationsService.TextMaxLength), $"/ideas/{idea.Id}#comment-{comment.Id}", DiscussionTargets.CommentSource(comment.Id), comment.CreatedAt);
            }
            idea.CommentCount = comments.Count;
            count += comments.Count;
            await db.SaveChangesAsync(cancellationToken);
        }
        logger.LogInformation("Created {Count} demo comments.", count);
    }

    private static void Vote(AppDbContext db, Comment comment, IEnumerable<string> voters, Random random)
    {
        foreach (var voter in voters)
        {
            var value = random.Next(4) == 0 ? -1 : 1;
            db.Add(new CommentVote { CommentId = comment.Id, UserId = voter, Value = value });
            comment.Upvotes += value == 1 ? 1 : 0;
            comment.Downvotes += value == -1 ? 1 : 0;
            comment.Score += value;
            comment.VoteSequence++;
        }
    }

    private static bool IsRussian(string text) => text.Any(character => character is >= 'А' and <= 'я');
}

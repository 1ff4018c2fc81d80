using System.Text.RegularExpressions;
using ActiveCitizen.App.Features.Discussions;
using ActiveCitizen.App.Features.Ideas;
using ActiveCitizen.App.Infrastructure.Data;
using ActiveCitizen.Tests.Features.Discussions;
using ActiveCitizen.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static ActiveCitizen.Tests.E2E.BrowserSteps;
using static Microsoft.Playwright.Assertions;

namespace ActiveCitizen.Tests.E2E;

/// <summary>Two residents in two browsers on one idea: what one writes reaches the other live, and nothing they write can run.</summary>
[Collection(BrowserCollection.Name)]
public sealed class DiscussionJourneyTests(BrowserFixture browser)
{
    /// <summary>A fresh idea, so tests never share a discussion.</summary>
    private Task<int> NewIdeaAsync() => browser.NewHousingIdeaAsync("Discussed idea");

    /// <summary>Top-level comments written straight into the idea's discussion, oldest first; returns their ids in that order.</summary>
    private async Task<IReadOnlyList<int>> SeedThreadsAsync(int ideaId, int count)
    {
        using var scope = browser.App.CreateScope();
        await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        var authorId = await db.Users.Select(user => user.Id).FirstAsync();
        var comments = Enumerable.Range(1, count).Select(number => new Comment
        {
            TargetType = DiscussionTargets.Idea,
            TargetId = ideaId,
            Depth = 1,
            AuthorId = authorId,
            Body = $"Thread number {number}",
            BodyHtml = $"<p>Thread number {number}</p>",
            CreatedAt = DateTime.UtcNow.AddMinutes(-count + number - 10),
            SubmissionKey = Guid.NewGuid(),
        }).ToList();
        db.AddRange(comments);
        await db.SaveChangesAsync();
        comments.ForEach(comment => comment.ThreadId = comment.Id);
        await db.Set<Idea>().Where(idea => idea.Id == ideaId).ExecuteUpdateAsync(set => set.SetProperty(idea => idea.CommentCount, count));
        await db.SaveChangesAsync();
        return [.. comments.Select(comment => comment.Id)];
    }

    private async Task<IPage> ResidentOnIdeaAsync(string name, int ideaId)
    {
        var (page, _) = await browser.NewPageAsync();
        await SignInAsync(page, await browser.NewResidentAsync(name), BrowserFixture.ResidentPassword);
        await Expect(page).ToHaveURLAsync(browser.BaseUrl + "/");
        await page.GotoAsync($"/ideas/{ideaId}");
        await WaitUntilInteractiveAsync(page);
        await Expect(page.GetByTestId("discussion")).ToBeVisibleAsync();
        return page;
    }

    /// <summary>Writes in a composer (the page's own, or the reply box under a comment) and posts.</summary>
    private static async Task PostAsync(ILocator composer, string text)
    {
        await composer.Locator("textarea").First.FillAsync(text);
        await composer.GetByTestId("post-comment").ClickAsync();
    }

    private static ILocator MainComposer(IPage page) => page.GetByTestId("comment-composer").First;

    [Fact]
    public async Task A_comment_posted_in_one_browser_appears_in_the_other_without_a_reload()
    {
        var ideaId = await NewIdeaAsync();
        var reader = await ResidentOnIdeaAsync("Rita Reader", ideaId);
        var writer = await ResidentOnIdeaAsync("Walter Writer", ideaId);
        await Expect(reader.GetByTestId("viewers")).ToContainTextAsync("Viewing now: 2");
        // A mark in the reader's page: a reload would wipe it.
        await reader.EvaluateAsync("() => window.stillTheSamePage = true");

        await PostAsync(MainComposer(writer), "Buses should wait for the metro at night.");

        await Expect(writer.GetByTestId("comment-body")).ToHaveTextAsync("Buses should wait for the metro at night.");
        var showNew = reader.GetByTestId("show-new-comments");
        await Expect(showNew).ToHaveTextAsync("New comments: 1. Show");
        await showNew.ClickAsync();
        await Expect(reader.GetByTestId("comment-body")).ToHaveTextAsync("Buses should wait for the metro at night.");
        await Expect(reader.GetByTestId("comment-total")).ToHaveTextAsync("Comments: 1");

        // The reader answers; the reply appears under the comment in the writer's page at once.
        await reader.GetByTestId("reply").ClickAsync();
        await PostAsync(reader.Locator(".comment-reply-composer"), "Agreed, and the last tram too.");
        await Expect(writer.GetByTestId("comment-body")).ToHaveTextAsync(["Buses should wait for the metro at night.", "Agreed, and the last tram too."]);
        Assert.True(await reader.EvaluateAsync<bool>("() => window.stillTheSamePage === true"));
        // The writer hears of the reply through the bell.
        await Expect(writer.GetByTestId("unread-count").Locator(".mud-badge")).ToHaveTextAsync("1");
    }

    [Fact]
    public async Task A_visitor_turns_the_discussion_newest_first_with_the_order_select()
    {
        var ideaId = await NewIdeaAsync();
        await SeedThreadsAsync(ideaId, 3);
        var (page, console) = await browser.NewPageAsync();
        await page.GotoAsync($"/ideas/{ideaId}");
        await WaitUntilInteractiveAsync(page);
        var bodies = page.GetByTestId("comment-body");
        await Expect(bodies).ToHaveTextAsync(["Thread number 1", "Thread number 2", "Thread number 3"]);

        // A visitor's circuit keeps no MudBlazor provider (MainLayout), and the order needs none.
        await Expect(page.Locator(".mud-popover-provider")).ToHaveCountAsync(0);

        await page.GetByLabel("Order").SelectOptionAsync(new SelectOptionValue { Label = "Newest first" });

        await Expect(bodies).ToHaveTextAsync(["Thread number 3", "Thread number 2", "Thread number 1"]);
        lock (console)
        {
            Assert.DoesNotContain(console, line => line.StartsWith("error", StringComparison.Ordinal) || line.StartsWith("pageerror", StringComparison.Ordinal));
        }
    }

    [Fact]
    public async Task A_reply_opened_from_the_bell_on_the_idea_page_itself_is_shown_though_its_thread_was_not_loaded()
    {
        var ideaId = await NewIdeaAsync();
        await SeedThreadsAsync(ideaId, CommentLimits.ThreadsPerPage);
        var rita = await ResidentOnIdeaAsync("Rita Bell", ideaId);
        await PostAsync(MainComposer(rita), "Is there a bus after midnight?");
        await Expect(rita.GetByText("Is there a bus after midnight?")).ToBeVisibleAsync();
        // Read again, her thread is the newest of 21, oldest first: on the second page, which the reader has not reached.
        await rita.ReloadAsync();
        await WaitUntilInteractiveAsync(rita);
        await Expect(rita.GetByTestId("comment")).ToHaveCountAsync(CommentLimits.ThreadsPerPage);
        await Expect(rita.GetByText("Is there a bus after midnight?")).ToHaveCountAsync(0);

        var walterEmail = await browser.NewResidentAsync("Walter Bell");
        using (var scope = browser.App.CreateScope())
        {
            await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
            var question = await db.Set<Comment>().SingleAsync(comment => comment.TargetId == ideaId && comment.Body == "Is there a bus after midnight?");
            var walter = await db.Users.Where(user => user.Email == walterEmail).Select(user => user.Id).SingleAsync();
            var answered = await scope.ServiceProvider.GetRequiredService<DiscussionService>().PostAsync(TestUsers.Principal(walter),
                new CommentDraft(DiscussionTargets.Idea, ideaId, question.Id, "The N1 leaves at 00:40.", CommentStance.None, Guid.NewGuid()));
            Assert.Equal(CommentStatus.Done, answered.Status);
        }
        await Expect(rita.GetByTestId("unread-count").Locator(".mud-badge")).ToHaveTextAsync("1");

        await rita.GetByTestId("unread-count").GetByRole(AriaRole.Button, new() { Name = "Notifications, unread: 1" }).ClickAsync();
        await rita.Locator(".notification-menu__item").First.ClickAsync();

        await Expect(rita).ToHaveURLAsync(new Regex($"/ideas/{ideaId}#comment-[0-9]+$"));
        await Expect(rita.GetByTestId("comment-body").Filter(new() { HasText = "The N1 leaves at 00:40." })).ToBeInViewportAsync();
    }

    [Fact]
    public async Task None_of_the_attack_list_runs_or_leaves_an_element_when_typed_into_the_comment_box()
    {
        var ideaId = await NewIdeaAsync();
        var dialogs = new List<string>();
        // The whole list, a comment at most as long as the limit allows; a new resident for every five comments (the rate limit).
        var comments = new List<string>();
        foreach (var vector in CommentMarkupTests.XssVectorList)
        {
            if (comments.Count == 0 || comments[^1].Length + vector.Length + 2 > CommentLimits.MaxLength)
            {
                comments.Add(vector);
            }
            else
            {
                comments[^1] += "\n\n" + vector;
            }
        }
        IPage? attacker = null;
        for (var index = 0; index < comments.Count; index++)
        {
            if (index % CommentLimits.PerMinute == 0)
            {
                attacker = await ResidentOnIdeaAsync($"Attacker {index}", ideaId);
                attacker.Dialog += (_, dialog) =>
                {
                    lock (dialogs)
                    {
                        dialogs.Add(dialog.Message);
                    }
                    _ = dialog.DismissAsync();
                };
            }
            await PostAsync(MainComposer(attacker!), comments[index]);
            await Expect(MainComposer(attacker!).Locator("textarea").First).ToHaveValueAsync("");
        }

        var reader = await ResidentOnIdeaAsync("Careful Reader", ideaId);
        reader.Dialog += (_, dialog) =>
        {
            lock (dialogs)
            {
                dialogs.Add(dialog.Message);
            }
            _ = dialog.DismissAsync();
        };
        var bodies = reader.GetByTestId("comment-body");
        await Expect(bodies).ToHaveCountAsync(comments.Count);
        await Expect(bodies.Locator("script, img, svg, math, iframe, object, embed, form, input, style, link, meta, base, video, audio, details, " +
            "marquee, template, noscript, textarea, select, [onerror], [onload], [onclick], [onfocus], [ontoggle], [style]")).ToHaveCountAsync(0);
        await Expect(bodies.Locator("a[href]:not([href^='http:']):not([href^='https:']):not([href^='mailto:'])")).ToHaveCountAsync(0);
        Assert.Null(await reader.EvaluateAsync<string?>("() => document.body.dataset.xss ?? null"));
        lock (dialogs)
        {
            Assert.Empty(dialogs);
        }
    }

    [Fact]
    public async Task A_script_posted_as_a_comment_does_not_run_and_leaves_no_element_behind()
    {
        var ideaId = await NewIdeaAsync();
        var reader = await ResidentOnIdeaAsync("Xenia Reader", ideaId);
        var attacker = await ResidentOnIdeaAsync("Mallory Attacker", ideaId);
        var dialogs = new List<string>();
        foreach (var page in new[] { reader, attacker })
        {
            page.Dialog += (_, dialog) =>
            {
                lock (dialogs)
                {
                    dialogs.Add(dialog.Message);
                }
                _ = dialog.DismissAsync();
            };
        }
        const string payload =
            "Hello <img src=x onerror=\"alert('img');document.body.dataset.xss='img'\">" +
            "<script>alert('script');document.body.dataset.xss='script'</script>" +
            "<svg onload=\"alert('svg')\"></svg><iframe src=\"javascript:alert('frame')\"></iframe>\n\n" +
            "[click me](javascript:alert('link')) and <a href=\"javascript:alert('anchor')\" onclick=\"alert('onclick')\">me</a>";

        await PostAsync(MainComposer(attacker), payload);
        await reader.GetByTestId("show-new-comments").ClickAsync();

        foreach (var page in new[] { attacker, reader })
        {
            var body = page.GetByTestId("comment-body");
            await Expect(body).ToContainTextAsync("Hello");
            await Expect(body.Locator("img, script, svg, iframe, [onerror], [onload], [onclick]")).ToHaveCountAsync(0);
            await Expect(body.Locator("a[href^='javascript' i]")).ToHaveCountAsync(0);
            // The Markdown link survives as a link that goes nowhere; clicking it does nothing.
            var link = body.Locator("a", new() { HasText = "click me" });
            await Expect(link).ToHaveCountAsync(1);
            Assert.Null(await link.GetAttributeAsync("href"));
            await link.ClickAsync();
            Assert.Null(await page.EvaluateAsync<string?>("() => document.body.dataset.xss ?? null"));
        }
        lock (dialogs)
        {
            Assert.Empty(dialogs);
        }
    }

    [Fact]
    public async Task A_long_discussion_grows_as_the_reader_scrolls_and_a_link_to_a_comment_far_down_shows_it()
    {
        var ideaId = await NewIdeaAsync();
        var threads = await SeedThreadsAsync(ideaId, CommentLimits.ThreadsPerPage * 2 + 5);
        var (page, _) = await browser.NewPageAsync();
        await page.GotoAsync($"/ideas/{ideaId}");
        await WaitUntilInteractiveAsync(page);
        var shown = page.GetByTestId("comment");
        await Expect(shown).ToHaveCountAsync(CommentLimits.ThreadsPerPage);

        // Scrolling alone, no click: the next page arrives as the end of the list comes near.
        await shown.Last.ScrollIntoViewIfNeededAsync();
        await Expect(shown).ToHaveCountAsync(CommentLimits.ThreadsPerPage * 2);

        // Opened from a notification: a fresh page whose address points at the last thread, two pages down.
        var (linked, _) = await browser.NewPageAsync();
        await linked.GotoAsync($"/ideas/{ideaId}#comment-{threads[^1]}");
        await Expect(linked.Locator($"#comment-{threads[^1]}")).ToBeInViewportAsync();
        await Expect(linked.Locator($"#comment-{threads[^1]}")).ToContainTextAsync("Thread number 45");
    }
}

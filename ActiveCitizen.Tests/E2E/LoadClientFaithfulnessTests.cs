using ActiveCitizen.App.Features.Ideas;
using ActiveCitizen.App.Features.Projects;
using ActiveCitizen.App.Infrastructure.Data;
using ActiveCitizen.Bench.Circuits;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static ActiveCitizen.Tests.E2E.BrowserSteps;
using static Microsoft.Playwright.Assertions;

namespace ActiveCitizen.Tests.E2E;

/// <summary>
/// The load client (bench/ActiveCitizen.Bench) is only worth its figures if a circuit it opens is the circuit a browser opens: the
/// same page, and clicks that count. Chromium is the reference.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class LoadClientFaithfulnessTests(BrowserFixture browser)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);

    /// <summary>A demo idea in the housing project (open for support and comments) with a discussion a single page holds.</summary>
    private async Task<int> HousingIdeaAsync(bool withComments)
    {
        using var scope = browser.App.CreateScope();
        await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        return await db.Set<Idea>()
            .Where(idea => idea.HiddenAt == null && idea.MergedIntoId == null && idea.State == IdeaState.Submitted && idea.OpenReports == 0 &&
                           db.Set<Project>().Any(project => project.Id == idea.ProjectId && project.Slug == "online-housing-services") &&
                           (withComments ? idea.CommentCount > 0 : idea.CommentCount == 0))
            .OrderByDescending(idea => idea.CommentCount).ThenBy(idea => idea.Id)
            .Select(idea => idea.Id).FirstAsync();
    }

    private async Task<IPage> ChromiumAsync(string path)
    {
        var (page, _) = await browser.NewPageAsync();
        // The size the client reports to MudBlazor's window-size calls, so that both get the same responsive layout.
        await page.SetViewportSizeAsync(1300, 900);
        await page.GotoAsync(path);
        await WaitUntilInteractiveAsync(page);
        return page;
    }

    /// <summary>
    /// What the circuit rendered, as textContent: the idea page is an island in a shell rendered on the server, which is not the circuit's.
    /// </summary>
    private static Task<string> ChromiumTextAsync(IPage page) => page.EvaluateAsync<string>("""
        () => {
          const island = document.querySelector('.interactive-island').cloneNode(true);
          island.querySelectorAll('script, style, template').forEach(node => node.remove());
          return island.textContent;
        }
        """);

    [Fact]
    public async Task An_idea_page_opened_by_the_load_client_reads_word_for_word_as_in_Chromium()
    {
        var ideaId = await HousingIdeaAsync(withComments: true);
        var page = await ChromiumAsync($"/ideas/{ideaId}");
        using var target = new CircuitTarget(new Uri(browser.BaseUrl + "/"));
        await using var client = new CircuitClient(target);

        await client.OpenAsync($"ideas/{ideaId}");

        // Both tabs count each other as viewers once presence settles; the page reads the same in both only from then on.
        await Expect(page.GetByTestId("viewers")).ToContainTextAsync("2");
        await client.WaitForAsync(root => root.TextContent().Contains("Viewing now: 2", StringComparison.Ordinal) ? root : null, Patience, "two viewers");
        var clientText = RenderedTree.Normalize(client.PageText());
        var chromiumText = RenderedTree.Normalize(await ChromiumTextAsync(page));
        Assert.Contains("Viewing now: 2", clientText);
        Assert.Contains("Comments:", clientText);
        Assert.Equal(chromiumText, clientText);
        Assert.Empty(target.CircuitErrors);
    }

    [Fact]
    public async Task A_support_clicked_by_the_load_client_changes_the_count_a_Chromium_viewer_sees()
    {
        var ideaId = await HousingIdeaAsync(withComments: false);
        var viewer = await ChromiumAsync($"/ideas/{ideaId}");
        var before = int.Parse(await viewer.GetByTestId("support-count").TextContentAsync() ?? "");
        var email = await browser.NewResidentAsync("Lev Loadclient");
        using var target = new CircuitTarget(new Uri(browser.BaseUrl + "/"));
        await using var client = new CircuitClient(target);
        await client.SignInAsync(email, BrowserFixture.ResidentPassword);
        await client.OpenAsync($"ideas/{ideaId}");

        await client.ClickAsync(await client.WaitForButtonAsync("Support this idea", Patience));

        await Expect(viewer.GetByTestId("support-count")).ToHaveTextAsync((before + 1).ToString());
        await client.WaitForButtonAsync("You support this idea", Patience);
        Assert.Empty(target.CircuitErrors);
    }
}

using System.Net;
using ActiveCitizen.App.Features.Ideas;
using ActiveCitizen.App.Features.Projects;
using ActiveCitizen.App.Infrastructure.Data;
using ActiveCitizen.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ActiveCitizen.Tests.Features.Ideas;

/// <summary>Project and idea pages over HTTP with the demo content: what anyone reaching a link sees.</summary>
public sealed class IdeaPagesTests(DemoApp app) : IClassFixture<DemoApp>
{
    /// <summary>An idea of the finished culture project, whose figures no test here counts, to model new ideas on.</summary>
    private async Task<Idea> AnyCultureIdeaAsync()
    {
        using var scope = app.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var culture = await db.Set<Project>().SingleAsync(project => project.Slug == DemoProjects.CultureSlug);
        return await db.Set<Idea>().Where(idea => idea.ProjectId == culture.Id).OrderBy(idea => idea.Id).FirstAsync();
    }

    [Theory]
    [InlineData("/projects/no-such-project")]
    [InlineData("/projects/no-such-project/submit")]
    [InlineData("/ideas/99999999")]
    public async Task An_unknown_project_or_idea_answers_with_the_not_found_page(string path)
    {
        var client = app.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        if (path.EndsWith("/submit"))
        {
            await StaticFormPost.SignInAsDemoAsync(client, "resident@activecitizen.example");
        }

        var response = await client.GetAsync(path);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("Page not found", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task The_open_project_shows_its_timeline_figures_and_a_way_to_propose()
    {
        var html = await app.CreateClient().GetStringAsync($"/projects/{DemoProjects.HousingSlug}");

        Assert.Contains("Online housing and communal services", html);
        Assert.Contains("Accepting ideas", html);
        Assert.Contains("Propose an idea", html);
        Assert.Contains("Idea submission", html);
        // One demo idea is hidden after reports, pending a moderator's review: the project counts the ideas residents can see.
        Assert.Contains($"{DemoIdeaTexts.Housing.Length - 1}</span><span>ideas", html);
    }

    [Fact]
    public async Task A_hidden_idea_shows_readers_why_and_nothing_of_its_text()
    {
        var model = await AnyCultureIdeaAsync();
        var idea = new Idea
        {
            ProjectId = model.ProjectId, CategoryId = model.CategoryId, AuthorId = model.AuthorId, Title = "Buy cheap watches here",
            Description = "An advertisement that moderators hid from everyone.", SubmittedAt = model.SubmittedAt, SubmissionKey = Guid.NewGuid(),
            HiddenAt = model.SubmittedAt.AddHours(1), HiddenBy = IdeaHiddenBy.Moderator, HiddenNote = "Advertising",
        };
        using (var scope = app.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            db.Add(idea);
            await db.SaveChangesAsync();
        }

        var html = await app.CreateClient().GetStringAsync($"/ideas/{idea.Id}");

        Assert.Contains("This idea is hidden by moderators.", html);
        Assert.DoesNotContain("cheap watches", html);
        Assert.DoesNotContain("advertisement", html);
        var catalog = await app.CreateClient().GetStringAsync("/ideas?q=watches");
        Assert.DoesNotContain("cheap watches", catalog);
    }

    [Fact]
    public async Task An_idea_page_shows_the_text_as_written_markup_included_never_as_markup()
    {
        var model = await AnyCultureIdeaAsync();
        var idea = new Idea
        {
            ProjectId = model.ProjectId, CategoryId = model.CategoryId, AuthorId = model.AuthorId, Title = "<img src=x onerror=alert(1)> Bills",
            Description = "A description that is long enough for an idea.", SubmittedAt = model.SubmittedAt, SubmissionKey = Guid.NewGuid(),
        };
        using (var scope = app.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            db.Add(idea);
            await db.SaveChangesAsync();
        }

        var html = await app.CreateClient().GetStringAsync($"/ideas/{idea.Id}");

        Assert.Contains("&lt;img src=x onerror=alert(1)&gt; Bills", html);
        Assert.DoesNotContain("<img src=x", html);
    }

    [Fact]
    public async Task An_idea_page_leads_back_to_its_project_and_marks_itself_as_the_current_page()
    {
        var idea = await AnyCultureIdeaAsync();

        var html = await app.CreateClient().GetStringAsync($"/ideas/{idea.Id}");

        var trail = html[html.IndexOf("<nav aria-label=\"Breadcrumb\">", StringComparison.Ordinal)..];
        trail = trail[..(trail.IndexOf("</nav>", StringComparison.Ordinal) + "</nav>".Length)];
        Assert.Contains("<a href=\"projects\">Projects</a>", trail);
        Assert.Contains($"<a href=\"projects/{DemoProjects.CultureSlug}\">", trail);
        // The idea is where the reader is: named, and no link to follow.
        Assert.Contains("<a aria-current=\"page\" class=\"mud-text-secondary\">Idea</a>", trail);
        Assert.Equal(2, trail.Split("mud-breadcrumb-separator").Length - 1);
    }

    [Fact]
    public async Task A_search_address_can_be_shared_and_shows_the_same_results()
    {
        var html = await app.CreateClient().GetStringAsync("/ideas?q=%D0%BA%D0%B2%D0%B8%D1%82%D0%B0%D0%BD%D1%86%D0%B8%D1%8F&sort=newest");

        Assert.Contains("Квитанция на английском языке", html);
        Assert.DoesNotContain("Show the full bill breakdown before paying", html);
    }

    [Fact]
    public async Task The_finished_culture_project_lists_the_46_ideas_its_commission_selected()
    {
        var html = await app.CreateClient().GetStringAsync($"/ideas?project={DemoProjects.CultureSlug}&state=Selected");

        Assert.Contains($"Ideas found: {DemoIdeas.SelectedCultureIdeas}", html);
    }

    [Fact]
    public async Task Submitting_needs_a_signed_in_resident()
    {
        var response = await app.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false })
            .GetAsync($"/projects/{DemoProjects.HousingSlug}/submit");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/Account/Login", response.Headers.Location!.AbsolutePath);
    }
}

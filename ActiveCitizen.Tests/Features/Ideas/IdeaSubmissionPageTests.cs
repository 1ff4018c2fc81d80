using ActiveCitizen.App.Features.Ideas;
using ActiveCitizen.App.Features.Projects;
using ActiveCitizen.App.Infrastructure;
using ActiveCitizen.App.Infrastructure.Data;
using ActiveCitizen.App.Infrastructure.Live;
using ActiveCitizen.App.Infrastructure.Security;
using ActiveCitizen.App.Infrastructure.Time;
using ActiveCitizen.Tests.Infrastructure;
using Bunit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using MudBlazor;

namespace ActiveCitizen.Tests.Features.Ideas;

/// <summary>The submission form with the real services on a real database: what a resident sees when the input is wrong.</summary>
public sealed class IdeaSubmissionPageTests : ComponentTestContext
{
    private readonly TestDatabase database = TestDatabase.InMemory();
    private readonly FakeTimeProvider time = new(new DateTimeOffset(TestProjects.SubmissionOpens.AddHours(3)));

    public IdeaSubmissionPageTests()
    {
        Services.AddSingleton(database.Factory);
        Services.AddSingleton<TimeProvider>(time);
        Services.AddSingleton<ILiveEvents>(new InProcessLiveEvents(NullLogger<InProcessLiveEvents>.Instance));
        Services.AddSingleton(Options.Create(new SiteOptions()));
        Services.AddSingleton<CityClock>();
        Services.AddSingleton<UserAccess>();
        Services.AddSingleton<ProjectQueries>();
        Services.AddSingleton<IdeaQueries>();
        Services.AddSingleton<IdeasService>();
    }

    private async Task<IRenderedComponent<IdeaSubmissionPage>> RenderFormAsync()
    {
        var project = await TestProjects.CreateAsync(database);
        SignInAs(await TestUsers.CreateAsync(database, "Anna"), []);
        var host = Render(builder =>
        {
            builder.OpenComponent<MudPopoverProvider>(0);
            builder.CloseComponent();
            builder.OpenComponent<IdeaSubmissionPage>(1);
            builder.AddAttribute(2, nameof(IdeaSubmissionPage.Slug), project.Slug);
            builder.CloseComponent();
        });
        return host.FindComponent<IdeaSubmissionPage>();
    }

    [Fact]
    public async Task Too_short_text_and_no_category_are_explained_next_to_each_field_and_nothing_is_stored()
    {
        var page = await RenderFormAsync();

        Type(page, "#idea-title", "Too short");
        Type(page, "#idea-description", "Also too short");
        await page.InvokeAsync(() => page.FindAll("button").Single(button => button.TextContent.Contains("Submit the idea")).Click());

        page.WaitForAssertion(() =>
        {
            var text = page.Markup;
            Assert.Contains("The title must be 10 to 140 characters long.", text);
            Assert.Contains("The description must be 30 to 4000 characters long.", text);
            Assert.Contains("Choose a category.", text);
            Assert.Contains("Please correct the highlighted fields.", text);
        });
        await using var db = database.CreateContext();
        Assert.False(await db.Set<Idea>().AnyAsync());
    }

    [Fact]
    public async Task In_Russian_the_same_mistakes_are_explained_in_Russian()
    {
        UseCulture("ru");
        var page = await RenderFormAsync();

        Type(page, "#idea-title", "Коротко");
        await page.InvokeAsync(() => page.FindAll("button").Single(button => button.TextContent.Contains("Отправить идею")).Click());

        page.WaitForAssertion(() => Assert.Contains("Длина заголовка — от 10 до 140 символов.", page.Markup));
    }

    [Fact]
    public async Task While_typing_the_resident_is_shown_similar_ideas_of_the_project()
    {
        var page = await RenderFormAsync();
        await using (var db = database.CreateContext())
        {
            var project = await db.Set<Project>().Include(p => p.Categories).SingleAsync();
            db.Add(new Idea { ProjectId = project.Id, CategoryId = project.Categories[0].Id, AuthorId = (await db.Users.FirstAsync()).Id,
                Title = "Send meter readings by photo", Description = "Take a photo of the meter instead of typing numbers.",
                SubmittedAt = TestProjects.SubmissionOpens.AddHours(1), SubmissionKey = Guid.NewGuid() });
            await db.SaveChangesAsync();
        }

        Type(page, "#idea-title", "A photo of my water meter");

        page.WaitForAssertion(() => Assert.Contains("Send meter readings by photo", page.Find(".similar-ideas").TextContent));
    }

    /// <summary>Types into a MudBlazor field and leaves it, which commits the value at once instead of after the typing pause.</summary>
    private static void Type(IRenderedComponent<IdeaSubmissionPage> page, string selector, string text)
    {
        page.Find(selector).Input(text);
        page.Find(selector).Blur();
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        database.Dispose();
    }
}

using ActiveCitizen.Bench.Circuits;
using ActiveCitizen.Tests.E2E;

namespace ActiveCitizen.Tests.LoadClient;

/// <summary>The app with its demo on a real port, for the load scenarios' smoke runs (its own database: the runs change it).</summary>
public sealed class ScenarioSite : IAsyncLifetime
{
    public KestrelApp App { get; } = new();
    public LiveSite Site { get; private set; } = default!;

    public Task InitializeAsync()
    {
        Site = new LiveSite(new Uri(App.Start() + "/"), App.DatabasePath);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await App.DisposeAsync();
}

/// <summary>
/// Each load scenario of the bench, run with 20 residents against the app in-process: the figures mean nothing at this size, but the
/// scenarios' own checks must hold (every circuit renders, every viewer gets the update, every confirmed answer is stored).
/// </summary>
public sealed class ScenarioSmokeTests(ScenarioSite fixture) : IClassFixture<ScenarioSite>
{
    private const int Residents = 20;

    [Fact]
    public async Task Circuits_twenty_idea_pages_open_render_their_idea_and_stay_alive()
    {
        var result = await CircuitsScenario.RunAsync(fixture.Site, Residents, rate: 50, hold: TimeSpan.FromSeconds(3));

        Assert.Empty(result.Failures);
        Assert.Equal(Residents, result.Opened);
        Assert.Equal(Residents, result.RenderedTheirPage);
        Assert.Equal(Residents, result.AliveAfterHold);
        Assert.All(result.StartMilliseconds, milliseconds => Assert.True(milliseconds > 0));
        Assert.Empty(result.UnansweredJsCalls);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Circuits_on_the_framework_floor_app_open_render_stay_alive_and_have_their_heap_measured(bool island)
    {
        var dataDirectory = Path.Combine(Path.GetTempPath(), $"hello-circuit-{Guid.NewGuid():N}");
        CircuitsResult result;
        try
        {
            result = await CircuitsScenario.RunOnHelloCircuitAsync(dataDirectory, island, Residents, rate: 50, hold: TimeSpan.FromSeconds(3));
        }
        finally
        {
            // Absent if the app could not even be found: that failure is the one to see.
            if (Directory.Exists(dataDirectory))
            {
                Directory.Delete(dataDirectory, recursive: true);
            }
        }

        Assert.Empty(result.Failures);
        Assert.Equal(Residents, result.RenderedTheirPage);
        Assert.Equal(Residents, result.AliveAfterHold);
        // Twenty held circuits hold something: a measurement of nothing would say the floor costs nothing.
        Assert.True(result.HeldHeap!.LiveBytes > result.BaselineHeap!.LiveBytes,
            $"held {result.HeldHeap.LiveBytes:N0} bytes live against {result.BaselineHeap.LiveBytes:N0} before");
        Assert.True(result.ServerResidentBytes > 0);
        Assert.Empty(result.UnansweredJsCalls);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Fanout_a_reply_a_tag_and_a_vote_reach_every_viewer_of_the_idea_and_of_the_catalog(bool signedInReaders)
    {
        var result = await FanoutScenario.RunAsync(fixture.Site, Residents, Residents, rate: 50, signedInReaders);

        Assert.Empty(result.Failures);
        Assert.True(result.EveryViewerGotTheComment, $"{result.CommentMilliseconds.Length} of {Residents} viewers got the reply");
        Assert.True(result.EveryViewerGotTheTag,
            $"the tag reached {result.TagOnIdeaMilliseconds.Length} idea and {result.TagOnCatalogMilliseconds.Length} catalog viewers of {Residents} each");
        Assert.True(result.EveryViewerGotTheVote, $"{result.VoteMilliseconds.Length} of {Residents} viewers got the comment's new count");
        // The vote re-renders its comment (and a signed-in reader's two buttons in it, Reply and Report), not the discussion around it.
        Assert.Equal(signedInReaders ? 3 : 1, result.VoteBatch.Components);
        Assert.Empty(result.UnansweredJsCalls);
    }

    [Fact]
    public async Task Quiz_rush_every_answer_confirmed_to_a_resident_is_stored()
    {
        var result = await QuizRushScenario.RunAsync(fixture.Site, Residents, window: TimeSpan.FromSeconds(2), startWindow: TimeSpan.FromSeconds(2));

        Assert.Empty(result.Failures);
        Assert.Equal(Residents, result.Confirmed);
        Assert.Equal(result.Confirmed, result.Stored);
        Assert.Equal(Residents, result.AnswerMilliseconds.Length);
        Assert.Empty(result.UnansweredJsCalls);
    }
}

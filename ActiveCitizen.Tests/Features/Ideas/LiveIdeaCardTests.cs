using ActiveCitizen.App.Features.Ideas;
using ActiveCitizen.App.Features.Ideas.Components;
using ActiveCitizen.App.Infrastructure;
using ActiveCitizen.App.Infrastructure.Live;
using ActiveCitizen.App.Infrastructure.Time;
using ActiveCitizen.App.Shared;
using ActiveCitizen.Tests.Infrastructure;
using Bunit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace ActiveCitizen.Tests.Features.Ideas;

/// <summary>Cards and tag chips keep themselves current while a page is open: tags, supports and standing, or the card leaves the list.</summary>
public sealed class LiveIdeaCardTests : ComponentTestContext
{
    private readonly InProcessLiveEvents live = new(NullLogger<InProcessLiveEvents>.Instance);

    public LiveIdeaCardTests()
    {
        Services.AddSingleton<ILiveEvents>(live);
        Services.AddScoped<CircuitLiveSubscriptions>();
        Services.AddSingleton(Options.Create(new SiteOptions()));
        Services.AddSingleton(TimeProvider.System);
        Services.AddSingleton<CityClock>();
    }

    private static IdeaCard Card(int id) => new(
        id, $"Benches by the pond {id}", "Shade and rest for older residents.", 1, "cosy-yards", LocalizedText.Of("Cosy yards", "Уютные дворы"),
        LocalizedText.Of("Yards", "Дворы"), IdeaState.Submitted, 4, 0, new DateTime(2026, 11, 20, 9, 0, 0, DateTimeKind.Utc), "Anna Petrova", []);

    [Fact]
    public void A_tag_a_support_and_a_screening_reach_the_card_and_only_that_card()
    {
        var cards = new[] { Card(7), Card(8) };
        var rendered = cards.Select(card => Render<LiveIdeaCard>(parameters => parameters.Add(card => card.Idea, card))).ToList();
        var otherRenders = rendered[1].RenderCount;

        live.Publish(LiveTopics.Idea(7), new IdeaTagsChanged(7, [new TagView(1, "lighting", LocalizedText.Of("Lighting", "Освещение"), "#1b5fa8")]));
        live.Publish(LiveTopics.Idea(7), new IdeaSupportChanged(7, 5, 1));
        live.Publish(LiveTopics.Idea(7), new IdeaModerated(7, IdeaState.Feasible, null, false, null));

        rendered[0].WaitForAssertion(() =>
        {
            Assert.Contains("Lighting", rendered[0].Find(".tag-chip").TextContent);
            Assert.Equal("5", rendered[0].Find(".idea-card__count").TextContent);
            Assert.Equal("Feasible", rendered[0].Find(".idea-state").TextContent.Trim());
        });
        Assert.Equal(otherRenders, rendered[1].RenderCount);
    }

    [Fact]
    public async Task A_card_whose_idea_is_hidden_asks_the_list_to_drop_it()
    {
        var gone = new TaskCompletionSource<int>();
        Render<LiveIdeaCard>(parameters => parameters.Add(card => card.Idea, Card(9)).Add(card => card.OnGone, (int id) => gone.TrySetResult(id)));

        live.Publish(LiveTopics.Idea(9), new IdeaModerated(9, IdeaState.Submitted, null, true, null));

        Assert.Equal(9, await gone.Task.WaitAsync(TimeSpan.FromSeconds(10)));
    }

    [Fact]
    public void Tag_chips_moved_to_another_idea_follow_that_idea_and_no_longer_the_first()
    {
        var lighting = new TagView(1, "lighting", LocalizedText.Of("Lighting", "Освещение"), "#1b5fa8");
        var benches = new TagView(2, "benches", LocalizedText.Of("Benches", "Скамейки"), "#0f766e");
        var chips = Render<TagChips>(parameters => parameters.Add(chip => chip.Tags, []).Add(chip => chip.FollowIdeaId, 7));
        chips.Render(parameters => parameters.Add(chip => chip.Tags, []).Add(chip => chip.FollowIdeaId, 8));

        live.Publish(LiveTopics.Idea(7), new IdeaTagsChanged(7, [lighting]));
        live.Publish(LiveTopics.Idea(8), new IdeaTagsChanged(8, [benches]));

        chips.WaitForAssertion(() => Assert.Equal("Benches", chips.Find(".tag-chip").TextContent.Trim()));
        Assert.DoesNotContain("Lighting", chips.Markup);
    }
}


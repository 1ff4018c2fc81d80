using ActiveCitizen.Bench.Circuits;

namespace ActiveCitizen.Tests.LoadClient;

/// <summary>How the app answers a browser's WebSocket: what every open circuit costs the server between live events.</summary>
public sealed class CircuitSocketTests(ScenarioSite fixture) : IClassFixture<ScenarioSite>
{
    [Fact]
    public async Task A_browser_circuit_gets_compressed_render_batches_without_the_server_keeping_a_compressor_per_circuit()
    {
        var ideas = await fixture.Site.VisibleIdeasAsync();
        using var target = new CircuitTarget(fixture.Site.BaseUri);
        await using var client = new CircuitClient(target, keepsTree: false);
        var sawTitle = client.WatchForText(ideas[0].Title);

        // The client offers compression exactly as Chromium does ("permessage-deflate; client_max_window_bits").
        await client.OpenAsync($"ideas/{ideas[0].Id}");
        await sawTitle.WaitAsync(TimeSpan.FromSeconds(30));

        var agreed = client.SocketExtensions.Split(';', StringSplitOptions.TrimEntries);
        Assert.Contains("permessage-deflate", agreed);
        Assert.Contains("server_no_context_takeover", agreed);
    }
}

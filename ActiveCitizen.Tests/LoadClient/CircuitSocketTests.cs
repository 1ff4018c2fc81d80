using ActiveCitizen.App.Infrastructure;
using ActiveCitizen.Bench.Circuits;
using ActiveCitizen.Tests.E2E;

namespace ActiveCitizen.Tests.LoadClient;

/// <summary>
/// How the app answers a browser's WebSocket, which decides what every open circuit costs the server: the load client offers
/// compression exactly as Chromium does ("permessage-deflate; client_max_window_bits").
/// </summary>
public sealed class CircuitSocketTests(ScenarioSite fixture) : IClassFixture<ScenarioSite>
{
    [Fact]
    public async Task By_default_live_updates_travel_uncompressed_even_to_a_browser_that_offers_compression()
    {
        var agreed = await ExtensionsAgreedAsync(fixture.Site);

        Assert.Empty(agreed);
    }

    [Fact]
    public async Task With_compression_chosen_updates_are_compressed_without_a_compressor_kept_per_circuit()
    {
        await using var app = new KestrelApp(new Dictionary<string, string> { [WebAppModule.CompressUpdatesSetting] = "true" });
        var agreed = await ExtensionsAgreedAsync(new LiveSite(new Uri(app.Start() + "/"), app.DatabasePath));

        Assert.Contains("permessage-deflate", agreed);
        Assert.Contains("server_no_context_takeover", agreed);
    }

    /// <summary>Opens an idea page's circuit, waits for the idea to render, and returns the WebSocket extensions the server agreed to.</summary>
    private static async Task<string[]> ExtensionsAgreedAsync(LiveSite site)
    {
        var ideas = await site.VisibleIdeasAsync();
        using var target = new CircuitTarget(site.BaseUri);
        await using var client = new CircuitClient(target, keepsTree: false);
        var sawTitle = client.WatchForText(ideas[0].Title);

        await client.OpenAsync($"ideas/{ideas[0].Id}");
        await sawTitle.WaitAsync(TimeSpan.FromSeconds(30));

        return client.SocketExtensions.Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
    }
}

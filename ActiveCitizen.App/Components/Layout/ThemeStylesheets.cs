using ActiveCitizen.App.Features.Accounts;
using ActiveCitizen.App.Shared;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using MudBlazor;

namespace ActiveCitizen.App.Components.Layout;

/// <summary>
/// The theme's stylesheet, written by MudBlazor's own MudThemeProvider once per process rather than by a provider in every circuit.
/// A provider per circuit brought a MudTheme of its own (a hundred MudColors), JS interop at every circuit start (a script check, and
/// for the system theme a dark-mode query and a watcher with its serializer metadata), and a re-render of the whole shell whenever
/// the answer was "dark". One stylesheet serves every choice: the light palette, then the dark one's differences for a page whose
/// html element says data-theme="Dark", and again inside a prefers-color-scheme media query for "System", which the browser applies
/// by itself from the first paint and whenever the system switches. The theme switch (shell.js) only changes that attribute.
/// </summary>
public sealed class ThemeStylesheets(IServiceScopeFactory scopes, ILoggerFactory loggers)
{
    /// <summary>How MudThemeProvider opens the style element that holds the palette (the scrollbar and chart styles come before it).</summary>
    private const string PaletteStyleStart = "<style class='mud-theme-provider'>";

    private readonly Lock gate = new();

    // MarkupString is safe here: it wraps only MudThemeProvider's own output for the app's constant theme; no reader's input reaches it.
    private Task<MarkupString>? rendering;

    public Task<MarkupString> StylesheetAsync()
    {
        lock (gate)
        {
            // Rendered once, off the caller's request; a failed attempt is not kept, the next page tries again.
            if (rendering is null || rendering.IsFaulted || rendering.IsCanceled)
            {
                rendering = Task.Run(() => RenderAsync(scopes, loggers));
            }
            return rendering;
        }
    }

    private static async Task<MarkupString> RenderAsync(IServiceScopeFactory scopes, ILoggerFactory loggers)
    {
        await using var scope = scopes.CreateAsyncScope();
        await using var renderer = new HtmlRenderer(scope.ServiceProvider, loggers);
        var light = await RenderProviderAsync(renderer, dark: false);
        var dark = await RenderProviderAsync(renderer, dark: true);
        var darkDifferences = string.Concat(PaletteOf(dark).Except(PaletteOf(light)).Select(declaration => declaration + ";"));
        return new MarkupString(light + "<style class=\"theme-dark\">"
                                + $"html[data-theme=\"{ThemePreference.Dark}\"]{{{darkDifferences}}}"
                                + $"@media (prefers-color-scheme: dark) {{html[data-theme=\"{ThemePreference.System}\"]{{{darkDifferences}}}}}"
                                + "</style>");
    }

    private static Task<string> RenderProviderAsync(HtmlRenderer renderer, bool dark) => renderer.Dispatcher.InvokeAsync(async () =>
    {
        var output = await renderer.RenderComponentAsync<MudThemeProvider>(ParameterView.FromDictionary(new Dictionary<string, object?>
        {
            [nameof(MudThemeProvider.Theme)] = AppTheme.Theme,
            [nameof(MudThemeProvider.IsDarkMode)] = dark,
            [nameof(MudThemeProvider.ObserveSystemDarkModeChange)] = false,
        }));
        return output.ToHtmlString();
    });

    /// <summary>The declarations ("--mud-palette-background: rgba(15,19,26,1)") of the provider's one :root rule.</summary>
    private static IEnumerable<string> PaletteOf(string provider)
    {
        var start = provider.IndexOf(PaletteStyleStart, StringComparison.Ordinal);
        var end = start < 0 ? -1 : provider.IndexOf("</style>", start, StringComparison.Ordinal);
        var rule = end < 0 ? "" : provider[(start + PaletteStyleStart.Length)..end].Trim();
        if (!rule.StartsWith(":root{", StringComparison.Ordinal) || !rule.EndsWith('}') || rule.Count(c => c == '{') != 1)
        {
            throw new InvalidOperationException($"MudThemeProvider no longer writes its palette as one :root rule in a {PaletteStyleStart} element; the dark theme needs it.");
        }
        return rule[":root{".Length..^1].Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
    }
}

using ActiveCitizen.App.Features.Accounts;
using ActiveCitizen.App.Shared;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using MudBlazor;

namespace ActiveCitizen.App.Components.Layout;

/// <summary>
/// The theme's stylesheets, written by MudBlazor's own MudThemeProvider once per process rather than by a provider in every circuit.
/// A provider per circuit brought a MudTheme of its own (a hundred MudColors), JS interop at every circuit start (a script check, and
/// for the system theme a dark-mode query and a watcher with its serializer metadata), and a re-render of the whole shell whenever
/// the answer was "dark". Following the system is CSS instead: the dark palette inside a prefers-color-scheme media query, which the
/// browser applies by itself, from the first paint and whenever the system switches.
/// </summary>
public sealed class ThemeStylesheets(IServiceScopeFactory scopes, ILoggerFactory loggers)
{
    /// <summary>How MudThemeProvider opens the style element that holds the palette (the scrollbar and chart styles come before it).</summary>
    private const string PaletteStyleStart = "<style class='mud-theme-provider'>";

    private readonly Lock gate = new();

    // MarkupString is safe here: it wraps only MudThemeProvider's own output for the app's constant theme; no reader's input reaches it.
    private Task<IReadOnlyDictionary<ThemePreference, MarkupString>>? rendering;

    public async Task<MarkupString> ForAsync(ThemePreference preference)
    {
        Task<IReadOnlyDictionary<ThemePreference, MarkupString>> stylesheets;
        lock (gate)
        {
            // Rendered once, off the caller's circuit or request; a failed attempt is not kept, the next page tries again.
            if (rendering is null || rendering.IsFaulted || rendering.IsCanceled)
            {
                rendering = Task.Run(() => RenderAllAsync(scopes, loggers));
            }
            stylesheets = rendering;
        }
        return (await stylesheets)[preference];
    }

    private static async Task<IReadOnlyDictionary<ThemePreference, MarkupString>> RenderAllAsync(IServiceScopeFactory scopes, ILoggerFactory loggers)
    {
        await using var scope = scopes.CreateAsyncScope();
        await using var renderer = new HtmlRenderer(scope.ServiceProvider, loggers);
        var light = await RenderProviderAsync(renderer, dark: false);
        var dark = await RenderProviderAsync(renderer, dark: true);
        return new Dictionary<ThemePreference, MarkupString>
        {
            [ThemePreference.Light] = new(light),
            [ThemePreference.Dark] = new(dark),
            [ThemePreference.System] = new(light + PaletteWhenSystemIsDark(dark)),
        };
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

    /// <summary>The dark provider's palette rules, applied only while the reader's system is in dark mode.</summary>
    private static string PaletteWhenSystemIsDark(string darkProvider)
    {
        var start = darkProvider.IndexOf(PaletteStyleStart, StringComparison.Ordinal);
        var end = start < 0 ? -1 : darkProvider.IndexOf("</style>", start, StringComparison.Ordinal);
        if (end < 0)
        {
            throw new InvalidOperationException($"MudThemeProvider no longer writes its palette in a {PaletteStyleStart} element; the system theme needs it.");
        }
        var rules = darkProvider[(start + PaletteStyleStart.Length)..end];
        return $"<style class=\"theme-when-system-dark\">@media (prefers-color-scheme: dark) {{{rules}}}</style>";
    }
}

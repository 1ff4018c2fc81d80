using System.Collections.Concurrent;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Rendering;
using MudBlazor;

namespace ActiveCitizen.App.Components.Layout;

/// <summary>
/// MudThemeProvider, with one copy of its stylesheet for the whole server. The stock provider writes the theme's CSS variables as a
/// new string of about 24 KB on every render, and each circuit's render tree keeps the last two: some 50 KB of every open page spent
/// on text that only the theme and light or dark decide. The text is still built by MudBlazor from its own state; only the first copy
/// of each distinct stylesheet is kept and handed to every circuit.
/// </summary>
public sealed class SharedThemeProvider : MudThemeProvider
{
    /// <summary>Light and dark of the app's one theme; the bound only guards against a theme that keeps changing.</summary>
    private const int MaxStylesheets = 8;

    private static readonly ConcurrentDictionary<string, string> Stylesheets = new(StringComparer.Ordinal);
    private static readonly string Scrollbar = BuildMudBlazorScrollbar();

    protected override void BuildRenderTree(RenderTreeBuilder builder)
    {
        if (!DefaultScrollbar)
        {
            // Markup MudBlazor generates from constants, not from anything a user typed.
            builder.AddContent(0, (MarkupString)Scrollbar);
        }
        // Generated from the theme in code (AppTheme) by MudBlazor, never from user input.
        builder.AddContent(1, (MarkupString)Shared(BuildTheme()));
    }

    private static string Shared(string stylesheet) =>
        Stylesheets.TryGetValue(stylesheet, out var shared) ? shared
        : Stylesheets.Count < MaxStylesheets ? Stylesheets.GetOrAdd(stylesheet, stylesheet)
        : stylesheet;
}

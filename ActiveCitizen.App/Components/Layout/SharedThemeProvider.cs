using System.Runtime.CompilerServices;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Rendering;
using MudBlazor;

namespace ActiveCitizen.App.Components.Layout;

/// <summary>
/// MudThemeProvider, with its stylesheet built once per theme and palette for the whole server. The stock provider writes the theme's
/// CSS variables as a new string of about 24 KB on every render, and each circuit's render tree keeps the last two: some 50 KB of
/// every open page spent on text that depends only on the theme and on light or dark.
/// </summary>
public sealed class SharedThemeProvider : MudThemeProvider
{
    private static readonly ConditionalWeakTable<MudTheme, string?[]> Stylesheets = new();
    private static readonly string Scrollbar = BuildMudBlazorScrollbar();

    protected override void BuildRenderTree(RenderTreeBuilder builder)
    {
        if (Theme is null)
        {
            base.BuildRenderTree(builder);
            return;
        }
        if (!DefaultScrollbar)
        {
            builder.AddContent(0, (MarkupString)Scrollbar);
        }
        // [light, dark]; two circuits building the same one at once build equal strings, and either may stay.
        var stylesheets = Stylesheets.GetValue(Theme, _ => new string?[2]);
        builder.AddContent(1, (MarkupString)(stylesheets[IsDarkMode ? 1 : 0] ??= BuildTheme()));
    }
}

using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace ActiveCitizen.App.Shared;

/// <summary>
/// MudBlazor's markup and classes for purely presentational pieces, written into the parent's own render tree. Parts that every
/// circuit shows (the app shell, the idea page, each comment) use these instead of MudIcon, MudText, MudButton and friends: each
/// MudBlazor component stays alive as a component in every circuit, with render buffers of at least 32 frames, only to show a few
/// elements. The classes are MudBlazor 9's; after an upgrade, compare them with what the components render.
/// </summary>
public static class MudMarkup
{
    /// <summary>A MudIconButton with Color.Inherit, as in the app bar.</summary>
    public const string InheritIconButtonClass = "mud-button-root mud-icon-button mud-inherit-text hover:mud-inherit-hover mud-ripple mud-ripple-icon";

    /// <summary>A small MudIconButton in the default colour.</summary>
    public const string SmallIconButtonClass = "mud-button-root mud-icon-button mud-ripple mud-ripple-icon mud-icon-button-size-small";

    /// <summary>A MudButton's classes: a variant ("text", "outlined", "filled"), a colour ("default", "secondary", ...), a size.</summary>
    public static string ButtonClass(string variant, string color, string size = "medium") =>
        $"mud-button-root mud-button mud-button-{variant} mud-button-{variant}-{color} mud-button-{variant}-size-{size} mud-ripple";

    public static readonly string FilledPrimaryButtonClass = ButtonClass("filled", "primary");

    public static readonly string TextInheritButtonClass = ButtonClass("text", "inherit");

    public static readonly string OutlinedInheritButtonClass = ButtonClass("outlined", "inherit");

    /// <summary>A small MudChip of a variant ("outlined", "text") in a colour ("default", "success", ...).</summary>
    public static string SmallChipClass(string variant, string color) => $"mud-chip mud-chip-{variant} mud-chip-size-small mud-chip-color-{color}";

    /// <summary>A small MudIconButton in a theme colour ("primary", "secondary").</summary>
    public static string SmallIconButtonClassIn(string color) =>
        $"mud-button-root mud-icon-button mud-{color}-text hover:mud-{color}-hover mud-ripple mud-ripple-icon mud-icon-button-size-small";

    /// <summary>
    /// A MudIcon of the given size ("small", "medium"): <paramref name="icon"/> is one of MudBlazor's SVG icon constants
    /// (Icons.Material...), never user input.
    /// </summary>
    public static RenderFragment Icon(string icon, string? extraClass = null, string size = "medium") => builder =>
    {
        builder.OpenElement(0, "svg");
        builder.AddAttribute(1, "class", $"mud-icon-root mud-svg-icon mud-icon-size-{size}{(extraClass is null ? "" : " " + extraClass)}");
        builder.AddAttribute(2, "focusable", "false");
        builder.AddAttribute(3, "viewBox", "0 0 24 24");
        builder.AddAttribute(4, "aria-hidden", "true");
        builder.AddAttribute(5, "role", "img");
        builder.AddMarkupContent(6, icon);
        builder.CloseElement();
    };

    /// <summary>The inside of a MudIconButton: its label span around the icon.</summary>
    public static RenderFragment IconButtonLabel(string icon, string size = "medium") => builder =>
    {
        builder.OpenElement(0, "span");
        builder.AddAttribute(1, "class", "mud-icon-button-label");
        builder.AddContent(2, Icon(icon, size: size));
        builder.CloseElement();
    };

    /// <summary>A MudButton's StartIcon, in front of its text inside the label span.</summary>
    public static RenderFragment ButtonStartIcon(string icon, string size = "medium") => builder =>
    {
        builder.OpenElement(0, "span");
        builder.AddAttribute(1, "class", $"mud-button-icon-start mud-button-icon-size-{size}");
        builder.AddContent(2, Icon(icon, size: size));
        builder.CloseElement();
    };

    /// <summary>
    /// Markup equivalent to MudBreadcrumbs', flush with the page (px-0 pt-0, as every page places it): links to the pages above,
    /// separators hidden from screen readers, and the current page (the disabled item) marked as such, not a link at all, and in
    /// the secondary text colour rather than MudBlazor's disabled one, which is too faint to read. MudBreadcrumbs itself would
    /// keep seven components alive for three items.
    /// </summary>
    public static RenderFragment Breadcrumbs(IReadOnlyList<BreadcrumbItem> items, string label) => builder =>
    {
        builder.OpenElement(0, "nav");
        builder.AddAttribute(1, "aria-label", label);
        builder.OpenElement(2, "ol");
        builder.AddAttribute(3, "class", "mud-breadcrumbs mud-typography-body1 px-0 pt-0");
        for (var index = 0; index < items.Count; index++)
        {
            if (index > 0)
            {
                builder.OpenElement(4, "li");
                builder.AddAttribute(5, "aria-hidden", "true");
                builder.AddAttribute(6, "class", "mud-breadcrumb-separator");
                builder.AddMarkupContent(7, "<span>/</span>");
                builder.CloseElement();
            }
            var item = items[index];
            builder.OpenElement(8, "li");
            builder.AddAttribute(9, "class", "mud-breadcrumb-item");
            builder.OpenElement(10, "a");
            if (item.Disabled)
            {
                builder.AddAttribute(11, "aria-current", "page");
                builder.AddAttribute(12, "class", "mud-text-secondary");
            }
            else
            {
                builder.AddAttribute(13, "href", item.Href);
            }
            builder.AddContent(14, item.Text);
            builder.CloseElement();
            builder.CloseElement();
        }
        builder.CloseElement();
        builder.CloseElement();
    };

    /// <summary>
    /// A MudAlert's markup (Variant.Text, with its severity's icon, no close button) around <paramref name="message"/>. MudAlert would
    /// keep itself and a MudIcon alive for a notice that only changes when the page reads its idea again.
    /// </summary>
    public static RenderFragment Alert(Severity severity, RenderFragment message, string extraClass, bool dense = true, string? testId = null) => builder =>
    {
        var (name, icon) = severity switch
        {
            Severity.Info => ("info", Icons.Material.Outlined.Info),
            Severity.Success => ("success", Icons.Custom.Uncategorized.AlertSuccess),
            Severity.Warning => ("warning", Icons.Material.Outlined.ReportProblem),
            _ => throw new ArgumentOutOfRangeException(nameof(severity), severity, "Only the info, success and warning alerts are written as markup."),
        };
        builder.OpenElement(0, "div");
        builder.AddAttribute(1, "class", $"mud-alert mud-alert-text-{name}{(dense ? " mud-dense" : "")} mud-elevation-0 {extraClass}");
        builder.AddAttribute(2, "data-testid", testId);
        builder.OpenElement(3, "div");
        builder.AddAttribute(4, "class", "mud-alert-position justify-start");
        builder.OpenElement(5, "div");
        builder.AddAttribute(6, "class", "mud-alert-icon mud-alert-icon-left");
        builder.AddContent(7, Icon(icon));
        builder.CloseElement();
        builder.OpenElement(8, "div");
        builder.AddAttribute(9, "class", "mud-alert-message");
        builder.AddContent(10, message);
        builder.CloseElement();
        builder.CloseElement();
        builder.CloseElement();
    };
}

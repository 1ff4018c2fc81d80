using ActiveCitizen.App.Shared;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;

namespace ActiveCitizen.App.Features.Ideas.Components;

/// <summary>
/// An idea's state as a small MudChip's markup, written into the tree of whatever shows the idea. The chip is on every idea card and
/// page; as a component of its own it would stay alive in every circuit showing one, with render buffers of its own, to show a word.
/// </summary>
public static class IdeaStateChip
{
    public static RenderFragment For(IdeaState state, IStringLocalizer localizer) => builder =>
    {
        builder.OpenElement(0, "span");
        builder.AddAttribute(1, "class", $"{MudMarkup.SmallChipClass("outlined", ColorOf(state))} idea-state");
        builder.OpenElement(2, "span");
        builder.AddAttribute(3, "class", "mud-chip-content");
        builder.AddContent(4, localizer[$"IdeaState.{state}"]);
        builder.CloseElement();
        builder.CloseElement();
    };

    private static string ColorOf(IdeaState state) => state switch
    {
        IdeaState.Selected or IdeaState.Implemented or IdeaState.InImplementation => "success",
        IdeaState.Shortlisted or IdeaState.Feasible => "info",
        IdeaState.NotFeasible or IdeaState.NotSelected or IdeaState.Rejected => "error",
        IdeaState.Withdrawn => "dark",
        _ => "default",
    };
}

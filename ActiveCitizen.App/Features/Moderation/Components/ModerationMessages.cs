using ActiveCitizen.App.Resources;
using ActiveCitizen.App.Shared;
using Microsoft.Extensions.Localization;
using MudBlazor;

namespace ActiveCitizen.App.Features.Moderation.Components;

/// <summary>What a moderator or expert is told after an action, in their language.</summary>
public static class ModerationMessages
{
    public static string Describe(IStringLocalizer<Strings> localizer, ModerationResult result) => result.Status switch
    {
        ModerationStatus.Done when result.Skipped > 0 => localizer["Moderation.BulkDone", result.Affected, result.Skipped],
        ModerationStatus.Done => localizer["Moderation.Done"],
        ModerationStatus.ClaimedByOther => localizer["Moderation.ClaimedByOtherNow", result.ClaimedBy ?? ""],
        ModerationStatus.Invalid when result.Errors is { Count: > 0 } errors => localizer.Message(errors[0]),
        ModerationStatus.Refused or ModerationStatus.Invalid when result.MessageKey is { } key => localizer[key],
        _ => localizer[$"Moderation.Status.{result.Status}"],
    };

    public static Severity SeverityOf(ModerationResult result) => result.Status switch
    {
        ModerationStatus.Done => Severity.Success,
        ModerationStatus.AlreadyDone => Severity.Info,
        _ => Severity.Warning,
    };
}

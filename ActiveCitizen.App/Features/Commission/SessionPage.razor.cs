using ActiveCitizen.App.Features.Commission.Components;
using ActiveCitizen.App.Infrastructure.Security;
using ActiveCitizen.App.Shared;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using MudBlazor;

namespace ActiveCitizen.App.Features.Commission;

/// <summary>
/// A session for its members: their ballots, live counts of who has voted (never how), the chair's close, review and publish. The
/// page asks the service to bring the session up to the clock when it opens and again when its closing time passes.
/// </summary>
public sealed partial class SessionPage
{
    private SessionDetails? session;
    private List<BreadcrumbItem> breadcrumbs = [];
    private string? userId;
    private bool refused;
    private IDisposable? subscription;
    private ITimer? closing;

    [Parameter] public int Id { get; set; }
    [CascadingParameter] private Task<AuthenticationState> AuthenticationState { get; set; } = default!;

    protected override async Task OnInitializedAsync()
    {
        userId = UserAccess.UserIdOf((await AuthenticationState).User);
        subscription = Live.Subscribe<Infrastructure.Live.ILiveEvent>(CommissionTopics.Session(Id), liveEvent => InvokeAsync(async () =>
        {
            switch (liveEvent)
            {
                case VotesCounted counted when session is not null:
                    // The count travels with the event: it says how many, never how.
                    session = session with
                    {
                        Ideas = [.. session.Ideas.Select(idea => idea.IdeaId == counted.IdeaId ? idea with { Voted = counted.Voted, Eligible = counted.Eligible } : idea)],
                    };
                    break;
                case SessionChanged:
                    await LoadAsync();
                    break;
            }
            StateHasChanged();
        }));
        await LoadAsync();
    }

    private async Task LoadAsync()
    {
        await Commission.AdvanceAsync(Id);
        session = await Queries.ForViewerAsync(Id, userId);
        refused = session is null;
        if (session is null)
        {
            return;
        }
        breadcrumbs = [new(L["Commission.Title"], "commission"), new(session.ProjectTitle.ToString(), null, disabled: true)];
        ScheduleClosing();
    }

    /// <summary>When the closing time passes with the page open, the session is brought up to date and shown closed.</summary>
    private void ScheduleClosing()
    {
        closing?.Dispose();
        var left = session!.State switch
        {
            SessionState.Scheduled => session.OpensAt - Clock.UtcNow,
            SessionState.Open => session.ClosedAt - Clock.UtcNow,
            _ => (TimeSpan?)null,
        };
        if (left is { } wait)
        {
            // Timers cannot wait longer than about 49 days; a far-off opening is looked at again daily.
            var due = wait < TimeSpan.Zero ? TimeSpan.Zero : wait > TimeSpan.FromDays(1) ? TimeSpan.FromDays(1) : wait + TimeSpan.FromMilliseconds(50);
            closing = Time.CreateTimer(_ => _ = InvokeAsync(async () =>
            {
                await LoadAsync();
                StateHasChanged();
            }), null, due, Timeout.InfiniteTimeSpan);
        }
    }

    private async Task VoteAsync(SessionIdeaView idea, BallotChoice choice, string? comment)
    {
        var result = await Commission.VoteAsync((await AuthenticationState).User, Id, idea.IdeaId, choice, comment);
        if (result.Status == CommissionStatus.Done && session is not null)
        {
            session = session with
            {
                Ideas = [.. session.Ideas.Select(shown => shown.IdeaId == idea.IdeaId
                    ? shown with { MyBallot = new MyBallot(choice, string.IsNullOrWhiteSpace(comment) ? null : comment.Trim()), Voted = result.Voted, Eligible = result.Eligible }
                    : shown)],
            };
            return;
        }
        await ReportAsync(result);
    }

    private async Task RecuseAsync(SessionIdeaView idea)
    {
        var dialog = await Dialogs.ShowAsync<RecuseDialog>(L["Commission.RecuseTitle", idea.Title], new DialogOptions { MaxWidth = MaxWidth.Small, FullWidth = true });
        if (await dialog.Result is not { Canceled: false, Data: string reason })
        {
            return;
        }
        var result = await Commission.RecuseAsync((await AuthenticationState).User, Id, idea.IdeaId, reason);
        await ReportAsync(result);
    }

    private async Task WithdrawRecusalAsync(SessionIdeaView idea) =>
        await ReportAsync(await Commission.WithdrawRecusalAsync((await AuthenticationState).User, Id, idea.IdeaId));

    private async Task SaveRationaleAsync(SessionIdeaView idea, string? rationale) =>
        await ReportAsync(await Commission.SetRationaleAsync((await AuthenticationState).User, Id, idea.IdeaId, rationale));

    private async Task CloseAsync()
    {
        if (await Dialogs.ShowMessageBoxAsync(L["Commission.CloseTitle"], L["Commission.CloseQuestion"], L["Commission.CloseNow"], cancelText: L["Common.Cancel"]) == true)
        {
            await ReportAsync(await Commission.CloseAsync((await AuthenticationState).User, Id));
        }
    }

    private async Task PublishAsync()
    {
        if (await Dialogs.ShowMessageBoxAsync(L["Commission.PublishTitle"], L["Commission.PublishQuestion"], L["Commission.Publish"], cancelText: L["Common.Cancel"]) == true)
        {
            await ReportAsync(await Commission.PublishAsync((await AuthenticationState).User, Id));
        }
    }

    /// <summary>Says what happened (in the reader's words) and shows the session as it now is.</summary>
    private async Task ReportAsync(CommissionResult result)
    {
        var message = result.Errors is { Count: > 0 } errors ? L.Message(errors[0]) : L[$"Commission.Status.{result.Status}"].Value;
        Snackbar.Add(message, result.Status == CommissionStatus.Done ? Severity.Success : Severity.Warning);
        await LoadAsync();
    }

    public void Dispose()
    {
        subscription?.Dispose();
        closing?.Dispose();
    }
}

using ActiveCitizen.App.Features.Projects;
using ActiveCitizen.App.Infrastructure.Live;
using ActiveCitizen.App.Infrastructure.Security;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using MudBlazor;

namespace ActiveCitizen.App.Features.Ideas;

/// <summary>The idea, its actions and its discussion: what the idea page (<see cref="IdeaPage"/>) shows inside its error boundary.</summary>
public partial class IdeaContent
{
    private IdeaDetails? idea;
    private List<BreadcrumbItem> breadcrumbs = [];
    private string? userId;
    private bool supports;
    private bool follows;
    private bool supportOpen;
    private bool busy;
    private PhaseKind? currentPhase;
    private int loadedId;
    private IDisposable? subscription;

    private bool isModerator;

    /// <summary>The authentication state the reader's role was last read from.</summary>
    private Task<AuthenticationState>? readerFrom;

    [Parameter, EditorRequired] public int Id { get; set; }

    /// <summary>Set when the reader arrives from a duplicate that was merged into this idea.</summary>
    [SupplyParameterFromQuery(Name = "mergedFrom")] public int? MergedFrom { get; set; }

    /// <summary>Set by the submission form, which brings its author here: the thanks for a published idea.</summary>
    [SupplyParameterFromQuery(Name = IdeaPage.PublishedQuery)] public bool Published { get; set; }
    [CascadingParameter] private Task<AuthenticationState> AuthenticationState { get; set; } = default!;

    private bool CanEdit => idea is { State: IdeaState.Submitted } && Clock.UtcNow < idea.SubmittedAt + IdeaLimits.EditWindow;

    private string SignInLink => $"Account/Login?ReturnUrl={Uri.EscapeDataString($"/ideas/{Id}")}";

    protected override async Task OnParametersSetAsync()
    {
        // Read on every pass, not only for a new idea: a sign-in that ends under the open page (the password changed elsewhere) turns
        // the actions into the invitation to sign in, and a role granted or revoked shows or hides what moderators see, as the
        // cascade announces them.
        var user = (await AuthenticationState).User;
        userId = UserAccess.UserIdOf(user);
        if (!ReferenceEquals(readerFrom, AuthenticationState) || Id != loadedId)
        {
            readerFrom = AuthenticationState;
            isModerator = await Access.HasRoleAsync(user, Roles.Moderator);
        }
        if (Id == loadedId)
        {
            return;
        }
        loadedId = Id;
        // Listen before reading, so no change can fall between the read and the subscription.
        subscription?.Dispose();
        subscription = Live.Subscribe<ILiveEvent>(LiveTopics.Idea(Id), OnIdeaEventAsync);
        if (!await LoadAsync())
        {
            Navigation.NotFound();
            return;
        }
        if (idea!.MergedIntoId is { } target)
        {
            Navigation.NavigateTo($"/ideas/{target}?mergedFrom={Id}", replace: true);
            return;
        }
        (supports, follows) = await Ideas.ViewerStateAsync(Id, userId);
    }

    private async Task<bool> LoadAsync()
    {
        idea = await Ideas.DetailsAsync(Id);
        if (idea is null)
        {
            return false;
        }
        var schedule = await Projects.ScheduleAsync(idea.ProjectId);
        supportOpen = schedule?.Allows(PhaseActions.Support, Clock.UtcNow) == true;
        currentPhase = schedule?.CurrentPhase(Clock.UtcNow)?.Kind;
        breadcrumbs = [new(L["Projects.Title"], "projects"), new(idea.ProjectTitle.ToString(), $"projects/{idea.ProjectSlug}"), new(L["Idea.Breadcrumb"], null, disabled: true)];
        return true;
    }

    private Task OnIdeaEventAsync(ILiveEvent liveEvent) => InvokeAsync(async () =>
    {
        switch (liveEvent)
        {
            case IdeaSupportChanged changed when idea is not null && changed.IdeaId == idea.Id && changed.Sequence > idea.SupportSequence:
                // The count travels with the event: a thousand viewers cost no reads. An older change arriving late is ignored.
                idea = idea with { SupportCount = changed.SupportCount, SupportSequence = changed.Sequence };
                break;
            case IdeaChanged:
                await LoadAsync();
                break;
            case IdeaModerated moderated when idea is not null:
                if (moderated.MergedIntoId is { } target)
                {
                    Navigation.NavigateTo($"/ideas/{target}?mergedFrom={idea.Id}");
                    return;
                }
                // Rare, and the page needs more than the event carries (the moderator's note, the listed reason): read it again.
                await LoadAsync();
                break;
            default:
                // Tag changes among them: the tag chips follow those themselves, without re-rendering the page.
                return;
        }
        StateHasChanged();
    });

    private async Task ToggleSupportAsync()
    {
        busy = true;
        try
        {
            var user = (await AuthenticationState).User;
            var result = supports ? await IdeaActions.WithdrawSupportAsync(user, Id) : await IdeaActions.SupportAsync(user, Id);
            if (idea is not null && result.Sequence > idea.SupportSequence)
            {
                idea = idea with { SupportCount = result.SupportCount, SupportSequence = result.Sequence };
            }
            switch (result.Status)
            {
                case SupportStatus.Supported or SupportStatus.AlreadySupported:
                    supports = true;
                    break;
                case SupportStatus.Withdrawn or SupportStatus.NotSupported:
                    supports = false;
                    break;
                default:
                    Snackbar.Add(L[$"Support.{result.Status}"], Severity.Warning);
                    break;
            }
        }
        finally
        {
            busy = false;
        }
    }

    private async Task ToggleFollowAsync()
    {
        busy = true;
        try
        {
            var result = await IdeaActions.SetFollowingAsync((await AuthenticationState).User, Id, !follows);
            if (result.Status is IdeaChangeStatus.Done or IdeaChangeStatus.AlreadyDone)
            {
                follows = !follows;
                Snackbar.Add(follows ? L["Idea.FollowingNow"] : L["Idea.NotFollowingNow"], Severity.Info);
            }
            else
            {
                Snackbar.Add(L[$"IdeaChange.{result.Status}"], Severity.Warning);
            }
        }
        finally
        {
            busy = false;
        }
    }

    private async Task EditAsync()
    {
        var dialog = await Dialogs.ShowAsync<EditIdeaDialog>(L["Idea.Edit"], new DialogParameters<EditIdeaDialog> { { d => d.Idea, idea } },
            new DialogOptions { MaxWidth = MaxWidth.Medium, FullWidth = true });
        if (await dialog.Result is { Canceled: false })
        {
            Snackbar.Add(L["Idea.Saved"], Severity.Success);
            await LoadAsync();
        }
    }

    private async Task WithdrawAsync()
    {
        var dialog = await Dialogs.ShowAsync<WithdrawIdeaDialog>(L["Idea.Withdraw"], new DialogParameters<WithdrawIdeaDialog> { { d => d.IdeaId, Id } },
            new DialogOptions { MaxWidth = MaxWidth.Small, FullWidth = true });
        if (await dialog.Result is { Canceled: false })
        {
            Snackbar.Add(L["Idea.WithdrawnNow"], Severity.Info);
            await LoadAsync();
        }
    }

    private async Task ReportAsync()
    {
        var dialog = await Dialogs.ShowAsync<ReportIdeaDialog>(L["Idea.Report"], new DialogParameters<ReportIdeaDialog> { { d => d.IdeaId, Id } },
            new DialogOptions { MaxWidth = MaxWidth.Small, FullWidth = true });
        if (await dialog.Result is { Canceled: false, Data: IdeaChangeStatus status })
        {
            Snackbar.Add(L[status == IdeaChangeStatus.AlreadyDone ? "Idea.AlreadyReported" : "Idea.Reported"], Severity.Info);
        }
    }

    private bool IsAuthor => idea is not null && idea.AuthorId == userId;

    /// <summary>A hidden idea's text is for its author and moderators; everyone else reads why it is not shown.</summary>
    private bool ShowsContent => idea is not null && (!idea.Hidden || IsAuthor || isModerator);

    /// <summary>Why a hidden idea is hidden, as far as this reader may know.</summary>
    private string HiddenNotice =>
        !ShowsContent ? L["Idea.HiddenForReaders"]
        : idea!.HiddenBy == IdeaHiddenBy.Reports ? L["Idea.HiddenPendingReview"]
        : L["Idea.HiddenByModerators", idea.HiddenNote ?? ""];

    public void Dispose() => subscription?.Dispose();
}

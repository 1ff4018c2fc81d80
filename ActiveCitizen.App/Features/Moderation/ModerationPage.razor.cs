using ActiveCitizen.App.Features.Ideas;
using ActiveCitizen.App.Features.Moderation.Components;
using ActiveCitizen.App.Features.Projects;
using ActiveCitizen.App.Infrastructure.Live;
using ActiveCitizen.App.Infrastructure.Security;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.JSInterop;
using MudBlazor;

namespace ActiveCitizen.App.Features.Moderation;

/// <summary>
/// The moderators' console: the live queue on the left, the chosen item with its actions on the right. The queue reloads when the
/// moderators' topic says something changed, and claims update in place, so every moderator sees who is reviewing what.
/// </summary>
public sealed partial class ModerationPage
{
    private IReadOnlyList<QueueItem> items = [];
    private Dictionary<string, ClaimView> claims = [];
    private IReadOnlyList<ProjectCard> projects = [];
    private IReadOnlyList<TagView> tags = [];
    private IReadOnlyCollection<QueueItemKind> kinds = [];
    private readonly HashSet<int> checkedIdeas = [];
    private int? projectId;
    private string? selectedKey;
    private string? userId;
    private bool loaded;
    private ModerationItemPanel? panel;
    private readonly List<IDisposable> subscriptions = [];
    private ITimer? claimLapse;
    private IJSObjectReference? module;
    private IJSObjectReference? keyboard;
    private DotNetObjectReference<ModerationPage>? selfReference;

    [CascadingParameter] private Task<AuthenticationState> AuthenticationState { get; set; } = default!;

    private IReadOnlyList<QueueItem> Visible => [.. items.Where(item => kinds.Count == 0 || kinds.Contains(item.Kind))];

    private QueueItem? Selected => items.FirstOrDefault(item => item.Key == selectedKey);

    protected override async Task OnInitializedAsync()
    {
        userId = UserAccess.UserIdOf((await AuthenticationState).User);
        subscriptions.Add(Live.Subscribe<ModerationQueueChanged>(LiveTopics.Moderation, _ => InvokeAsync(async () =>
        {
            await ReloadQueueAsync();
            StateHasChanged();
        })));
        subscriptions.Add(Live.Subscribe<ModerationClaimChanged>(LiveTopics.Moderation, changed => InvokeAsync(() =>
        {
            if (changed.ModeratorId is null)
            {
                claims.Remove(changed.ItemKey);
            }
            else
            {
                claims[changed.ItemKey] = new ClaimView(changed.ItemKey, changed.ModeratorId, changed.ModeratorName ?? "", changed.Until ?? Clock.UtcNow);
            }
            ScheduleClaimLapse();
            StateHasChanged();
        })));
        projects = await Projects.ListAsync(Clock.UtcNow);
        await ReloadTagsAsync();
        await ReloadQueueAsync();
        loaded = true;
    }

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (!firstRender)
        {
            return;
        }
        try
        {
            selfReference = DotNetObjectReference.Create(this);
            module = await JS.InvokeAsync<IJSObjectReference>("import", "./" + Assets["js/moderation.js"]);
            keyboard = await module.InvokeAsync<IJSObjectReference>("listen", selfReference, ModerationShortcuts.All.Select(shortcut => shortcut.Key).ToArray());
        }
        catch (JSException exception)
        {
            // The buttons do everything the keys do.
            Logger.LogInformation(exception, "Keyboard shortcuts are unavailable in this browser.");
        }
        catch (JSDisconnectedException)
        {
            // The moderator left before the page finished opening.
        }
    }

    /// <summary>
    /// Reads the queue and the claims again, if the reader is still a moderator according to the database: a revoked moderator's
    /// open console stops receiving anything.
    /// </summary>
    private async Task ReloadQueueAsync()
    {
        if (!await Access.HasRoleAsync((await AuthenticationState).User, Roles.Moderator))
        {
            items = [];
            claims = [];
            selectedKey = null;
            subscriptions.ForEach(subscription => subscription.Dispose());
            subscriptions.Clear();
            return;
        }
        var selectedIndex = Visible.ToList().FindIndex(item => item.Key == selectedKey);
        items = await Queries.QueueAsync(projectId, null);
        claims = new Dictionary<string, ClaimView>(await Queries.ClaimsAsync());
        KeepSelectionVisible();
        ScheduleClaimLapse();
        if (selectedKey is not null && Selected is null)
        {
            // The item was dealt with (here or by someone else): its neighbour takes its place, not the top of the queue.
            var visible = Visible;
            selectedKey = visible.Count == 0 ? null : visible[Math.Clamp(selectedIndex, 0, visible.Count - 1)].Key;
        }
        if (panel is not null && Selected is not null)
        {
            await panel.ReloadAsync();
        }
    }

    private async Task ReloadTagsAsync() => tags = await Ideas.TagsAsync();

    private async Task ChangeProjectAsync(int? chosen)
    {
        projectId = chosen;
        await ReloadQueueAsync();
    }

    private Task ChangeKindsAsync(IReadOnlyCollection<QueueItemKind>? chosen)
    {
        kinds = chosen ?? [];
        KeepSelectionVisible();
        return Task.CompletedTask;
    }

    /// <summary>A bulk action only ever applies to items the moderator can see.</summary>
    private void KeepSelectionVisible() => checkedIdeas.IntersectWith(Visible.Where(item => !item.IsComment).Select(item => item.Id));

    /// <summary>Redraws when the earliest claim lapses, so a lock nobody renews disappears on time without any other event.</summary>
    private void ScheduleClaimLapse()
    {
        claimLapse?.Dispose();
        var now = Clock.UtcNow;
        if (claims.Values.Where(claim => claim.Until > now).Select(claim => (DateTime?)claim.Until).Min() is { } next)
        {
            claimLapse = Time.CreateTimer(_ => _ = InvokeAsync(() =>
            {
                ScheduleClaimLapse();
                StateHasChanged();
            }), null, next - now + TimeSpan.FromMilliseconds(100), Timeout.InfiniteTimeSpan);
        }
    }

    private void Select(string key) => selectedKey = key;

    private void Check(QueueItem item, bool on)
    {
        if (on)
        {
            checkedIdeas.Add(item.Id);
        }
        else
        {
            checkedIdeas.Remove(item.Id);
        }
    }

    private async Task BulkTagAsync(TagView tag) => await BulkAsync(user => Moderation.AddTagAsync(user, [.. checkedIdeas], tag.Id));

    private async Task BulkHideAsync()
    {
        var dialog = await Dialogs.ShowAsync<ReasonDialog>(L["Moderation.HideTitle"], new DialogParameters<ReasonDialog>
        {
            { d => d.Explanation, L["Moderation.HideExplain"].Value },
            { d => d.Required, true },
            { d => d.ConfirmText, L["Moderation.Hide"].Value },
        }, new DialogOptions { MaxWidth = MaxWidth.Small, FullWidth = true });
        if (await dialog.Result is { Canceled: false, Data: string reason })
        {
            await BulkAsync(user => Moderation.HideIdeasAsync(user, [.. checkedIdeas], reason));
        }
    }

    private Task BulkTriagedAsync() => BulkAsync(user => Moderation.MarkTriagedAsync(user, [.. checkedIdeas]));

    private async Task BulkAsync(Func<System.Security.Claims.ClaimsPrincipal, Task<ModerationResult>> action)
    {
        var result = await action((await AuthenticationState).User);
        Snackbar.Add(ModerationMessages.Describe(L, result), ModerationMessages.SeverityOf(result));
        if (result.Status == ModerationStatus.Done)
        {
            checkedIdeas.Clear();
        }
        await ReloadQueueAsync();
    }

    private async Task ShowShortcutsAsync() =>
        await Dialogs.ShowAsync<ShortcutsDialog>(L["Moderation.Shortcuts"], new DialogOptions { MaxWidth = MaxWidth.ExtraSmall, FullWidth = true });

    /// <summary>A key pressed outside any field (see wwwroot/js/moderation.js).</summary>
    [JSInvokable]
    public Task OnShortcutAsync(string key) => InvokeAsync(async () =>
    {
        switch (ModerationShortcuts.ActionFor(key))
        {
            case ModerationShortcuts.Next:
                await MoveAsync(+1);
                break;
            case ModerationShortcuts.Previous:
                await MoveAsync(-1);
                break;
            case ModerationShortcuts.Select when Selected is { IsComment: false } item:
                Check(item, !checkedIdeas.Contains(item.Id));
                break;
            case ModerationShortcuts.Help:
                await ShowShortcutsAsync();
                break;
            case { } action when panel is not null:
                await (action switch
                {
                    ModerationShortcuts.Claim => panel.ToggleClaimAsync(),
                    ModerationShortcuts.Triaged => panel.MarkTriagedAsync(),
                    ModerationShortcuts.Hide => panel.HideAsync(),
                    ModerationShortcuts.Restore => panel.RestoreAsync(),
                    ModerationShortcuts.Reject => panel.RejectAsync(),
                    ModerationShortcuts.Merge => panel.MergeAsync(),
                    ModerationShortcuts.Tag => panel.FocusTagInputAsync(),
                    _ => Task.CompletedTask,
                });
                break;
        }
        StateHasChanged();
    });

    private async Task MoveAsync(int step)
    {
        var visible = Visible;
        if (visible.Count == 0)
        {
            return;
        }
        var index = visible.ToList().FindIndex(item => item.Key == selectedKey);
        selectedKey = visible[Math.Clamp(index < 0 ? 0 : index + step, 0, visible.Count - 1)].Key;
        if (module is not null)
        {
            await module.InvokeVoidAsync("reveal", $"queue-{selectedKey.Replace(':', '-')}");
        }
    }

    public async ValueTask DisposeAsync()
    {
        subscriptions.ForEach(subscription => subscription.Dispose());
        claimLapse?.Dispose();
        try
        {
            if (keyboard is not null)
            {
                await keyboard.InvokeVoidAsync("stop");
                await keyboard.DisposeAsync();
            }
            if (module is not null)
            {
                await module.DisposeAsync();
            }
        }
        catch (JSDisconnectedException)
        {
            // The browser is gone, and its listener with it.
        }
        selfReference?.Dispose();
    }
}

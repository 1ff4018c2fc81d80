using ActiveCitizen.App.Features.Ideas;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Web;
using MudBlazor;

namespace ActiveCitizen.App.Features.Moderation.Components;

public sealed partial class ModerationItemPanel
{
    private IdeaDetails? idea;
    private IReadOnlyList<ReportView> reports = [];
    private string? loadedKey;
    private string? newTagName;
    private bool busy;
    private MudAutocomplete<TagView>? tagInput;

    [Parameter, EditorRequired] public QueueItem Item { get; set; } = default!;
    [Parameter] public ClaimView? Claim { get; set; }
    [Parameter, EditorRequired] public string UserId { get; set; } = "";
    [Parameter, EditorRequired] public IReadOnlyList<TagView> Tags { get; set; } = [];

    /// <summary>Something changed (the queue reloads through the live event too; this keeps the acting moderator's view immediate).</summary>
    [Parameter] public EventCallback OnChanged { get; set; }

    /// <summary>A tag was created; the vocabulary reloads.</summary>
    [Parameter] public EventCallback OnTagCreated { get; set; }

    [CascadingParameter] private Task<AuthenticationState> AuthenticationState { get; set; } = default!;

    /// <summary>What the item is, for dialog titles: the moderator always sees which item an action is about to change.</summary>
    private string Subject => Item.IsComment ? L["Moderation.CommentBy", Item.AuthorName] : $"#{Item.Id} · {Item.Title}";

    private bool ClaimedByMe => Claim is { } claim && claim.ModeratorId == UserId && claim.Until > Clock.UtcNow;
    private bool ClaimedByOther => Claim is { } claim && claim.ModeratorId != UserId && claim.Until > Clock.UtcNow;

    protected override async Task OnParametersSetAsync()
    {
        if (Item.Key != loadedKey)
        {
            loadedKey = Item.Key;
            await ReloadAsync();
        }
    }

    /// <summary>Reads the item again (after an action here or elsewhere).</summary>
    public async Task ReloadAsync()
    {
        idea = Item.IsComment ? null : await Ideas.DetailsAsync(Item.Id);
        reports = await Queries.ReportsAsync(Item);
    }

    public Task ToggleClaimAsync() => ActAsync(user => ClaimedByMe ? Moderation.ReleaseAsync(user, Item.Key) : Moderation.ClaimAsync(user, Item.Key), quiet: true);

    public Task MarkTriagedAsync() => Item.IsComment ? Task.CompletedTask : ActAsync(user => Moderation.MarkTriagedAsync(user, [Item.Id]));

    public async Task HideAsync()
    {
        if (await AskReasonAsync($"{L["Moderation.HideTitle"]} — {Subject}", L[Item.IsComment ? "Moderation.HideCommentExplain" : "Moderation.HideExplain"], required: !Item.IsComment,
                L["Moderation.Hide"]) is not { } reason)
        {
            return;
        }
        await ActAsync(user => Item.IsComment ? Moderation.ReviewCommentAsync(user, Item.Id, hide: true, reason) : Moderation.HideIdeasAsync(user, [Item.Id], reason));
    }

    public async Task RestoreAsync()
    {
        if (await AskReasonAsync($"{L["Moderation.RestoreTitle"]} — {Subject}", null, required: false, L["Moderation.Restore"]) is not { } reason)
        {
            return;
        }
        await ActAsync(user => Item.IsComment ? Moderation.ReviewCommentAsync(user, Item.Id, hide: false, reason) : Moderation.RestoreIdeaAsync(user, Item.Id, reason));
    }

    public async Task RejectAsync()
    {
        if (Item.IsComment)
        {
            return;
        }
        var dialog = await Dialogs.ShowAsync<RejectDialog>($"{L["Moderation.RejectTitle"]} — {Subject}", new DialogOptions { MaxWidth = MaxWidth.Small, FullWidth = true });
        if (await dialog.Result is { Canceled: false, Data: RejectDialog.Choice choice })
        {
            await ActAsync(user => Moderation.RejectIdeaAsync(user, Item.Id, choice.ReasonId, choice.Text));
        }
    }

    public async Task MergeAsync()
    {
        if (idea is null)
        {
            return;
        }
        var dialog = await Dialogs.ShowAsync<MergeDialog>($"{L["Moderation.MergeTitle"]} — {Subject}", new DialogParameters<MergeDialog> { { d => d.Source, idea } },
            new DialogOptions { MaxWidth = MaxWidth.Small, FullWidth = true });
        if (await dialog.Result is { Canceled: false, Data: MergeDialog.Choice choice })
        {
            await ActAsync(user => Moderation.MergeIdeaAsync(user, Item.Id, choice.TargetId, choice.Reason));
        }
    }

    public async Task FocusTagInputAsync()
    {
        if (tagInput is not null)
        {
            await tagInput.FocusAsync();
        }
    }

    private Task<IEnumerable<TagView>> SearchTags(string? text, CancellationToken cancellationToken)
    {
        var present = idea?.Tags.Select(tag => tag.Id).ToHashSet() ?? [];
        var matching = Tags.Where(tag => !present.Contains(tag.Id) && (string.IsNullOrWhiteSpace(text)
            || tag.Name.En.Contains(text, StringComparison.OrdinalIgnoreCase) || tag.Name.Ru.Contains(text, StringComparison.OrdinalIgnoreCase)));
        return Task.FromResult(matching);
    }

    private async Task AddTagAsync(TagView? tag)
    {
        if (tag is not null)
        {
            await ActAsync(user => Moderation.AddTagAsync(user, [Item.Id], tag.Id), quiet: true);
        }
    }

    private Task RemoveTagAsync(TagView tag) => ActAsync(user => Moderation.RemoveTagAsync(user, Item.Id, tag.Id), quiet: true);

    private async Task NewTagKeyAsync(KeyboardEventArgs args)
    {
        if (args.Key == "Enter")
        {
            await CreateTagAsync();
        }
    }

    /// <summary>Creates the tag (or finds it, if it exists) and puts it on the idea.</summary>
    private async Task CreateTagAsync()
    {
        var user = (await AuthenticationState).User;
        var (result, tag) = await Moderation.CreateTagAsync(user, newTagName);
        if (tag is null)
        {
            Report(result);
            return;
        }
        newTagName = null;
        await OnTagCreated.InvokeAsync();
        await AddTagAsync(tag);
    }

    private async Task<string?> AskReasonAsync(string title, string? explanation, bool required, string confirm)
    {
        var dialog = await Dialogs.ShowAsync<ReasonDialog>(title, new DialogParameters<ReasonDialog>
        {
            { d => d.Explanation, explanation },
            { d => d.Required, required },
            { d => d.ConfirmText, confirm },
        }, new DialogOptions { MaxWidth = MaxWidth.Small, FullWidth = true });
        return await dialog.Result is { Canceled: false, Data: string reason } ? reason : null;
    }

    private async Task ActAsync(Func<System.Security.Claims.ClaimsPrincipal, Task<ModerationResult>> action, bool quiet = false)
    {
        if (busy)
        {
            return;
        }
        busy = true;
        try
        {
            var result = await action((await AuthenticationState).User);
            if (result.Status != ModerationStatus.Done || !quiet)
            {
                Report(result);
            }
            await ReloadAsync();
            await OnChanged.InvokeAsync();
        }
        finally
        {
            busy = false;
        }
    }

    private void Report(ModerationResult result) => Snackbar.Add(ModerationMessages.Describe(L, result), ModerationMessages.SeverityOf(result));
}

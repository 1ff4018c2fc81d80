using ActiveCitizen.App.Infrastructure.Live;
using ActiveCitizen.App.Infrastructure.Security;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Routing;
using Microsoft.JSInterop;
using MudBlazor;

namespace ActiveCitizen.App.Features.Discussions.Components;

/// <summary>
/// A target's live discussion: threads page by page as the reader scrolls, a composer, and every change anyone makes arriving
/// through the live bus with the comment itself, so a thousand readers cost no extra reads. New top-level comments from others
/// wait behind a button so the page never jumps under the reader; one's own appear at once.
/// </summary>
public sealed partial class DiscussionPanel : IAsyncDisposable
{
    private const string CommentAnchor = "#comment-";

    /// <summary>Every comment shown, by id: the one place a live change is applied.</summary>
    private readonly Dictionary<int, CommentView> comments = [];

    /// <summary>
    /// The component showing each comment. Each registers itself while it lives (<see cref="Showing"/>): a component kept by its key
    /// across a new reading of the list is still the one showing it.
    /// </summary>
    private readonly Dictionary<int, CommentItem> items = [];

    /// <summary>
    /// Comments whose display changed since they were last told (<see cref="Refresh"/>): their data, the reader's vote on them, what
    /// the reader may do with them, the replies under them. A change for every comment at once (the discussion closing, another
    /// order, another reader) is <see cref="everyoneChanged"/>.
    /// </summary>
    private readonly HashSet<int> changedIds = [];
    private bool everyoneChanged;

    /// <summary>How many threads and waiting threads the discussion last rendered.</summary>
    private (int Roots, int Waiting) listRendered;
    private readonly List<int> rootIds = [];
    private readonly Dictionary<int, List<int>> repliesByThread = [];

    /// <summary>Replies of each thread loaded from the server, as the offset of the next "show more replies".</summary>
    private readonly Dictionary<int, int> repliesLoaded = [];
    private readonly HashSet<int> threadsLoading = [];

    private readonly List<CommentView> waitingRoots = [];
    private readonly HashSet<int> freshIds = [];
    private readonly Dictionary<int, int> myVotes = [];

    /// <summary>
    /// Live events that arrived while a read was under way. They are applied once it is done: applied earlier, they would find
    /// nothing to change, and the read might then show an older state than the one announced.
    /// </summary>
    private readonly List<ILiveEvent> heldEvents = [];
    private int readsRunning;

    /// <summary>Bumped when the list is reloaded (another order), so a page read for the previous order is not added to it.</summary>
    private int listGeneration;

    private DiscussionTargetInfo? info;
    private CommentSort sort = CommentSort.Oldest;
    private int rootsLoaded;
    private bool hasMore;
    private bool loadingMore;
    private int total;
    /// <summary>How many people have the discussion open, as presence last said.</summary>
    private int viewers;
    private DiscussionTally? tally;
    private int newestSeenId;
    private int? replyingTo;
    private string? userId;
    private bool isModerator;
    private bool ready;

    /// <summary>The authentication state the reader was last read from.</summary>
    private Task<AuthenticationState>? readerFrom;

    /// <summary>Set when a post was refused because the discussion closed: the composers stay, so the reader keeps their text.</summary>
    private bool keepComposersAfterClosing;

    /// <summary>
    /// The reader's own comments offer "Edit" for <see cref="CommentLimits.EditWindow"/>, and a comment renders only when the
    /// discussion tells it something changed: one timer, for the earliest window still open, marks them when it ends.
    /// </summary>
    private ITimer? editWindowTimer;
    private DateTime? nextEditWindowEnd;

    private IDisposable? subscription;
    private IDisposable? presenceVisit;
    private ElementReference endSentinel;
    private Task<IJSObjectReference>? script;
    private IJSObjectReference? scrollWatch;
    private bool watchingEnd;
    private bool revealedLinkedComment;
    private DotNetObjectReference<DiscussionPanel>? selfReference;

    [Parameter, EditorRequired] public string TargetType { get; set; } = "";
    [Parameter, EditorRequired] public int TargetId { get; set; }
    [CascadingParameter] private Task<AuthenticationState> AuthenticationState { get; set; } = default!;

    private string Topic => DiscussionTargets.Topic(TargetType, TargetId);
    private string SignInLink => $"Account/Login?ReturnUrl={Uri.EscapeDataString(info?.Url ?? "/")}";

    protected override async Task OnInitializedAsync()
    {
        readerFrom = AuthenticationState;
        var user = (await AuthenticationState).User;
        userId = UserAccess.UserIdOf(user);
        // Listen before reading, so no comment can fall between the read and the subscription.
        subscription = Live.Subscribe<ILiveEvent>(Topic, OnLiveEventAsync);
        presenceVisit = Presence.Join(Topic);
        viewers = Presence.ViewersOf(Topic);
        Connection.Restored += CatchUpAsync;
        Navigation.LocationChanged += OnLocationChanged;
        await ReadingAsync(async () =>
        {
            // Whether hidden text is shown follows the database, not the role the sign-in cookie remembers.
            isModerator = await Access.HasRoleAsync(user, Roles.Moderator);
            info = await Discussions.DescribeAsync(TargetType, TargetId);
            total = info?.CommentCount ?? 0;
            await LoadFirstPageAsync();
        });
        ready = true;
        // The tally rendered before the discussion was read, and takes its figures only when told.
        Refresh();
    }

    /// <summary>
    /// Follows who the reader is while the page is open: a sign-in that ends (the password changed elsewhere) or a role granted or
    /// revoked arrives as a new authentication state, and changes what every comment offers.
    /// </summary>
    protected override async Task OnParametersSetAsync()
    {
        // A state that arrives during the first load is followed here too: ComponentBase sets the parameters once more when
        // OnInitializedAsync is done.
        if (!ready || ReferenceEquals(readerFrom, AuthenticationState))
        {
            return;
        }
        readerFrom = AuthenticationState;
        var user = (await AuthenticationState).User;
        var reader = UserAccess.UserIdOf(user);
        var moderator = await Access.HasRoleAsync(user, Roles.Moderator);
        if (reader != userId)
        {
            userId = reader;
            myVotes.Clear();
            await ReadingAsync(() => LoadMyVotesAsync([.. comments.Values]));
        }
        isModerator = moderator;
        EveryoneChanged();
        Refresh();
    }

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        // The observer costs interop (a module, a .NET reference, and their serializer metadata kept in the circuit), so it starts
        // only once there is a next page to load: most discussions fit on their first.
        if (hasMore && !watchingEnd)
        {
            watchingEnd = true;
            await WatchEndAsync();
        }
        // A link to a comment is followed once the first page is in, so loading that page cannot wipe the thread it brought in.
        if (ready && !revealedLinkedComment)
        {
            revealedLinkedComment = true;
            await RevealLinkedCommentAsync(Navigation.Uri);
        }
    }

    private async Task WatchEndAsync()
    {
        try
        {
            selfReference = DotNetObjectReference.Create(this);
            scrollWatch = await (await ScriptAsync()).InvokeAsync<IJSObjectReference>("watchEnd", endSentinel, selfReference);
        }
        catch (Exception exception) when (exception is JSException or TaskCanceledException)
        {
            // Without the observer the "show more" button still loads the next page.
            Logger.LogInformation(exception, "Loading comments while scrolling is unavailable in this browser.");
        }
        catch (JSDisconnectedException)
        {
            // The reader left before the page finished opening.
        }
    }

    /// <summary>
    /// discussion.js, imported the first time the panel needs it (scrolling to the end, or to a linked comment); a failed import
    /// is tried again the next time rather than kept.
    /// </summary>
    private async Task<IJSObjectReference> ScriptAsync()
    {
        script ??= JS.InvokeAsync<IJSObjectReference>("import", "./" + Assets["js/discussion.js"]).AsTask();
        try
        {
            return await script;
        }
        catch
        {
            script = null;
            throw;
        }
    }

    /// <summary>Runs a read with live events held back until it is done, then applies them in the order they came.</summary>
    private async Task ReadingAsync(Func<Task> read)
    {
        readsRunning++;
        try
        {
            await read();
        }
        finally
        {
            readsRunning--;
            if (readsRunning == 0 && heldEvents.Count > 0)
            {
                var held = heldEvents.ToList();
                heldEvents.Clear();
                held.ForEach(Apply);
            }
        }
    }

    private async Task LoadFirstPageAsync()
    {
        // Read before anything is cleared: another order then replaces the list the reader sees at once, instead of emptying it
        // while the page loads, and comments on both pages keep their components (keyed by id), with a reply being written.
        var page = await Queries.PageAsync(TargetType, TargetId, sort, 0);
        listGeneration++;
        comments.Clear();
        changedIds.Clear();
        // The comments kept take the data read now.
        EveryoneChanged();
        rootIds.Clear();
        repliesByThread.Clear();
        repliesLoaded.Clear();
        threadsLoading.Clear();
        waitingRoots.Clear();
        freshIds.Clear();
        rootsLoaded = 0;
        // Everything up to the newest comment now is either on this page or further down the list, not new.
        newestSeenId = Math.Max(newestSeenId, page.NewestId);
        await AddPageAsync(page);
    }

    /// <summary>The next page of threads; called by the scroll observer and by the "show more" button. True if more remain.</summary>
    [JSInvokable]
    public async Task<bool> LoadMoreAsync()
    {
        if (!hasMore || loadingMore)
        {
            return hasMore;
        }
        loadingMore = true;
        try
        {
            await ReadingAsync(async () =>
            {
                var generation = listGeneration;
                var page = await Queries.PageAsync(TargetType, TargetId, sort, rootsLoaded);
                if (generation == listGeneration)
                {
                    await AddPageAsync(page);
                }
            });
        }
        finally
        {
            loadingMore = false;
        }
        Refresh();
        StateHasChanged();
        return hasMore;
    }

    private async Task AddPageAsync(ThreadPage page)
    {
        hasMore = page.HasMore;
        foreach (var comment in page.Comments)
        {
            if (comment.ParentId is null)
            {
                rootsLoaded++;
                repliesLoaded.TryAdd(comment.Id, 0);
            }
            else
            {
                repliesLoaded[comment.ThreadId] = repliesLoaded.GetValueOrDefault(comment.ThreadId) + 1;
            }
            // A page may repeat a thread already shown (newer threads pushed the list along); it is skipped.
            Add(comment, asNewRoot: false);
        }
        await LoadMyVotesAsync(page.Comments);
    }

    /// <summary>The next replies of a thread, asked for by its first comment's "show more replies".</summary>
    internal async Task ShowMoreRepliesAsync(int threadId)
    {
        // One batch at a time per thread: a double click must not skip a batch.
        if (!threadsLoading.Add(threadId))
        {
            return;
        }
        try
        {
            await ReadingAsync(async () =>
            {
                var replies = await Queries.MoreRepliesAsync(threadId, repliesLoaded.GetValueOrDefault(threadId));
                repliesLoaded[threadId] = repliesLoaded.GetValueOrDefault(threadId) + replies.Count;
                foreach (var reply in replies)
                {
                    Add(reply, asNewRoot: false);
                }
                await LoadMyVotesAsync(replies);
            });
        }
        finally
        {
            threadsLoading.Remove(threadId);
        }
        Refresh();
    }

    private async Task LoadMyVotesAsync(IReadOnlyCollection<CommentView> loaded)
    {
        foreach (var (commentId, vote) in await Queries.VotesAsync(userId, [.. loaded.Select(comment => comment.Id)]))
        {
            myVotes[commentId] = vote;
            MarkChanged(commentId);
        }
    }

    private async Task ChangeSortAsync(CommentSort chosen)
    {
        sort = chosen;
        await ReadingAsync(LoadFirstPageAsync);
        Refresh();
    }

    private void OnLocationChanged(object? sender, LocationChangedEventArgs args) =>
        _ = InvokeAsync(async () =>
        {
            try
            {
                await RevealLinkedCommentAsync(args.Location);
                Refresh();
                StateHasChanged();
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                Logger.LogWarning(exception, "Showing the comment linked from {Location} failed.", args.Location);
            }
        });

    /// <summary>
    /// A link to one comment (from a notification) shows it even when it is not on the first page: its thread is loaded at the top
    /// and the comment scrolled into view.
    /// </summary>
    private async Task RevealLinkedCommentAsync(string uri)
    {
        var anchor = uri.IndexOf(CommentAnchor, StringComparison.Ordinal);
        if (anchor < 0 || !int.TryParse(uri.AsSpan(anchor + CommentAnchor.Length), out var commentId))
        {
            return;
        }
        if (!comments.ContainsKey(commentId))
        {
            await ReadingAsync(async () =>
            {
                var thread = await Queries.ThreadOfAsync(TargetType, TargetId, commentId);
                foreach (var comment in thread)
                {
                    if (comment.ParentId is null)
                    {
                        repliesLoaded.TryAdd(comment.Id, 0);
                        Add(comment, asNewRoot: true);
                    }
                    else if (Add(comment, asNewRoot: false))
                    {
                        repliesLoaded[comment.ThreadId] = repliesLoaded.GetValueOrDefault(comment.ThreadId) + 1;
                    }
                }
                await LoadMyVotesAsync(thread);
            });
            Refresh();
            StateHasChanged();
        }
        try
        {
            await (await ScriptAsync()).InvokeVoidAsync("reveal", $"comment-{commentId}");
        }
        catch (Exception exception) when (exception is JSException or TaskCanceledException)
        {
            // The thread is on the page; only the scrolling failed.
            Logger.LogInformation(exception, "Scrolling to comment {CommentId} failed.", commentId);
        }
        catch (JSDisconnectedException)
        {
            // The reader left.
        }
    }

    /// <summary>Puts a comment in its place; false if it is already shown or its thread is not loaded.</summary>
    private bool Add(CommentView comment, bool asNewRoot)
    {
        if (comments.ContainsKey(comment.Id))
        {
            return false;
        }
        newestSeenId = Math.Max(newestSeenId, comment.Id);
        if (comment.ParentId is null)
        {
            Put(comment);
            repliesByThread.TryAdd(comment.Id, []);
            if (asNewRoot)
            {
                rootIds.Insert(0, comment.Id);
            }
            else
            {
                rootIds.Add(comment.Id);
            }
            return true;
        }
        if (!repliesByThread.TryGetValue(comment.ThreadId, out var replies))
        {
            // Its thread is further down and not loaded yet; it comes with the thread.
            return false;
        }
        Put(comment);
        replies.Add(comment.Id);
        // The comment it answers shows it, and the thread's first comment how many replies are still to load.
        MarkChanged(comment.ParentId.Value);
        MarkChanged(comment.ThreadId);
        return true;
    }

    private Task OnLiveEventAsync(ILiveEvent liveEvent) => InvokeAsync(() =>
    {
        if (liveEvent is DiscussionViewersChanged presence)
        {
            // Up to once a second on a busy idea, for every reader: only the count changes, so only its chip renders, not the
            // discussion and every comment in it.
            ShowViewers(presence.Viewers);
            return;
        }
        if (readsRunning > 0)
        {
            heldEvents.Add(liveEvent);
            return;
        }
        // A vote, an edit or a reply renders the comments it changed, and the discussion only when its own part changed (a new thread,
        // comments waiting): for every reader of a long discussion, that is a comment or two instead of a whole page of them.
        Apply(liveEvent);
        Refresh();
    });

    private void Apply(ILiveEvent liveEvent)
    {
        switch (liveEvent)
        {
            case CommentPosted posted:
                Arrived(posted.Comment);
                break;
            case CommentChanged changed:
                if (changed.Kind == CommentChangeKind.Deleted)
                {
                    // Announced once per comment, shown or not.
                    total = Math.Max(0, total - 1);
                }
                Changed(changed.Comment);
                break;
            case CommentVoted voted when comments.TryGetValue(voted.CommentId, out var shown) && voted.Sequence > shown.VoteSequence:
                // An older count arriving after a newer one is ignored.
                Put(shown with { Upvotes = voted.Upvotes, Downvotes = voted.Downvotes, VoteSequence = voted.Sequence });
                break;
        }
    }

    /// <summary>A new count goes to the tally alone (before its first render, it starts from it).</summary>
    private void ShowViewers(int count)
    {
        viewers = count;
        tally?.Show();
    }

    /// <summary>A comment someone (perhaps this reader, in this or another tab) just posted.</summary>
    private void Arrived(CommentView comment)
    {
        if (comments.ContainsKey(comment.Id) || waitingRoots.Any(waiting => waiting.Id == comment.Id))
        {
            return;
        }
        if (comment.Id <= newestSeenId)
        {
            // Older than what the page was read with: not new, only not shown yet. A thread comes with its page; a reply joins its
            // thread if that is shown (its count already includes it).
            if (comment.ParentId is not null)
            {
                Add(comment, asNewRoot: false);
            }
            return;
        }
        total++;
        if (comment.ParentId is null && comment.AuthorId != userId)
        {
            newestSeenId = comment.Id;
            waitingRoots.Add(comment);
            return;
        }
        if (Add(comment, asNewRoot: true))
        {
            MarkFresh(comment.Id);
            if (comment.ParentId is not null && comments.TryGetValue(comment.ThreadId, out var root))
            {
                Put(root with { ReplyCount = root.ReplyCount + 1 });
            }
        }
    }

    /// <summary>A comment as it now is; an older version arriving after a newer one is ignored.</summary>
    private void Changed(CommentView comment)
    {
        var waiting = waitingRoots.FindIndex(candidate => candidate.Id == comment.Id);
        if (waiting >= 0 && comment.Version >= waitingRoots[waiting].Version)
        {
            waitingRoots[waiting] = comment;
        }
        if (comments.TryGetValue(comment.Id, out var shown) && comment.Version >= shown.Version)
        {
            // Counts travel in their own, sequenced events; a change never rolls them back.
            Put(comment.VoteSequence >= shown.VoteSequence ? comment
                : comment with { Upvotes = shown.Upvotes, Downvotes = shown.Downvotes, VoteSequence = shown.VoteSequence });
        }
    }

    private void ShowWaiting()
    {
        foreach (var comment in waitingRoots.OrderBy(comment => comment.Id))
        {
            if (Add(comment, asNewRoot: true))
            {
                MarkFresh(comment.Id);
            }
        }
        waitingRoots.Clear();
        Refresh();
    }

    /// <summary>
    /// After the browser was away, loads comments posted meanwhile and refreshes those shown (edits, deletions, hides and votes),
    /// so a dropped connection leaves no gap.
    /// </summary>
    private Task CatchUpAsync() => InvokeAsync(async () =>
    {
        try
        {
            await ReadingAsync(async () =>
            {
                IReadOnlyList<CommentView> missed;
                do
                {
                    missed = await Queries.SinceAsync(TargetType, TargetId, newestSeenId);
                    foreach (var comment in missed)
                    {
                        Arrived(comment);
                    }
                }
                while (missed.Count == DiscussionQueries.CatchUpBatch);
                foreach (var comment in await Queries.ManyAsync([.. comments.Keys]))
                {
                    Changed(comment);
                }
                info = await Discussions.DescribeAsync(TargetType, TargetId);
                total = info?.CommentCount ?? total;
                // Whether the discussion is open decides what every comment offers.
                EveryoneChanged();
            });
            ShowViewers(Presence.ViewersOf(Topic));
            Refresh();
            StateHasChanged();
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            Logger.LogWarning(exception, "Catching up on discussion {Topic} after a reconnection failed.", Topic);
        }
    });

    internal async Task<CommentResult> PostAsync(ComposedComment composed, int? parentId)
    {
        var result = await Discussions.PostAsync((await AuthenticationState).User,
            new CommentDraft(TargetType, TargetId, parentId, composed.Body, composed.Stance, composed.SubmissionKey));
        if (result.Comment is { } posted)
        {
            // One's own comment shows at once, before the live event comes back.
            Arrived(posted);
            StopReplying();
        }
        if (result.Status == CommentStatus.Closed)
        {
            info = info is null ? null : info with { Closure = result.Closure };
            keepComposersAfterClosing = true;
            EveryoneChanged();
        }
        // The composer's button renders only the composer: the discussion shows the comment, or that it closed, itself.
        Refresh();
        StateHasChanged();
        return result;
    }

    // The comment's own buttons call these (CommentItem): each shows its outcome by telling the comments whose display it changed.

    internal async Task VoteAsync(CommentView comment, int value)
    {
        var result = await Discussions.VoteAsync((await AuthenticationState).User, comment.Id, value);
        if (result.Status is CommentStatus.Done or CommentStatus.AlreadyDone)
        {
            myVotes[comment.Id] = result.Vote;
            MarkChanged(comment.Id);
            if (comments.TryGetValue(comment.Id, out var shown) && result.Sequence > shown.VoteSequence)
            {
                Put(shown with { Upvotes = result.Upvotes, Downvotes = result.Downvotes, VoteSequence = result.Sequence });
            }
            Refresh();
            return;
        }
        Snackbar.Add(L[$"Comment.{result.Status}"], Severity.Warning);
    }

    internal async Task EditAsync(CommentView comment)
    {
        var dialog = await Dialogs.ShowAsync<EditCommentDialog>(L["Comment.Edit"],
            new DialogParameters<EditCommentDialog> { { d => d.CommentId, comment.Id } },
            new DialogOptions { MaxWidth = MaxWidth.Small, FullWidth = true });
        if (await dialog.Result is { Canceled: false, Data: CommentView edited })
        {
            Changed(edited);
            Refresh();
        }
    }

    internal async Task DeleteAsync(CommentView comment)
    {
        var confirmed = await Dialogs.ShowMessageBoxAsync(L["Comment.DeleteTitle"], L["Comment.DeleteQuestion"], L["Comment.Delete"], cancelText: L["Common.Cancel"]);
        if (confirmed != true)
        {
            return;
        }
        var result = await Discussions.DeleteAsync((await AuthenticationState).User, comment.Id);
        if (result.Comment is { } deleted)
        {
            Changed(deleted);
            Refresh();
        }
        else if (result.Status != CommentStatus.AlreadyDone)
        {
            Snackbar.Add(L[$"Comment.{result.Status}"], Severity.Warning);
        }
    }

    internal async Task ReportAsync(CommentView comment)
    {
        var dialog = await Dialogs.ShowAsync<ReportCommentDialog>(L["Comment.Report"],
            new DialogParameters<ReportCommentDialog> { { d => d.CommentId, comment.Id } },
            new DialogOptions { MaxWidth = MaxWidth.Small, FullWidth = true });
        if (await dialog.Result is { Canceled: false, Data: CommentResult result })
        {
            if (result.Comment is { } reported)
            {
                Changed(reported);
                Refresh();
            }
            Snackbar.Add(L[result.Status == CommentStatus.AlreadyDone ? "Comment.AlreadyReported" : "Comment.Reported"], Severity.Info);
        }
    }

    internal async Task ModerateAsync(CommentView comment, bool hide)
    {
        var result = await Discussions.ModerateAsync((await AuthenticationState).User, comment.Id, hide);
        if (result.Comment is { } moderated)
        {
            Changed(moderated);
            Refresh();
            Snackbar.Add(L[hide ? "Comment.HiddenNow" : "Comment.RestoredNow"], Severity.Info);
        }
        else
        {
            Snackbar.Add(L[$"Comment.{result.Status}"], Severity.Warning);
        }
    }

    /// <summary>Opens the reply composer under a comment, or closes it if it is already open there (its "Cancel").</summary>
    internal void ToggleReply(int commentId)
    {
        var closing = replyingTo == commentId;
        StopReplying();
        if (!closing)
        {
            replyingTo = commentId;
            MarkChanged(commentId);
        }
        Refresh();
    }

    private void StopReplying()
    {
        if (replyingTo is { } open)
        {
            MarkChanged(open);
        }
        replyingTo = null;
    }

    internal bool ComposesReplyTo(int commentId) => replyingTo == commentId && (info?.Open == true || keepComposersAfterClosing);

    /// <summary>The replies shown under a comment, oldest first; read whenever the comment is told it changed, and cheap for a comment without replies.</summary>
    internal IReadOnlyList<int> RepliesUnder(CommentView parent) =>
        repliesByThread.TryGetValue(parent.ThreadId, out var replies) && replies.Count > 0
            ? [.. replies.Select(id => comments[id]).Where(reply => reply.ParentId == parent.Id).OrderBy(reply => reply.CreatedAt).ThenBy(reply => reply.Id)
                .Select(reply => reply.Id)]
            : [];

    /// <summary>Replies in a thread not loaded yet; only a thread's first comment counts them.</summary>
    internal int RepliesNotShown(CommentView comment) =>
        comment.ParentId is not null ? 0
            : Math.Max(0, comment.ReplyCount - (repliesByThread.TryGetValue(comment.Id, out var replies) ? replies.Count : 0));

    internal DiscussionFigures Figures => new(total, viewers);

    internal CommentView CommentById(int commentId) => comments[commentId];

    internal void Showing(int commentId, CommentItem item) => items[commentId] = item;

    internal void NoLongerShowing(int commentId, CommentItem item)
    {
        if (items.TryGetValue(commentId, out var registered) && ReferenceEquals(registered, item))
        {
            items.Remove(commentId);
        }
    }

    internal int MyVoteOn(int commentId) => myVotes.GetValueOrDefault(commentId);

    internal bool IsFresh(int commentId) => freshIds.Contains(commentId);

    /// <summary>Shows a comment as it now is: the one place a comment's data changes, so its component knows to take it.</summary>
    private void Put(CommentView comment)
    {
        comments[comment.Id] = comment;
        MarkChanged(comment.Id);
        WatchEditWindow(comment);
    }

    private void WatchEditWindow(CommentView comment)
    {
        var end = comment.CreatedAt + CommentLimits.EditWindow;
        if (userId is not null && comment.AuthorId == userId && end > Clock.UtcNow && !(nextEditWindowEnd <= end))
        {
            ScheduleEditWindowEnd(end);
        }
    }

    private void ScheduleEditWindowEnd(DateTime end)
    {
        nextEditWindowEnd = end;
        editWindowTimer?.Dispose();
        editWindowTimer = Time.CreateTimer(_ => _ = EditWindowEndedAsync(), null, end - Clock.UtcNow, Timeout.InfiniteTimeSpan);
    }

    private async Task EditWindowEndedAsync()
    {
        try
        {
            await InvokeAsync(() =>
            {
                var now = Clock.UtcNow;
                nextEditWindowEnd = null;
                DateTime? next = null;
                // The reader's own comments are few: all of them are marked, and those whose window is still open render as they were.
                foreach (var comment in comments.Values.Where(comment => comment.AuthorId == userId))
                {
                    MarkChanged(comment.Id);
                    var end = comment.CreatedAt + CommentLimits.EditWindow;
                    if (end > now && !(next <= end))
                    {
                        next = end;
                    }
                }
                if (next is { } following)
                {
                    ScheduleEditWindowEnd(following);
                }
                Refresh();
            });
        }
        catch (ObjectDisposedException)
        {
            // The reader left while the timer was due.
        }
    }

    private void MarkFresh(int commentId)
    {
        freshIds.Add(commentId);
        MarkChanged(commentId);
    }

    private void MarkChanged(int commentId) => changedIds.Add(commentId);

    /// <summary>Something every comment shows changed (the discussion opened or closed, the list was read again, another reader).</summary>
    private void EveryoneChanged() => everyoneChanged = true;

    /// <summary>
    /// Tells the comments whose display changed, and the tally, to show themselves as they now are; each renders only if what it
    /// shows changed, without the discussion around it. A comment that is no longer in the discussion is left alone: the
    /// discussion's own render, which the change that removed it asks for, takes its component away.
    /// </summary>
    private void Refresh()
    {
        // New threads or threads waiting behind "show new", from a live event or from one held back during a read (a thread's "show
        // more replies" renders only that thread), are the discussion's own to show.
        if ((rootIds.Count, waitingRoots.Count) != listRendered)
        {
            StateHasChanged();
        }
        IEnumerable<int> changed = everyoneChanged ? [.. items.Keys] : [.. changedIds];
        changedIds.Clear();
        everyoneChanged = false;
        foreach (var commentId in changed)
        {
            if (comments.ContainsKey(commentId) && items.TryGetValue(commentId, out var item))
            {
                item.Show();
            }
        }
        tally?.Show();
    }

    internal CommentPermissions PermissionsFor(CommentView comment)
    {
        var own = comment.AuthorId == userId;
        var visible = !comment.Deleted && !comment.Hidden;
        var open = info?.Open == true;
        return new CommentPermissions(
            SignedIn: userId is not null,
            Vote: userId is not null && !own && visible && open,
            Reply: userId is not null && visible && open,
            Edit: own && visible && open && Clock.UtcNow < comment.CreatedAt + CommentLimits.EditWindow,
            Delete: own && !comment.Deleted,
            Report: userId is not null && !own && !comment.Deleted && !comment.Hidden,
            Moderate: isModerator && !comment.Deleted);
    }

    public async ValueTask DisposeAsync()
    {
        Connection.Restored -= CatchUpAsync;
        Navigation.LocationChanged -= OnLocationChanged;
        editWindowTimer?.Dispose();
        subscription?.Dispose();
        presenceVisit?.Dispose();
        try
        {
            if (scrollWatch is not null)
            {
                await scrollWatch.InvokeVoidAsync("stop");
                await scrollWatch.DisposeAsync();
            }
            if (script is { IsCompletedSuccessfully: true })
            {
                await script.Result.DisposeAsync();
            }
        }
        catch (JSDisconnectedException)
        {
            // The browser is gone, and its observer with it.
        }
        selfReference?.Dispose();
    }
}

/// <summary>How many comments a discussion has and how many people have it open.</summary>
public readonly record struct DiscussionFigures(int Comments, int Viewers);

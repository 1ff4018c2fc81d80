using ActiveCitizen.App.Features.Projects;
using ActiveCitizen.App.Infrastructure.Security;
using ActiveCitizen.App.Shared;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.JSInterop;
using MudBlazor;

namespace ActiveCitizen.App.Features.Ideas;

public partial class IdeaSubmissionPage
{
    private ProjectDetails? project;
    private List<BreadcrumbItem> breadcrumbs = [];
    private ElementReference formElement;
    private IJSObjectReference? draftModule;
    private string draftKey = "";
    private string? closedMessage;
    private DateTime? submissionEnds;
    private string? title;
    private string? description;
    private int? categoryId;
    private string? district;
    private Guid submissionKey = Guid.NewGuid();
    private bool submitting;
    private string? problem;
    private IReadOnlyList<FieldError> errors = [];
    private IReadOnlyList<SimilarIdea> similar = [];
    private int similarLookups;

    [Parameter] public string Slug { get; set; } = "";
    [CascadingParameter] private Task<AuthenticationState> AuthenticationState { get; set; } = default!;

    protected override async Task OnParametersSetAsync()
    {
        project = await Projects.GetBySlugAsync(Slug);
        if (project is null)
        {
            Navigation.NotFound();
            return;
        }
        breadcrumbs = [new(L["Projects.Title"], "projects"), new(project.Title.ToString(), $"projects/{project.Slug}"), new(L["Submit.Title"], null, disabled: true)];
        var now = Clock.UtcNow;
        var window = project.Phases.FirstOrDefault(phase => phase.Opens.HasFlag(PhaseActions.Submit));
        var open = project.Phases.FirstOrDefault(phase => phase.StartsAt <= now && now < phase.EndsAt && phase.Opens.HasFlag(PhaseActions.Submit));
        submissionEnds = open?.EndsAt;
        closedMessage = open is not null ? null
            : window is null ? L["Submit.NoWindow"].Value
            : now < window.StartsAt ? L["Submit.NotYetOpen", Clock.Format(window.StartsAt)].Value
            : L["Submit.Closed", Clock.Format(window.EndsAt)].Value;
        draftKey = $"{UserAccess.UserIdOf((await AuthenticationState).User)}.{project.Id}";
    }

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (!firstRender || project is null || closedMessage is not null)
        {
            return;
        }
        try
        {
            draftModule = await JS.InvokeAsync<IJSObjectReference>("import", "./" + Assets["js/idea-draft.js"]);
            var draft = await draftModule.InvokeAsync<SavedDraft?>("load", draftKey);
            if (draft is not null)
            {
                (title, description, district) = (draft.Title, draft.Description, draft.District);
                categoryId = int.TryParse(draft.CategoryId, out var savedCategory) ? savedCategory : null;
                submissionKey = Guid.TryParse(draft.SubmissionKey, out var savedKey) ? savedKey : submissionKey;
                await FindSimilarAsync();
                StateHasChanged();
            }
            await draftModule.InvokeVoidAsync("setField", draftKey, "submissionKey", submissionKey.ToString());
            await draftModule.InvokeVoidAsync("watch", formElement, draftKey);
        }
        catch (JSException exception)
        {
            // Without local storage the form still works; only the draft is not kept.
            Logger.LogInformation(exception, "The idea draft cannot be kept in this browser.");
        }
    }

    private sealed record SavedDraft(string? Title, string? Description, string? CategoryId, string? District, string? SubmissionKey);

    private string? ErrorFor(string field) => errors.FirstOrDefault(error => error.Field == field) is { } error ? L.Message(error) : null;

    private async Task TitleChangedAsync(string? value)
    {
        title = value;
        await RememberAsync("title", value);
        await FindSimilarAsync();
    }

    private async Task DescriptionChangedAsync(string? value)
    {
        description = value;
        await RememberAsync("description", value);
        await FindSimilarAsync();
    }

    private async Task CategoryChangedAsync(int? value)
    {
        categoryId = value;
        await RememberAsync("categoryId", value?.ToString());
    }

    private async Task DistrictChangedAsync(string? value)
    {
        district = value;
        await RememberAsync("district", value);
    }

    private async Task RememberAsync(string field, string? value)
    {
        if (draftModule is not null)
        {
            await draftModule.InvokeVoidAsync("setField", draftKey, field, value);
        }
    }

    /// <summary>Lookups can finish out of order while the resident types; only the latest one's answer is shown.</summary>
    private async Task FindSimilarAsync()
    {
        var lookup = ++similarLookups;
        var found = await Ideas.SimilarAsync(project!.Id, $"{title} {description}");
        if (lookup == similarLookups)
        {
            similar = found;
        }
    }

    private async Task SubmitAsync()
    {
        if (submitting)
        {
            return;
        }
        submitting = true;
        problem = null;
        try
        {
            var result = await IdeaActions.SubmitAsync((await AuthenticationState).User,
                new IdeaDraft(project!.Id, title, description, categoryId, district, submissionKey));
            errors = result.Errors ?? [];
            switch (result.Status)
            {
                case SubmitStatus.Submitted or SubmitStatus.AlreadySubmitted:
                    if (draftModule is not null)
                    {
                        await draftModule.InvokeVoidAsync("forget", draftKey);
                    }
                    // The idea page loads afresh, outside the interactive router (IdeaPage), so it says the thanks itself.
                    Navigation.NavigateTo($"ideas/{result.IdeaId}?{IdeaPage.PublishedQuery}=true", forceLoad: true);
                    break;
                case SubmitStatus.Invalid:
                    problem = L["Common.FixErrors"];
                    break;
                case SubmitStatus.WindowClosed:
                    problem = result.WindowOpensAt is { } opens ? L["Submit.NotYetOpen", Clock.Format(opens)]
                        : result.WindowClosedAt is { } closed ? L["Submit.Closed", Clock.Format(closed)]
                        : L["Submit.NoWindow"];
                    break;
                default:
                    problem = L[$"Submit.{result.Status}", IdeaLimits.MaxIdeasPerProjectPerDay];
                    break;
            }
        }
        finally
        {
            submitting = false;
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (draftModule is not null)
        {
            try
            {
                await draftModule.InvokeVoidAsync("unwatch", draftKey);
                await draftModule.DisposeAsync();
            }
            catch (JSDisconnectedException)
            {
                // The browser is gone; so is its listener.
            }
        }
    }
}

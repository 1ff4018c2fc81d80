using System.Globalization;
using ActiveCitizen.App.Infrastructure.Time;
using ActiveCitizen.App.Shared;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using MudBlazor;

namespace ActiveCitizen.App.Features.Projects;

public partial class ProjectEditorPage
{
    private EditorModel? model;
    private int? loadedId = -1;
    private int version;
    private bool saving;
    private string? problem;
    private IReadOnlyList<FieldError> errors = [];

    [Parameter] public int? Id { get; set; }
    [CascadingParameter] private Task<AuthenticationState> AuthenticationState { get; set; } = default!;

    private string Heading => Id is null ? L["ProjectEditor.NewTitle"] : L["ProjectEditor.EditTitle"];

    protected override async Task OnParametersSetAsync()
    {
        // Only a different project reloads the form: a parameter refresh (e.g. the signed-in user updated) keeps unsaved edits.
        if (Id == loadedId)
        {
            return;
        }
        loadedId = Id;
        if (Id is null)
        {
            model = EditorModel.Template(Clock);
            return;
        }
        var project = await Projects.GetByIdAsync(Id.Value);
        if (project is null)
        {
            Navigation.NotFound();
            return;
        }
        version = project.Version;
        model = EditorModel.From(project, Clock);
    }

    private bool Has(string field) => errors.Any(error => error.Field == field);

    private string? ErrorFor(string field) => errors.FirstOrDefault(error => error.Field == field) is { } error ? L.Message(error) : null;

    private void AddPhase()
    {
        var start = model!.Phases.Count > 0 && TryParse(model.Phases[^1].Ends, out var previousEnd) ? previousEnd : Clock.ToCity(Clock.UtcNow).Date.AddDays(1);
        model.Phases.Add(new PhaseRow { Kind = PhaseKind.Discussion, Starts = Format(start), Ends = Format(start.AddDays(7)) });
    }

    private async Task SaveAsync()
    {
        saving = true;
        problem = null;
        try
        {
            var phases = new List<PhaseDraft>();
            var timeErrors = new List<FieldError>();
            for (var index = 0; index < model!.Phases.Count; index++)
            {
                var row = model.Phases[index];
                if (!TryParse(row.Starts, out var starts) || !TryParse(row.Ends, out var ends))
                {
                    timeErrors.Add(new($"{ProjectSchedule.PhasesField}[{index}]", "Validation.PhaseTimeInvalid", index + 1, new TextKey(ProjectSchedule.KindKey(row.Kind))));
                    continue;
                }
                phases.Add(new PhaseDraft(row.Kind, Clock.ToUtc(starts), Clock.ToUtc(ends), row.Opens));
            }
            if (timeErrors.Count > 0)
            {
                errors = timeErrors;
                problem = L["Common.FixErrors"];
                return;
            }
            var draft = new ProjectDraft(model.Slug ?? "", LocalizedText.Of(model.TitleEn ?? "", model.TitleRu ?? ""),
                LocalizedText.Of(model.SummaryEn ?? "", model.SummaryRu ?? ""), LocalizedText.Of(model.DescriptionEn ?? "", model.DescriptionRu ?? ""),
                phases, [.. model.Categories.Select(row => new CategoryDraft(row.Id, LocalizedText.Of(row.En ?? "", row.Ru ?? "")))]);
            var actor = (await AuthenticationState).User;
            var result = Id is null ? await ProjectActions.CreateAsync(actor, draft) : await ProjectActions.UpdateAsync(actor, Id.Value, version, draft);
            errors = result.Errors;
            switch (result.Status)
            {
                case ProjectSaveStatus.Saved:
                    Snackbar.Add(L["ProjectEditor.Saved"], Severity.Success);
                    Navigation.NavigateTo("admin/projects");
                    break;
                case ProjectSaveStatus.Invalid:
                    problem = L["Common.FixErrors"];
                    break;
                case ProjectSaveStatus.Stale:
                    problem = L["ProjectEditor.Stale"];
                    break;
                case ProjectSaveStatus.Forbidden:
                    problem = L["Common.NoLongerAllowed"];
                    break;
                default:
                    problem = L["ProjectEditor.NotFound"];
                    break;
            }
        }
        finally
        {
            saving = false;
        }
    }

    private static string Format(DateTime cityTime) => CityTimeInput.Format(cityTime);

    private static bool TryParse(string? value, out DateTime cityTime) => CityTimeInput.TryParse(value, out cityTime);

    private sealed class EditorModel
    {
        public string? Slug { get; set; }
        public string? TitleEn { get; set; }
        public string? TitleRu { get; set; }
        public string? SummaryEn { get; set; }
        public string? SummaryRu { get; set; }
        public string? DescriptionEn { get; set; }
        public string? DescriptionRu { get; set; }
        public List<PhaseRow> Phases { get; set; } = [];
        public List<CategoryRow> Categories { get; set; } = [];

        public static EditorModel From(ProjectDetails project, CityClock clock) => new()
        {
            Slug = project.Slug,
            TitleEn = project.Title.En, TitleRu = project.Title.Ru,
            SummaryEn = project.Summary.En, SummaryRu = project.Summary.Ru,
            DescriptionEn = project.Description.En, DescriptionRu = project.Description.Ru,
            Phases = [.. project.Phases.Select(phase => new PhaseRow
            {
                Kind = phase.Kind,
                Starts = Format(clock.ToCity(phase.StartsAt)),
                Ends = Format(clock.ToCity(phase.EndsAt)),
                Submit = phase.Opens.HasFlag(PhaseActions.Submit),
                Support = phase.Opens.HasFlag(PhaseActions.Support),
                Comment = phase.Opens.HasFlag(PhaseActions.Comment),
            })],
            Categories = [.. project.Categories.Select(category => new CategoryRow { Id = category.Id, En = category.Name.En, Ru = category.Name.Ru })],
        };

        /// <summary>A new project starts from the usual schedule: a day's notice, three days for ideas, then screening and discussion.</summary>
        public static EditorModel Template(CityClock clock)
        {
            var start = clock.ToCity(clock.UtcNow).Date.AddDays(1).AddHours(10);
            (PhaseKind Kind, int Days, PhaseActions Opens)[] steps =
            [
                (PhaseKind.Announcement, 1, PhaseActions.None),
                (PhaseKind.Submission, 3, PhaseActions.Submit | PhaseActions.Support | PhaseActions.Comment),
                (PhaseKind.Screening, 4, PhaseActions.Comment),
                (PhaseKind.Discussion, 7, PhaseActions.Support | PhaseActions.Comment),
                (PhaseKind.Commission, 7, PhaseActions.None),
                (PhaseKind.Results, 7, PhaseActions.Comment),
                (PhaseKind.Implementation, 180, PhaseActions.Comment),
            ];
            var model = new EditorModel { Categories = [new CategoryRow()] };
            foreach (var (kind, days, opens) in steps)
            {
                model.Phases.Add(new PhaseRow
                {
                    Kind = kind, Starts = Format(start), Ends = Format(start.AddDays(days)),
                    Submit = opens.HasFlag(PhaseActions.Submit), Support = opens.HasFlag(PhaseActions.Support), Comment = opens.HasFlag(PhaseActions.Comment),
                });
                start = start.AddDays(days);
            }
            return model;
        }
    }

    private sealed class PhaseRow
    {
        public PhaseKind Kind { get; set; }
        public string? Starts { get; set; }
        public string? Ends { get; set; }
        public bool Submit { get; set; }
        public bool Support { get; set; }
        public bool Comment { get; set; }

        public PhaseActions Opens => (Submit ? PhaseActions.Submit : 0) | (Support ? PhaseActions.Support : 0) | (Comment ? PhaseActions.Comment : 0);
    }

    private sealed class CategoryRow
    {
        public int? Id { get; set; }
        public string? En { get; set; }
        public string? Ru { get; set; }
    }
}

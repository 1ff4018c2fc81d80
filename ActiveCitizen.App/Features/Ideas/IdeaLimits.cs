namespace ActiveCitizen.App.Features.Ideas;

public static class IdeaLimits
{
    public const int TitleMinLength = 10;
    public const int TitleMaxLength = 140;
    public const int DescriptionMinLength = 30;
    public const int DescriptionMaxLength = 4000;
    public const int ReasonMinLength = 5;
    public const int ReasonMaxLength = 500;

    /// <summary>Ideas one resident may submit to one project within 24 hours; stops floods without hindering real residents.</summary>
    public const int MaxIdeasPerProjectPerDay = 5;

    /// <summary>How long after submitting the author may still correct the text (shown as edited afterwards).</summary>
    public static readonly TimeSpan EditWindow = TimeSpan.FromMinutes(15);

    /// <summary>States from which the author may still withdraw: before the idea is shortlisted.</summary>
    public static readonly IReadOnlySet<IdeaState> Withdrawable = new HashSet<IdeaState> { IdeaState.Submitted, IdeaState.Feasible, IdeaState.NotFeasible };

    /// <summary>States from which moderators may reject an idea, and experts give (or change) a verdict: before the shortlist.</summary>
    public static readonly IReadOnlySet<IdeaState> Rejectable = new HashSet<IdeaState> { IdeaState.Submitted, IdeaState.Feasible, IdeaState.NotFeasible };
    public static readonly IReadOnlySet<IdeaState> Screenable = Rejectable;

    /// <summary>States that stay out of the catalog unless asked for by name.</summary>
    public static readonly IReadOnlySet<IdeaState> HiddenByDefault = new HashSet<IdeaState> { IdeaState.Withdrawn, IdeaState.Rejected };

    /// <summary>Names in the moderators' vocabularies (tags, rejection reasons).</summary>
    public const int VocabularyNameMaxLength = 60;

    public const int SimilarIdeasShown = 5;
    public const int CatalogPageSize = 20;
    public const int MaxCatalogPageSize = 100;
}

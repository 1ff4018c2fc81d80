using ActiveCitizen.App.Shared;

namespace ActiveCitizen.App.Features.Ideas;

/// <summary>A label from the moderators' vocabulary ("Mobile app", "Accessibility"), with a colour.</summary>
public sealed class Tag
{
    public int Id { get; set; }
    public string Slug { get; set; } = "";
    public LocalizedText Name { get; set; } = new();

    /// <summary>A CSS colour such as #1b5fa8.</summary>
    public string Color { get; set; } = "";
}

public sealed class IdeaTag
{
    public int IdeaId { get; set; }
    public int TagId { get; set; }
}

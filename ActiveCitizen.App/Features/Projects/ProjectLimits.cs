namespace ActiveCitizen.App.Features.Projects;

public static class ProjectLimits
{
    public const int SlugMinLength = 3;
    public const int SlugMaxLength = 80;
    public const int TitleMaxLength = 200;
    public const int SummaryMaxLength = 500;
    public const int DescriptionMaxLength = 8000;
    public const int CategoryMaxLength = 80;
    public const int MaxPhases = 12;
    public const int MaxCategories = 30;
}

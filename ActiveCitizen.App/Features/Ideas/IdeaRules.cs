using ActiveCitizen.App.Features.Accounts;
using ActiveCitizen.App.Shared;

namespace ActiveCitizen.App.Features.Ideas;

/// <summary>What an idea's text must be, at submission and at every edit.</summary>
public static class IdeaRules
{
    public const string TitleField = "Title";
    public const string DescriptionField = "Description";
    public const string CategoryField = "CategoryId";
    public const string DistrictField = "District";
    public const string ReasonField = "Reason";

    public static string Tidy(string? text) => (text ?? "").Trim().ReplaceLineEndings("\n");

    public static IReadOnlyList<FieldError> Validate(string title, string description, int? categoryId, IReadOnlyCollection<int> projectCategories, string? district)
    {
        var errors = new List<FieldError>();
        if (title.Length is < IdeaLimits.TitleMinLength or > IdeaLimits.TitleMaxLength)
        {
            errors.Add(new(TitleField, "Validation.IdeaTitleLength", IdeaLimits.TitleMinLength, IdeaLimits.TitleMaxLength));
        }
        if (description.Length is < IdeaLimits.DescriptionMinLength or > IdeaLimits.DescriptionMaxLength)
        {
            errors.Add(new(DescriptionField, "Validation.IdeaDescriptionLength", IdeaLimits.DescriptionMinLength, IdeaLimits.DescriptionMaxLength));
        }
        if (HasControlCharacters(title))
        {
            errors.Add(new(TitleField, "Validation.IdeaCharacters"));
        }
        if (HasControlCharacters(description.Replace("\n", "").Replace("\t", "")))
        {
            errors.Add(new(DescriptionField, "Validation.IdeaCharacters"));
        }
        if (categoryId is null || !projectCategories.Contains(categoryId.Value))
        {
            errors.Add(new(CategoryField, "Validation.CategoryRequired"));
        }
        if (!string.IsNullOrEmpty(district) && !Districts.IsKnown(district))
        {
            errors.Add(new(DistrictField, "Validation.DistrictUnknown"));
        }
        return errors;
    }

    public static IReadOnlyList<FieldError> ValidateReason(string reason) =>
        reason.Length is < IdeaLimits.ReasonMinLength or > IdeaLimits.ReasonMaxLength
            ? [new(ReasonField, "Validation.ReasonLength", IdeaLimits.ReasonMinLength, IdeaLimits.ReasonMaxLength)]
            : [];

    private static bool HasControlCharacters(string text) => text.Any(char.IsControl);
}

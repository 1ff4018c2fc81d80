namespace ActiveCitizen.App.Features.Accounts;

/// <summary>
/// A section of the personal account (<c>/account</c>). Features add theirs (ideas, comments, quiz results, rewards…) as they land;
/// the component receives nothing and loads its own data for the signed-in resident.
/// </summary>
public sealed record AccountSection(string Key, string TitleKey, string Icon, Type Component, int Order);

public static class AccountSections
{
    public static IServiceCollection AddAccountSection(this IServiceCollection services, AccountSection section) =>
        services.AddSingleton(section);
}

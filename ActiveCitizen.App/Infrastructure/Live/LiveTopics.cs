namespace ActiveCitizen.App.Infrastructure.Live;

/// <summary>Topic names, in one place so that publishers and subscribers cannot drift apart.</summary>
public static class LiveTopics
{
    /// <summary>Facts about the platform as a whole, such as the headline figures on the home page.</summary>
    public const string Site = "site";

    /// <summary>Facts about one project: ideas submitted to it, its schedule changed.</summary>
    public static string Project(int projectId) => $"project:{projectId}";

    /// <summary>Facts about one idea: supporters, edits, state.</summary>
    public static string Idea(int ideaId) => $"idea:{ideaId}";

    /// <summary>The moderation queue: only the console (moderators) listens here.</summary>
    public const string Moderation = "moderation";

    /// <summary>Facts about one account: its roles or standing changed.</summary>
    public static string User(string userId) => $"user:{userId}";
}

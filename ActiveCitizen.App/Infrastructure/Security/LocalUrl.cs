namespace ActiveCitizen.App.Infrastructure.Security;

/// <summary>Return addresses taken from a query or a form: only paths on this site are followed, anything else leads home.</summary>
public static class LocalUrl
{
    public static string OrHome(string? url)
    {
        if (string.IsNullOrEmpty(url))
        {
            return "/";
        }
        var path = url.StartsWith('/') ? url : "/" + url;
        // "//host" and "/\host" are read by browsers as another site; a scheme ("javascript:", "https:") before any query likewise.
        var pathPart = path.Split('?', '#')[0];
        var local = (path.Length == 1 || (path[1] != '/' && path[1] != '\\')) && !pathPart.Contains(':') && !path.Any(char.IsControl);
        return local && Uri.IsWellFormedUriString(path, UriKind.Relative) ? path : "/";
    }
}

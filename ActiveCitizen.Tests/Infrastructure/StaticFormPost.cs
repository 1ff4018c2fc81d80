using System.Net;
using System.Text.RegularExpressions;
using ActiveCitizen.App.Features.Accounts;

namespace ActiveCitizen.Tests.Infrastructure;

/// <summary>Posts the app's static forms as a browser would: fetch the page, take its antiforgery token, post the fields.</summary>
public static partial class StaticFormPost
{
    /// <summary>Posts <paramref name="fields"/> together with the form's hidden fields (antiforgery token, reset code…).</summary>
    public static async Task<HttpResponseMessage> SubmitAsync(HttpClient client, string path, string formName, Dictionary<string, string> fields) =>
        await client.PostAsync(path, new FormUrlEncodedContent(await FillAsync(client, path, formName, fields)));

    /// <summary>Loads the form once and returns everything a submit of it posts, for tests that post the same form twice.</summary>
    public static async Task<Dictionary<string, string>> FillAsync(HttpClient client, string path, string formName, Dictionary<string, string> fields)
    {
        var page = await client.GetStringAsync(path);
        // A page can hold several forms (the sign-out form in the header); take the hidden fields of the one named.
        var form = Form().Matches(page).Select(match => match.Value).SingleOrDefault(candidate => candidate.Contains($"name=\"_handler\" value=\"{formName}\""))
            ?? throw new InvalidOperationException($"No form named {formName} on {path}.");
        var posted = HiddenField().Matches(form).ToDictionary(match => match.Groups[1].Value, match => WebUtility.HtmlDecode(match.Groups[2].Value));
        Assert.True(posted.ContainsKey("__RequestVerificationToken"), $"The form on {path} carries no antiforgery token.");
        foreach (var (name, value) in fields)
        {
            posted[name] = value;
        }
        posted["_handler"] = formName;
        return posted;
    }

    public static Task<HttpResponseMessage> SignInAsync(HttpClient client, string email, string password) =>
        SubmitAsync(client, "/Account/Login", "login", new() { ["Input.Email"] = email, ["Input.Password"] = password });

    /// <summary>Signs in as one of the demo accounts and checks that it worked (a redirect away from the form).</summary>
    public static async Task SignInAsDemoAsync(HttpClient client, string email)
    {
        var response = await SignInAsync(client, email, DemoAccounts.Password);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
    }

    [GeneratedRegex("<form.*?</form>", RegexOptions.Singleline)]
    private static partial Regex Form();

    [GeneratedRegex("<input type=\"hidden\" name=\"([^\"]+)\" value=\"([^\"]*)\"")]
    private static partial Regex HiddenField();
}

using System.Net;
using System.Text.RegularExpressions;
using ActiveCitizen.App.Features.Accounts;

namespace ActiveCitizen.Tests.Infrastructure;

/// <summary>Signs an HTTP client in through the real sign-in form, antiforgery token included, as a browser would.</summary>
public static partial class SignIn
{
    public static async Task<HttpResponseMessage> PostLoginAsync(HttpClient client, string email, string password)
    {
        var form = await client.GetStringAsync("/Account/Login");
        var token = AntiforgeryToken().Match(form).Groups[1].Value;
        Assert.False(string.IsNullOrEmpty(token), "The sign-in form carries no antiforgery token.");
        return await client.PostAsync("/Account/Login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "login",
            ["__RequestVerificationToken"] = token,
            ["Input.Email"] = email,
            ["Input.Password"] = password,
        }));
    }

    /// <summary>Signs in as one of the demo accounts and checks that it worked (a redirect away from the form).</summary>
    public static async Task AsDemoAsync(HttpClient client, string email)
    {
        var response = await PostLoginAsync(client, email, DemoAccounts.Password);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryToken();
}

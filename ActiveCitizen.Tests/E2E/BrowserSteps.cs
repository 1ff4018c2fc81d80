using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace ActiveCitizen.Tests.E2E;

/// <summary>Steps shared by the browser tests, written the way a resident acts on the page.</summary>
public static class BrowserSteps
{
    /// <summary>Waits until the page's circuit is connected, after which inputs and clicks reach the server.</summary>
    public static Task WaitUntilInteractiveAsync(IPage page) =>
        Expect(page.Locator("[data-interactive=true]")).ToHaveCountAsync(1);

    public static async Task SignInAsync(IPage page, string email, string password)
    {
        await page.GotoAsync("/Account/Login");
        await page.FillAsync("#login-email", email);
        await page.FillAsync("#login-password", password);
        await page.ClickAsync("button[type=submit]");
    }

    /// <summary>Polls something the page does in the background (a cookie, a saved row) until it holds.</summary>
    public static async Task Eventually(Func<Task<bool>> condition)
    {
        for (var attempt = 0; attempt < 100; attempt++)
        {
            if (await condition())
            {
                return;
            }
            await Task.Delay(100);
        }
        Assert.Fail("The expected change never happened.");
    }

    public static IEnumerable<string> CspViolations(List<string> console)
    {
        lock (console)
        {
            return console.Where(line => line.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase)).ToList();
        }
    }
}

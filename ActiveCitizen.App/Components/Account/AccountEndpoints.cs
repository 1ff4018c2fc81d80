using ActiveCitizen.App.Infrastructure.Security;
using ActiveCitizen.App.Features.Accounts;
using ActiveCitizen.App.Shared;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace ActiveCitizen.App.Components.Account;

public static class AccountEndpoints
{
    /// <summary>
    /// Sign-out is a POST with an antiforgery token (a GET link could sign people out from another site). So is the light/dark choice
    /// that the theme switch (shell.js) stores on a signed-in resident's account, which sets it again at their next sign-in elsewhere.
    /// </summary>
    public static IEndpointRouteBuilder MapAccountEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost("/account/theme", async Task<Results<NoContent, BadRequest>> (HttpContext context, [FromServices] AccountProfileService profiles,
            [FromForm] string? theme) =>
        {
            if (!EnumNames.TryParse<ThemePreference>(theme, out var chosen))
            {
                return TypedResults.BadRequest();
            }
            await profiles.SetThemeAsync(context.User, chosen, context.RequestAborted);
            return TypedResults.NoContent();
        }).RequireAuthorization();
        endpoints.MapPost("/Account/Logout", async ([FromServices] SignInManager<ApplicationUser> signInManager, [FromForm] string? returnUrl) =>
        {
            await signInManager.SignOutAsync();
            return TypedResults.Redirect(LocalUrl.OrHome(returnUrl));
        });
        return endpoints;
    }
}

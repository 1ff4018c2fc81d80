using ActiveCitizen.App.Infrastructure.Security;
using ActiveCitizen.App.Features.Accounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;

namespace ActiveCitizen.App.Components.Account;

public static class AccountEndpoints
{
    /// <summary>Sign-out is a POST with an antiforgery token (a GET link could sign people out from another site).</summary>
    public static IEndpointRouteBuilder MapAccountEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost("/Account/Logout", async ([FromServices] SignInManager<ApplicationUser> signInManager, [FromForm] string? returnUrl) =>
        {
            await signInManager.SignOutAsync();
            return TypedResults.Redirect(LocalUrl.OrHome(returnUrl));
        });
        return endpoints;
    }
}

using System.Globalization;
using System.Security.Claims;
using ActiveCitizen.App.Infrastructure.Localization;
using ActiveCitizen.App.Infrastructure.Security;
using Bunit;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using MudBlazor.Services;

namespace ActiveCitizen.Tests.Infrastructure;

/// <summary>
/// bUnit with MudBlazor, the app's resources, and the app's real authorization policies evaluated against a chosen user.
/// Disposed asynchronously because some MudBlazor services only support that.
/// </summary>
public abstract class ComponentTestContext : BunitContext, IAsyncLifetime
{
    private readonly CultureInfo previousCulture = CultureInfo.CurrentUICulture;
    private readonly SwitchableAuthentication authentication = new();

    protected ComponentTestContext()
    {
        // Live events are delivered on the thread pool: on a busy machine running the whole suite, bUnit's one-second default is a
        // race against the scheduler, not a check of the component. Waits end as soon as the assertion holds.
        DefaultWaitTimeout = TimeSpan.FromSeconds(10);
        UseCulture("en");
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddMudServices();
        Services.AddCachedLocalization();
        Services.AddAuthorizationBuilder().AddActiveCitizenPolicies();
        // bUnit pre-registers placeholders that refuse every check; these tests evaluate the app's real policies instead.
        Services.Replace(ServiceDescriptor.Transient<IAuthorizationService, DefaultAuthorizationService>());
        Services.Replace(ServiceDescriptor.Transient<IAuthorizationPolicyProvider, DefaultAuthorizationPolicyProvider>());
        Services.AddCascadingAuthenticationState();
        Services.AddSingleton<AuthenticationStateProvider>(authentication);
    }

    /// <summary>Signs in a user holding exactly these roles (none: a resident); null signs out.</summary>
    protected void SignInAs(params string[]? roles) => SignInAs("user-1", roles);

    protected void SignInAs(string userId, string[]? roles) => authentication.Set(roles is null
        ? new ClaimsPrincipal(new ClaimsIdentity())
        : new ClaimsPrincipal(new ClaimsIdentity(
            [new Claim(ClaimTypes.NameIdentifier, userId), new Claim(ClaimTypes.Name, "Anna"), .. roles.Select(role => new Claim(ClaimTypes.Role, role))],
            IdentityConstants.ApplicationScheme)));

    protected static void UseCulture(string culture) => CultureInfo.CurrentUICulture = CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo(culture);

    Task IAsyncLifetime.InitializeAsync() => Task.CompletedTask;

    async Task IAsyncLifetime.DisposeAsync()
    {
        CultureInfo.CurrentUICulture = CultureInfo.CurrentCulture = previousCulture;
        await base.DisposeAsync();
    }

    private sealed class SwitchableAuthentication : AuthenticationStateProvider
    {
        private ClaimsPrincipal user = new(new ClaimsIdentity());

        public void Set(ClaimsPrincipal principal)
        {
            user = principal;
            NotifyAuthenticationStateChanged(GetAuthenticationStateAsync());
        }

        public override Task<AuthenticationState> GetAuthenticationStateAsync() => Task.FromResult(new AuthenticationState(user));
    }
}

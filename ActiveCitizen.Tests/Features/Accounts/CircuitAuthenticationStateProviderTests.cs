using System.Security.Claims;
using ActiveCitizen.App.Features.Accounts;
using ActiveCitizen.App.Infrastructure.Live;
using ActiveCitizen.App.Infrastructure.Security;
using ActiveCitizen.Tests.Infrastructure;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace ActiveCitizen.Tests.Features.Accounts;

/// <summary>The signed-in user of an open circuit follows changes to the account made elsewhere, with the app's real services.</summary>
public sealed class CircuitAuthenticationStateProviderTests(DemoApp app) : IClassFixture<DemoApp>, IDisposable
{
    private readonly IServiceScope circuit = app.CreateScope();
    private readonly IServiceScope elsewhere = app.CreateScope();

    private UserManager<ApplicationUser> Users => elsewhere.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();

    private async Task<(ApplicationUser User, CircuitAuthenticationStateProvider Provider)> OpenCircuitAsync()
    {
        var email = $"circuit.{Guid.NewGuid():N}@example.org";
        var user = new ApplicationUser
        {
            UserName = email, Email = email, EmailConfirmed = true, DisplayName = "Circuit User", NormalizedDisplayName = "CIRCUIT USER",
            RegisteredAt = new DateTime(2026, 11, 1, 8, 0, 0, DateTimeKind.Utc),
        };
        Assert.True((await Users.CreateAsync(user, "circuit passphrase")).Succeeded);
        var principal = await elsewhere.ServiceProvider.GetRequiredService<SignInManager<ApplicationUser>>().CreateUserPrincipalAsync(user);
        var provider = (CircuitAuthenticationStateProvider)circuit.ServiceProvider.GetRequiredService<AuthenticationStateProvider>();
        provider.SetAuthenticationState(Task.FromResult(new AuthenticationState(principal)));
        return (user, provider);
    }

    private static async Task<ClaimsPrincipal> NextUserAsync(CircuitAuthenticationStateProvider provider, Func<Task> change)
    {
        var changed = new TaskCompletionSource<ClaimsPrincipal>();
        provider.AuthenticationStateChanged += async state => changed.TrySetResult((await state).User);
        await change();
        return await changed.Task.WaitAsync(TimeSpan.FromSeconds(20));
    }

    [Fact]
    public async Task A_role_granted_elsewhere_appears_in_the_open_circuit()
    {
        var (user, provider) = await OpenCircuitAsync();
        await using var adminScope = app.Services.CreateAsyncScope();
        var admin = await Users.FindByEmailAsync("admin@activecitizen.example");
        var administration = adminScope.ServiceProvider.GetRequiredService<UserAdministrationService>();

        var now = await NextUserAsync(provider, () => administration.GrantAsync(TestUsers.Principal(admin!.Id), user.Id, Roles.Moderator));

        Assert.True(now.IsInRole(Roles.Moderator));
        Assert.Equal("Circuit User", AccountClaimsPrincipalFactory.DisplayNameOf(now));
    }

    [Fact]
    public async Task After_a_password_change_elsewhere_the_next_account_change_signs_the_old_circuit_out()
    {
        var (user, provider) = await OpenCircuitAsync();
        Assert.True((await Users.ChangePasswordAsync(user, "circuit passphrase", "a new passphrase")).Succeeded);

        var now = await NextUserAsync(provider, () =>
        {
            app.Services.GetRequiredService<ILiveEvents>().Publish(LiveTopics.User(user.Id), new AccountChanged(user.Id));
            return Task.CompletedTask;
        });

        Assert.False(now.Identity?.IsAuthenticated);
    }

    [Fact]
    public async Task A_deleted_account_signs_its_open_circuit_out()
    {
        var (user, provider) = await OpenCircuitAsync();

        var now = await NextUserAsync(provider, async () =>
        {
            Assert.True((await Users.DeleteAsync(user)).Succeeded);
            app.Services.GetRequiredService<ILiveEvents>().Publish(LiveTopics.User(user.Id), new AccountChanged(user.Id));
        });

        Assert.False(now.Identity?.IsAuthenticated);
    }

    public void Dispose()
    {
        circuit.Dispose();
        elsewhere.Dispose();
    }
}

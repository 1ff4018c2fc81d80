using System.Security.Claims;
using ActiveCitizen.App.Infrastructure.Live;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace ActiveCitizen.App.Features.Accounts;

/// <summary>
/// Who the user of an open circuit is. The sign-in cookie is read once, when the circuit starts; after that this provider rebuilds
/// the user from the database as soon as their account changes (a role granted or revoked, a new display name), so menus and pages
/// follow at once, and it re-checks the security stamp periodically so a password change or deletion ends old circuits.
/// </summary>
public sealed class CircuitAuthenticationStateProvider : RevalidatingServerAuthenticationStateProvider
{
    private readonly IServiceScopeFactory scopeFactory;
    private readonly IOptions<IdentityOptions> options;
    private readonly ILiveEvents liveEvents;
    private readonly ILogger logger;
    private readonly Lock subscriptionGate = new();
    private IDisposable? accountSubscription;
    private string? subscribedUserId;

    public CircuitAuthenticationStateProvider(
        ILoggerFactory loggerFactory, IServiceScopeFactory scopeFactory, IOptions<IdentityOptions> options, ILiveEvents liveEvents)
        : base(loggerFactory)
    {
        this.scopeFactory = scopeFactory;
        this.options = options;
        this.liveEvents = liveEvents;
        logger = loggerFactory.CreateLogger<CircuitAuthenticationStateProvider>();
        AuthenticationStateChanged += FollowAccount;
    }

    protected override TimeSpan RevalidationInterval => TimeSpan.FromMinutes(10);

    protected override async Task<bool> ValidateAuthenticationStateAsync(AuthenticationState authenticationState, CancellationToken cancellationToken)
    {
        await using var scope = scopeFactory.CreateAsyncScope();
        var userManager = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var user = await userManager.GetUserAsync(authenticationState.User);
        if (user is null)
        {
            return false;
        }
        var principalStamp = authenticationState.User.FindFirstValue(options.Value.ClaimsIdentity.SecurityStampClaimType);
        return principalStamp == await userManager.GetSecurityStampAsync(user);
    }

    private void FollowAccount(Task<AuthenticationState> stateTask) => _ = FollowAccountAsync(stateTask);

    private async Task FollowAccountAsync(Task<AuthenticationState> stateTask)
    {
        var state = await stateTask;
        var userId = state.User.Identity?.IsAuthenticated == true ? state.User.FindFirstValue(ClaimTypes.NameIdentifier) : null;
        lock (subscriptionGate)
        {
            if (userId == subscribedUserId)
            {
                return;
            }
            accountSubscription?.Dispose();
            subscribedUserId = userId;
            accountSubscription = userId is null
                ? null
                : liveEvents.Subscribe<AccountChanged>(LiveTopics.User(userId), _ => RebuildAsync(userId));
        }
    }

    private async Task RebuildAsync(string userId)
    {
        try
        {
            await using var scope = scopeFactory.CreateAsyncScope();
            var userManager = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
            var principalFactory = scope.ServiceProvider.GetRequiredService<IUserClaimsPrincipalFactory<ApplicationUser>>();
            var user = await userManager.FindByIdAsync(userId);
            var current = (await GetAuthenticationStateAsync()).User;
            var stampStillValid = user is not null
                && current.FindFirstValue(options.Value.ClaimsIdentity.SecurityStampClaimType) == await userManager.GetSecurityStampAsync(user);
            // A password change elsewhere ends this circuit's sign-in rather than refreshing it with the new stamp.
            var principal = stampStillValid ? await principalFactory.CreateAsync(user!) : new ClaimsPrincipal(new ClaimsIdentity());
            SetAuthenticationState(Task.FromResult(new AuthenticationState(principal)));
        }
        catch (Exception exception)
        {
            logger.LogError(exception, "Could not refresh the signed-in user {UserId} in an open circuit.", userId);
        }
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            AuthenticationStateChanged -= FollowAccount;
            lock (subscriptionGate)
            {
                accountSubscription?.Dispose();
                accountSubscription = null;
            }
        }
        base.Dispose(disposing);
    }
}

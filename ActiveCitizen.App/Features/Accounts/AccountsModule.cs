using ActiveCitizen.App.Components.Account;
using ActiveCitizen.App.Components.Layout;
using ActiveCitizen.App.Features.Accounts.Components;
using ActiveCitizen.App.Features.Stats;
using ActiveCitizen.App.Infrastructure.Data;
using ActiveCitizen.App.Infrastructure.Security;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Identity;
using MudBlazor;

namespace ActiveCitizen.App.Features.Accounts;

public static class AccountsModule
{
    public static readonly IReadOnlyList<NavigationEntry> Navigation =
    [
        new("Nav.Admin", "/admin/users", Icons.Material.Outlined.AdminPanelSettings, Policies.Administration, 900),
    ];

    public static IHostApplicationBuilder AddAccounts(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddCascadingAuthenticationState();
        services.AddScoped<AuthenticationStateProvider, CircuitAuthenticationStateProvider>();
        services.AddScoped<IdentityRedirectManager>();

        services.AddAuthentication(options =>
            {
                options.DefaultScheme = IdentityConstants.ApplicationScheme;
                options.DefaultSignInScheme = IdentityConstants.ExternalScheme;
            })
            .AddIdentityCookies();
        services.ConfigureApplicationCookie(options =>
        {
            options.Cookie.Name = ".ActiveCitizen.Auth";
            options.Cookie.HttpOnly = true;
            options.Cookie.SameSite = SameSiteMode.Lax;
            options.LoginPath = "/Account/Login";
            options.LogoutPath = "/Account/Logout";
            options.AccessDeniedPath = "/Account/AccessDenied";
            options.ExpireTimeSpan = TimeSpan.FromDays(14);
            options.SlidingExpiration = true;
        });
        // The cookie's roles and display name are refreshed from the database this often on ordinary requests.
        services.Configure<SecurityStampValidatorOptions>(options => options.ValidationInterval = TimeSpan.FromMinutes(1));
        services.AddAuthorizationBuilder().AddActiveCitizenPolicies();

        services.AddIdentityCore<ApplicationUser>(options =>
            {
                options.SignIn.RequireConfirmedAccount = true;
                options.User.RequireUniqueEmail = true;
                options.Password.RequiredLength = AccountLimits.PasswordMinLength;
                options.Password.RequireDigit = false;
                options.Password.RequireLowercase = false;
                options.Password.RequireUppercase = false;
                options.Password.RequireNonAlphanumeric = false;
                options.Password.RequiredUniqueChars = 1;
                options.Lockout.AllowedForNewUsers = true;
                options.Lockout.MaxFailedAccessAttempts = AccountLimits.FailedSignInsBeforeLockout;
                options.Lockout.DefaultLockoutTimeSpan = AccountLimits.LockoutDuration;
            })
            .AddRoles<IdentityRole>()
            .AddEntityFrameworkStores<AppDbContext>()
            .AddSignInManager()
            .AddDefaultTokenProviders()
            .AddErrorDescriber<LocalizedIdentityErrorDescriber>()
            .AddClaimsPrincipalFactory<AccountClaimsPrincipalFactory>();

        services.AddScoped<AccountLinks>();
        services.AddSingleton<AccountEmailSender>();
        services.AddSingleton<IEmailSender<ApplicationUser>>(provider => provider.GetRequiredService<AccountEmailSender>());
        services.AddSingleton<UnregisteredSignInLockout>();
        services.AddSingleton<StripedLock>();
        services.AddScoped<SignInService>();
        services.AddSingleton<UserAccess>();
        services.AddSingleton<AccountProfileService>();
        services.AddSingleton<UserAdministrationService>();
        services.AddSingleton<ISiteFigureSource, ResidentFigures>();
        services.AddSingleton<DemoAccounts>();
        services.AddSingleton<IDemoDataSeeder>(provider => provider.GetRequiredService<DemoAccounts>());
        services.AddSingleton<IRealDataDetector>(provider => provider.GetRequiredService<DemoAccounts>());

        foreach (var entry in Navigation)
        {
            services.AddNavigationEntry(entry);
        }
        services.AddAccountSection(new AccountSection("profile", "Account.Section.Profile", Icons.Material.Outlined.Person, typeof(ProfileSection), 0));
        services.AddAccountSection(new AccountSection("security", "Account.Section.Security", Icons.Material.Outlined.Lock, typeof(SecuritySection), 900));
        return builder;
    }
}

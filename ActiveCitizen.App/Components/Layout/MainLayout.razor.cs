using ActiveCitizen.App.Features.Accounts;
using ActiveCitizen.App.Infrastructure.Security;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Routing;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.JSInterop;

namespace ActiveCitizen.App.Components.Layout;

public partial class MainLayout : IAsyncDisposable
{
    private ErrorBoundary? errorBoundary;
    private IJSObjectReference? preferencesModule;
    private ThemePreference theme;
    private ElementReference chosenThemeSwitch;

    /// <summary>Whether app bar items for signed-in users are shown; follows the cascade, so a sign-in that ends takes them away.</summary>
    private bool signedIn;

    /// <summary>
    /// Whether the circuit has had a signed-in reader, who may open dialogs and see snackbars. It stays set after a sign-in that
    /// ends under the open page, so that a dialog open at that moment, or the refusal its action then meets, still shows.
    /// </summary>
    private bool actsHere;

    /// <summary>Set when a system-theme switch was used: it is gone after the re-render, and the remaining switch takes the focus.</summary>
    private bool focusChosenThemeSwitch;

    /// <summary>On wide screens the drawer sits beside the page and stays open unless the reader closes it.</summary>
    private bool wideNavClosed;

    /// <summary>On narrow screens the drawer covers the page, so it is open only when asked for, until the next page.</summary>
    private bool narrowNavOpen;

    [CascadingParameter] private ThemePreference InitialTheme { get; set; }
    [CascadingParameter] private Task<AuthenticationState>? AuthenticationState { get; set; }

    [Inject] private IJSRuntime JS { get; set; } = default!;
    [Inject] private NavigationManager Navigation { get; set; } = default!;
    [Inject] private AccountProfileService Profiles { get; set; } = default!;
    [Inject] private ILogger<MainLayout> Logger { get; set; } = default!;

    /// <summary>
    /// The item's component itself, where a DynamicComponent would add a second component around it that every circuit keeps alive.
    /// </summary>
    private static RenderFragment AppBarItemComponent(Type component) => builder =>
    {
        builder.OpenComponent(0, component);
        // Keyed, so that an item appearing or going (the bell, as the sign-in changes) leaves the others as they are.
        builder.SetKey(component);
        builder.CloseComponent();
    };

    private string ShellClass => "mud-layout app-shell"
                                 + (wideNavClosed ? " app-shell--wide-nav-closed" : "")
                                 + (narrowNavOpen ? " app-shell--narrow-nav-open" : "");

    protected override void OnInitialized()
    {
        theme = InitialTheme;
        Navigation.LocationChanged += CloseNarrowNavOnNavigation;
    }

    protected override async Task OnParametersSetAsync()
    {
        // A page that failed must not keep the error screen after the reader navigates elsewhere.
        errorBoundary?.Recover();
        signedIn = await UserAccess.SignedInAsync(AuthenticationState) is not null;
        actsHere |= signedIn;
    }

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (!focusChosenThemeSwitch)
        {
            return;
        }
        focusChosenThemeSwitch = theme == ThemePreference.System;
        try
        {
            await chosenThemeSwitch.FocusAsync();
        }
        catch (Exception exception) when (exception is JSException or JSDisconnectedException or TaskCanceledException)
        {
            // Only the focus is lost; the theme changed.
            Logger.LogInformation(exception, "Could not move the focus to the theme switch.");
        }
    }

    private void ToggleWideNav() => wideNavClosed = !wideNavClosed;

    private void ToggleNarrowNav() => narrowNavOpen = !narrowNavOpen;

    private void CloseNarrowNav() => narrowNavOpen = false;

    /// <summary>A link followed from the covering drawer leaves it closed on the new page, as MudDrawer did.</summary>
    private void CloseNarrowNavOnNavigation(object? sender, LocationChangedEventArgs e)
    {
        if (narrowNavOpen)
        {
            _ = InvokeAsync(() =>
            {
                narrowNavOpen = false;
                StateHasChanged();
            });
        }
    }

    private async Task ChooseThemeAsync(ThemePreference chosen)
    {
        focusChosenThemeSwitch = theme == ThemePreference.System;
        theme = chosen;
        try
        {
            preferencesModule ??= await JS.InvokeAsync<IJSObjectReference>("import", "./" + Assets["js/preferences.js"]);
            await preferencesModule.InvokeVoidAsync("rememberTheme", theme.ToString());
        }
        catch (JSException exception)
        {
            // The page already switched; only remembering it for the next visit failed (e.g. cookies blocked).
            Logger.LogWarning(exception, "Could not remember the theme choice in the browser.");
        }
        if (AuthenticationState is not null)
        {
            try
            {
                await Profiles.SetThemeAsync((await AuthenticationState).User, theme);
            }
            catch (Exception exception)
            {
                // The layout sits outside the error boundary: a failed save must not end the circuit. The cookie still remembers.
                Logger.LogError(exception, "Could not store the theme choice on the account.");
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        Navigation.LocationChanged -= CloseNarrowNavOnNavigation;
        if (preferencesModule is not null)
        {
            try
            {
                await preferencesModule.DisposeAsync();
            }
            catch (JSDisconnectedException)
            {
                // The circuit is already gone; there is nothing left to release in the browser.
            }
        }
    }
}

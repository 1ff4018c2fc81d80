using ActiveCitizen.App.Features.Accounts;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.JSInterop;
using MudBlazor;

namespace ActiveCitizen.App.Components.Layout;

public partial class MainLayout : IAsyncDisposable
{
    private SharedThemeProvider? themeProvider;
    private ErrorBoundary? errorBoundary;
    private IJSObjectReference? preferencesModule;
    private bool drawerOpen = true;
    private bool isDarkMode;
    private ThemePreference theme;

    [CascadingParameter] private ThemePreference InitialTheme { get; set; }
    [CascadingParameter] private Task<AuthenticationState>? AuthenticationState { get; set; }

    [Inject] private IJSRuntime JS { get; set; } = default!;
    [Inject] private AccountProfileService Profiles { get; set; } = default!;
    [Inject] private ILogger<MainLayout> Logger { get; set; } = default!;

    protected override void OnInitialized()
    {
        theme = InitialTheme;
        isDarkMode = theme == ThemePreference.Dark;
    }

    protected override void OnParametersSet()
    {
        // A page that failed must not keep the error screen after the reader navigates elsewhere.
        errorBoundary?.Recover();
    }

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (!firstRender || theme != ThemePreference.System || themeProvider is null)
        {
            return;
        }
        // Only a dark system theme re-renders the layout: a re-render reaches every component of the shell, in every circuit.
        var systemDark = await themeProvider.GetSystemDarkModeAsync();
        if (systemDark != isDarkMode)
        {
            isDarkMode = systemDark;
            StateHasChanged();
        }
    }

    private void ToggleDrawer() => drawerOpen = !drawerOpen;

    private Task FollowSystemDarkMode(bool dark)
    {
        isDarkMode = dark;
        return Task.CompletedTask;
    }

    private async Task ToggleDarkModeAsync()
    {
        isDarkMode = !isDarkMode;
        theme = isDarkMode ? ThemePreference.Dark : ThemePreference.Light;
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

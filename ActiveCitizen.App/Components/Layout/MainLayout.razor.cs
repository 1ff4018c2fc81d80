using ActiveCitizen.App.Infrastructure.Security;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Web;

namespace ActiveCitizen.App.Components.Layout;

public partial class MainLayout
{
    private ErrorBoundary? errorBoundary;

    /// <summary>Whether app bar items for signed-in users are shown; follows the cascade, so a sign-in that ends takes them away.</summary>
    private bool signedIn;

    /// <summary>The page's path and query ("/ideas?tag=parks"), for the links that come back to it (languages, signing in and out).</summary>
    private string here = "/";

    [CascadingParameter(Name = nameof(Routes.WideNavClosed))] private bool WideNavClosed { get; set; }
    [CascadingParameter] private Task<AuthenticationState>? AuthenticationState { get; set; }

    [Inject] private NavigationManager Navigation { get; set; } = default!;

    /// <summary>
    /// The item's component itself, where a DynamicComponent would add a second component around it that every circuit keeps alive.
    /// Around an island the layout is rendered on the server, so a live item (the bell) becomes an island of its own.
    /// </summary>
    private static RenderFragment AppBarItemComponent(Type component, bool island) => builder =>
    {
        builder.OpenComponent(0, component);
        // Keyed, so that an item appearing or going (the bell, as the sign-in changes) leaves the others as they are.
        builder.SetKey(component);
        if (island)
        {
            builder.AddComponentRenderMode(RenderMode.InteractiveServer);
        }
        builder.CloseComponent();
    };

    /// <summary>The router sets the page again at every navigation, query changes included, so the links follow the location.</summary>
    protected override async Task OnParametersSetAsync()
    {
        here = "/" + Navigation.ToBaseRelativePath(Navigation.Uri);
        // A page that failed must not keep the error screen after the reader navigates elsewhere.
        errorBoundary?.Recover();
        signedIn = await UserAccess.SignedInAsync(AuthenticationState) is not null;
    }
}

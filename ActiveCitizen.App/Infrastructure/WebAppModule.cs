using System.Net;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using ActiveCitizen.App.Components;
using ActiveCitizen.App.Components.Layout;
using ActiveCitizen.App.Infrastructure.Data;
using ActiveCitizen.App.Infrastructure.Live;
using ActiveCitizen.App.Infrastructure.Localization;
using ActiveCitizen.App.Infrastructure.Mail;
using ActiveCitizen.App.Infrastructure.Security;
using ActiveCitizen.App.Infrastructure.Time;
using Microsoft.AspNetCore.Components.Server.Circuits;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.DependencyInjection.Extensions;
using MudBlazor;
using MudBlazor.Services;

namespace ActiveCitizen.App.Infrastructure;

/// <summary>What every feature stands on: Blazor Server with MudBlazor, data, clock, live bus, mail, languages and the HTTP pipeline.</summary>
public static class WebAppModule
{
    public static IHostApplicationBuilder AddInfrastructure(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddRazorComponents().AddInteractiveServerComponents();
        services.AddMudServices(options =>
        {
            options.SnackbarConfiguration.PositionClass = Defaults.Classes.Position.BottomRight;
            options.SnackbarConfiguration.PreventDuplicates = true;
            // The popover service wakes every QueueDelay in every circuit, only to tell the browser about popovers that were destroyed;
            // at the default half second, 5,000 idle circuits cost the server 10,000 wake-ups a second. Late clean-up is harmless.
            options.PopoverOptions.QueueDelay = TimeSpan.FromSeconds(15);
        });
        // Russian text is written as itself, not as &#x...; escapes that triple the size of every Russian page.
        services.AddSingleton(HtmlEncoder.Create(UnicodeRanges.All));
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<InProcessLiveEvents>();
        services.AddSingleton<ILiveEvents>(provider => provider.GetRequiredService<InProcessLiveEvents>());
        services.AddScoped<CircuitLiveSubscriptions>();
        services.AddScoped<CircuitConnection>();
        services.AddScoped<CircuitHandler, CircuitConnectionHandler>();
        // Sign-in cookies and antiforgery tokens stay valid across restarts (and later across instances sharing the folder).
        var keysDirectory = Path.GetFullPath(Path.Combine(builder.Environment.ContentRootPath,
            builder.Configuration["DataProtection:KeysDirectory"] ?? "App_Data/keys"));
        services.AddDataProtection().SetApplicationName("ActiveCitizen").PersistKeysToFileSystem(new DirectoryInfo(keysDirectory));
        services.AddOptions<SiteOptions>().Bind(builder.Configuration.GetSection(SiteOptions.Section));
        services.AddSingleton<CityClock>();
        services.AddSingleton<ThemeStylesheets>();
        builder.AddData();
        builder.AddMail();
        builder.AddLocalizationSupport();
        return builder;
    }

    public static WebApplication UseInfrastructure(this WebApplication app)
    {
        // Behind a TLS-terminating proxy, trust its X-Forwarded-For/-Proto (and only from the proxies named in configuration),
        // so HTTPS redirection, HSTS and secure cookies see the request as the resident made it.
        var proxies = app.Configuration.GetSection("ReverseProxy:KnownProxies").Get<string[]>() ?? [];
        if (proxies.Length > 0)
        {
            var forwarded = new ForwardedHeadersOptions { ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto };
            forwarded.KnownProxies.Clear();
            forwarded.KnownIPNetworks.Clear();
            foreach (var proxy in proxies)
            {
                forwarded.KnownProxies.Add(IPAddress.Parse(proxy));
            }
            app.UseForwardedHeaders(forwarded);
        }
        if (!app.Environment.IsDevelopment())
        {
            // A friendly page, never a stack trace; HTTPS remembered by browsers.
            app.UseExceptionHandler("/Error", createScopeForErrors: true);
            app.UseHsts();
            app.UseHttpsRedirection();
        }
        app.UseSecurityHeaders();
        app.UseStatusCodePagesWithReExecute("/not-found", createScopeForStatusCodePages: true);
        // Pages answer a missing address; a refused POST keeps its bare status. Re-executed as a POST, the not-found page would validate
        // the antiforgery token again and throw on a request already marked invalid, turning a 400 into a failure.
        app.Use((context, next) =>
        {
            if (!HttpMethods.IsGet(context.Request.Method) && !HttpMethods.IsHead(context.Request.Method)
                && context.Features.Get<IStatusCodePagesFeature>() is { } statusCodePages)
            {
                statusCodePages.Enabled = false;
            }
            return next(context);
        });
        app.UseRequestLocalization();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseAntiforgery();
        return app;
    }

    /// <summary>Whether live updates travel compressed (permessage-deflate) to browsers that offer it.</summary>
    public const string CompressUpdatesSetting = "LiveUpdates:CompressWebSocket";

    public static WebApplication MapInfrastructure(this WebApplication app)
    {
        app.MapStaticAssets();
        app.MapHealthChecks("/health");
        app.MapCultureSwitch();
        var compressUpdates = app.Configuration.GetValue<bool>(CompressUpdatesSetting);
        app.MapRazorComponents<Components.App>().AddInteractiveServerRenderMode(options =>
            options.ConfigureWebSocketAcceptContext = (_, accept) =>
            {
                // Off unless chosen: deflating every reader's render batches cost the server twice the CPU of rendering them in the
                // fan-out benchmark (docs/PERFORMANCE.md). When on, the compressor is dropped after each message rather than kept
                // (about 380 KB of native memory) for every open circuit, most of which sit idle between events.
                accept.DangerousEnableCompression = compressUpdates;
                accept.DisableServerContextTakeover = true;
                return Task.CompletedTask;
            });
        return app;
    }
}

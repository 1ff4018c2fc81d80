namespace ActiveCitizen.App.Infrastructure.Security;

/// <summary>Headers that every response carries. The policy is the strictest the app (Blazor Server and MudBlazor) works under.</summary>
public static class SecurityHeaders
{
    /// <summary>
    /// Scripts only from this origin and never inline, so injected markup cannot run code. Styles allow inline because MudBlazor
    /// sets style attributes and writes its theme as a style element. The circuit's WebSocket is same-origin ('self').
    /// </summary>
    public const string ContentSecurityPolicy =
        "default-src 'self'; " +
        "script-src 'self'; " +
        "style-src 'self' 'unsafe-inline'; " +
        "img-src 'self' data: blob:; " +
        "font-src 'self' data:; " +
        "connect-src 'self'; " +
        "object-src 'none'; " +
        "base-uri 'self'; " +
        "form-action 'self'; " +
        "frame-ancestors 'none'";

    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) => app.Use((context, next) =>
    {
        context.Response.OnStarting(static state =>
        {
            var headers = ((HttpContext)state).Response.Headers;
            headers.ContentSecurityPolicy = ContentSecurityPolicy;
            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "DENY";
            headers["Referrer-Policy"] = "strict-origin-when-cross-origin";
            headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=()";
            return Task.CompletedTask;
        }, context);
        return next(context);
    });
}

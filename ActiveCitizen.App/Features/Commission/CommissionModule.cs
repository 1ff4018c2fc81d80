using ActiveCitizen.App.Components.Layout;
using ActiveCitizen.App.Features.Moderation;
using ActiveCitizen.App.Infrastructure.Data;
using ActiveCitizen.App.Infrastructure.Security;
using MudBlazor;

namespace ActiveCitizen.App.Features.Commission;

public static class CommissionModule
{
    public static readonly IReadOnlyList<NavigationEntry> Navigation =
    [
        new("Nav.Commission", "/commission", Icons.Material.Outlined.HowToVote, Policies.Commission, 700),
        new("Nav.AdminCommission", "/admin/commission", Icons.Material.Outlined.Gavel, Policies.Administration, 920),
    ];

    public static IHostApplicationBuilder AddCommission(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSingleton<CommissionService>();
        builder.Services.AddSingleton<CommissionQueries>();
        builder.Services.AddScoped<MinutesExport>();
        builder.Services.AddSingleton<IShortlistLock, CommissionShortlistLock>();
        builder.Services.AddSingleton<IDemoDataSeeder, DemoCommission>();
        foreach (var entry in Navigation)
        {
            builder.Services.AddNavigationEntry(entry);
        }
        return builder;
    }

    /// <summary>The minutes as files: CSV and XLSX, for whoever may read them (see <see cref="CommissionQueries.ForMinutesAsync"/>).</summary>
    public static IEndpointRouteBuilder MapCommissionEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/commission/sessions/{id:int}/minutes.{format:regex(^(csv|xlsx)$)}", async (int id, string format, HttpContext context,
            CommissionService commission, CommissionQueries queries, MinutesExport export) =>
        {
            await commission.AdvanceAsync(id, context.RequestAborted);
            if (await queries.ForMinutesAsync(id, UserAccess.UserIdOf(context.User), context.RequestAborted) is not { } session)
            {
                return Results.NotFound();
            }
            var name = $"minutes-{session.ProjectSlug}-{id}";
            return format == "csv"
                ? Results.File(System.Text.Encoding.UTF8.GetPreamble().Concat(System.Text.Encoding.UTF8.GetBytes(export.Csv(session))).ToArray(),
                    "text/csv; charset=utf-8", $"{name}.csv")
                : Results.File(await export.XlsxAsync(session), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", $"{name}.xlsx");
        });
        return endpoints;
    }
}

using Hangfire;
using Hangfire.Dashboard;
using HighServiceDashboard.Infrastructure.Schedule;

namespace HighServiceDashboard.App.Endpoints;

/// <summary>The calendar feeds and the Hangfire dashboard.</summary>
public static class ScheduleEndpoints
{
    public static WebApplication MapScheduleEndpoints(this WebApplication app)
    {
        app.MapGet("/calendar/{token}.ics", async (string token, CalendarFeedService feeds, CancellationToken ct) =>
            await feeds.RenderAsync(token, ct) is { } ics
                ? Results.Text(ics, "text/calendar; charset=utf-8")
                : Results.NotFound());

        if (app.Services.GetService<JobStorage>() is null)
        {
            // Jobs:Enabled is false: no Hangfire in this host.
            return app;
        }

        app.UseHangfireDashboard("/hangfire", new DashboardOptions
        {
            Authorization = [new CommissionAdministratorsOnly()],
            DashboardTitle = "HighServiceDashboard jobs",
            AppPath = "/",
        });
        return app;
    }
}

/// <summary>The Hangfire dashboard is for the commission's administrators: anyone else gets 401/403.</summary>
public sealed class CommissionAdministratorsOnly : IDashboardAuthorizationFilter
{
    public bool Authorize(DashboardContext context) =>
        context.GetHttpContext().User.IsInRole(nameof(HighServiceDashboard.Domain.Access.Role.CommissionAdmin));
}

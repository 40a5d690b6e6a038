using HighServiceDashboard.Infrastructure.Identity;
using HighServiceDashboard.Infrastructure.Plans;

namespace HighServiceDashboard.App.Endpoints;

/// <summary>The document a plan was read from, served back exactly as uploaded.</summary>
public static class PlanEndpoints
{
    public static IEndpointRouteBuilder MapPlanEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/plans/{id:int}/source", async (int id, PlanQueries plans, AccessService access, HttpContext context, ILoggerFactory loggers, CancellationToken ct) =>
        {
            // Another agency's document answers as if it did not exist.
            if (await plans.AgencyOfAsync(id, ct) is not { } agency)
            {
                return Results.NotFound();
            }

            if (!await access.CanReadAsync(AccessClaims.ToPrincipal(context.User), agency, ct))
            {
                loggers.CreateLogger("HighServiceDashboard.Access").LogWarning("Forbidden: {User} asked for the source of plan {PlanId}", context.User.Identity?.Name, id);
                return Results.NotFound();
            }

            var source = await plans.GetSourceAsync(id, ct);
            // The stored type is the only one served, and as an attachment: an uploaded file never runs in the page.
            return source is null
                ? Results.NotFound()
                : Results.File(source.Content, source.ContentType, source.FileName);
        }).RequireAuthorization();
        return app;
    }
}

using HighServiceDashboard.Infrastructure.Plans;

namespace HighServiceDashboard.App.Endpoints;

/// <summary>The document a plan was read from, served back exactly as uploaded.</summary>
public static class PlanEndpoints
{
    public static IEndpointRouteBuilder MapPlanEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/plans/{id:int}/source", async (int id, PlanQueries plans, CancellationToken ct) =>
        {
            var source = await plans.GetSourceAsync(id, ct);
            // The stored type is the only one served, and as an attachment: an uploaded file never runs in the page.
            return source is null
                ? Results.NotFound()
                : Results.File(source.Content, source.ContentType, source.FileName);
        });
        return app;
    }
}

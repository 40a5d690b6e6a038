using HighServiceDashboard.Infrastructure.Identity;
using HighServiceDashboard.Infrastructure.Results;
using Microsoft.Net.Http.Headers;

namespace HighServiceDashboard.App.Endpoints;

/// <summary>
/// The results' attachments served back, and an agency's compiled results (its own with its
/// subordinates') as .docx and .xlsx. Another agency's answers 404, as if it did not exist.
/// </summary>
public static class ResultsEndpoints
{
    private const string Docx = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
    private const string Xlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public static IEndpointRouteBuilder MapResultsEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/results/attachments/{id:int}", async (int id, ResultsQueries queries, AccessService access, HttpContext context, ILoggerFactory loggers, CancellationToken ct) =>
        {
            if (await queries.AttachmentAsync(id, ct) is not { } found)
            {
                return Results.NotFound();
            }

            if (!await access.CanReadAsync(AccessClaims.ToPrincipal(context.User), found.AgencyId, ct))
            {
                loggers.CreateLogger("HighServiceDashboard.Access").LogWarning("Forbidden: {User} asked for results attachment {AttachmentId}", context.User.Identity?.Name, id);
                return Results.NotFound();
            }

            if (queries.OpenContent(found.Attachment) is not { } content)
            {
                return Results.NotFound();
            }

            // The type checked on upload is the only one served, as a download the browser does not sniff.
            context.Response.Headers[HeaderNames.XContentTypeOptions] = "nosniff";
            return Results.File(content, found.Attachment.ContentType, found.Attachment.FileName);
        }).RequireAuthorization();

        app.MapGet("/results/agencies/{id:int}/{year:int}.docx", async (int id, int year, ResultsExport export, AccessService access, HttpContext context, CancellationToken ct) =>
            await CompiledAsync(id, year, export, access, context, ct) is { } compiled
                ? Results.File(ResultsExport.ToDocx(compiled), Docx, $"results-{year}-agency-{id}.docx")
                : Results.NotFound()).RequireAuthorization();

        app.MapGet("/results/agencies/{id:int}/{year:int}.xlsx", async (int id, int year, ResultsExport export, AccessService access, HttpContext context, CancellationToken ct) =>
            await CompiledAsync(id, year, export, access, context, ct) is { } compiled
                ? Results.File(ResultsExport.ToXlsx(compiled), Xlsx, $"results-{year}-agency-{id}.xlsx")
                : Results.NotFound()).RequireAuthorization();
        return app;
    }

    /// <summary>The agency's results with those of its subordinates the person reads; null when the agency is not theirs to read.</summary>
    private static async Task<IReadOnlyList<ResultsView>?> CompiledAsync(int id, int year, ResultsExport export, AccessService access, HttpContext context, CancellationToken ct)
    {
        if (AccessClaims.ToPrincipal(context.User) is not { } who || !await access.CanReadAsync(who, id, ct))
        {
            return null;
        }

        return await export.CompileAsync(id, year, await access.ReadableAsync(who, ct), ct);
    }
}

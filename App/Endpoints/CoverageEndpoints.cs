using HighServiceDashboard.Domain.Programme;
using HighServiceDashboard.Infrastructure.Coverage;
using HighServiceDashboard.Infrastructure.Identity;

namespace HighServiceDashboard.App.Endpoints;

/// <summary>
/// Coverage as files: the year's heatmap as .xlsx and CSV, an agency's coverage as .xlsx, and the
/// read-only JSON of a year for the city's open data platform (the same numbers as the pages).
/// </summary>
public static class CoverageEndpoints
{
    private const string Xlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public static IEndpointRouteBuilder MapCoverageEndpoints(this IEndpointRouteBuilder app)
    {
        // The heatmap's files hold the rows the person's heatmap shows: the city for the commission, their agencies for the others.
        app.MapGet("/coverage/{year:int}.xlsx", async (int year, CoverageService coverage, AccessService access, HttpContext context, CancellationToken ct) =>
            IsYear(year)
                ? Results.File(CoverageExport.ToXlsx(await ScopedMatrixAsync(year, coverage, access, context, ct)), Xlsx, $"coverage-{year}.xlsx")
                : Results.NotFound()).RequireAuthorization();

        app.MapGet("/coverage/{year:int}.csv", async (int year, CoverageService coverage, AccessService access, HttpContext context, CancellationToken ct) =>
            IsYear(year)
                ? Results.File(CoverageExport.ToCsv(await ScopedMatrixAsync(year, coverage, access, context, ct)), "text/csv; charset=utf-8", $"coverage-{year}.csv")
                : Results.NotFound()).RequireAuthorization();

        app.MapGet("/coverage/agencies/{id:int}/{year:int}.xlsx", async (int id, int year, CoverageService coverage, HttpContext context, CancellationToken ct) =>
            IsYear(year) && await coverage.GetAgencyAsync(AccessClaims.ToPrincipal(context.User), id, year, ct) is { } detail
                ? Results.File(CoverageExport.ToXlsx(detail), Xlsx, $"coverage-{year}-agency-{id}.xlsx")
                : Results.NotFound()).RequireAuthorization();

        // Open data: the city's coverage of a year for anyone, as the plans ask agencies to publish.
        app.MapGet("/api/coverage/{year:int}", async (int year, CoverageService coverage, CancellationToken ct) =>
            IsYear(year)
                ? Results.Json(CoverageExport.ToDocument(await coverage.GetMatrixAsync(year, ct)), CoverageExport.Json)
                : Results.NotFound()).AllowAnonymous();
        return app;
    }

    private static async Task<CoverageMatrix> ScopedMatrixAsync(int year, CoverageService coverage, AccessService access, HttpContext context, CancellationToken ct)
    {
        var matrix = await coverage.GetMatrixAsync(year, ct);
        if (AccessClaims.ToPrincipal(context.User) is not { } who)
        {
            return matrix with { Rows = [] };
        }

        var readable = await access.ReadableAsync(who, ct);
        return readable is null ? matrix : matrix with { Rows = matrix.Rows.Where(r => readable.Contains(r.AgencyId)).ToList() };
    }

    private static bool IsYear(int rocYear) => rocYear is >= ProgrammeYear.FirstRocYear and < 1000;
}

using HighServiceDashboard.Domain.Programme;
using HighServiceDashboard.Infrastructure.Coverage;

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
        app.MapGet("/coverage/{year:int}.xlsx", async (int year, CoverageService coverage, CancellationToken ct) =>
            IsYear(year)
                ? Results.File(CoverageExport.ToXlsx(await coverage.GetMatrixAsync(year, ct)), Xlsx, $"coverage-{year}.xlsx")
                : Results.NotFound());

        app.MapGet("/coverage/{year:int}.csv", async (int year, CoverageService coverage, CancellationToken ct) =>
            IsYear(year)
                ? Results.File(CoverageExport.ToCsv(await coverage.GetMatrixAsync(year, ct)), "text/csv; charset=utf-8", $"coverage-{year}.csv")
                : Results.NotFound());

        app.MapGet("/coverage/agencies/{id:int}/{year:int}.xlsx", async (int id, int year, CoverageService coverage, CancellationToken ct) =>
            IsYear(year) && await coverage.GetAgencyAsync(id, year, ct) is { } detail
                ? Results.File(CoverageExport.ToXlsx(detail), Xlsx, $"coverage-{year}-agency-{id}.xlsx")
                : Results.NotFound());

        app.MapGet("/api/coverage/{year:int}", async (int year, CoverageService coverage, CancellationToken ct) =>
            IsYear(year)
                ? Results.Json(CoverageExport.ToDocument(await coverage.GetMatrixAsync(year, ct)), CoverageExport.Json)
                : Results.NotFound());
        return app;
    }

    private static bool IsYear(int rocYear) => rocYear is >= ProgrammeYear.FirstRocYear and < 1000;
}

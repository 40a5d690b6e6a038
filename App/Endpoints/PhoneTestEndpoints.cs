using HighServiceDashboard.Domain.PhoneTests;
using HighServiceDashboard.Infrastructure.PhoneTests;

namespace HighServiceDashboard.App.Endpoints;

/// <summary>The bulk-entry templates of a year and round: .xlsx, and CSV in UTF-8 with a BOM.</summary>
public static class PhoneTestEndpoints
{
    public static IEndpointRouteBuilder MapPhoneTestEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/phone-tests/template.{format}", async (string format, int year, PhoneTestRound round, PhoneRubricService rubrics, CancellationToken ct) =>
        {
            if (format is not ("xlsx" or "csv") || year is < 1 or > 999)
            {
                return Results.NotFound();
            }

            var rubric = await rubrics.GetCurrentAsync(year, round, ct);
            var name = $"電話禮貌測試-{year}-{round}.{format}";
            return format == "xlsx"
                ? Results.File(PhoneTestSpreadsheet.TemplateXlsx(rubric, await rubrics.GetFaultsAsync(ct: ct)), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", name)
                : Results.File(PhoneTestSpreadsheet.TemplateCsv(rubric), "text/csv; charset=utf-8", name);
        }).RequireAuthorization(HighServiceDashboard.Infrastructure.Identity.AccessClaims.CommissionPolicy);
        return app;
    }
}

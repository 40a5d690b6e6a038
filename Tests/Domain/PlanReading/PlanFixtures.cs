using HighServiceDashboard.Domain.Plans.Reading;

namespace HighServiceDashboard.Tests.Domain.PlanReading;

/// <summary>The project's own small plans (Tests/Fixtures/Plans), one per quirk agencies' plans show.</summary>
public static class PlanFixtures
{
    public static string Path(string file) => System.IO.Path.Combine(AppContext.BaseDirectory, "Fixtures", "Plans", file);

    public static string Text(string file) => File.ReadAllText(Path(file));

    public static HighServiceDashboard.Domain.Plans.Reading.PlanReading Read(string file, PlanReadOptions? options = null) =>
        new PlanReader().Read(PlanTextDocument.FromText(Text(file), file), options);

    public static IReadOnlyList<string> Covered(HighServiceDashboard.Domain.Plans.Reading.PlanReading reading) =>
        reading.GetCoverage().SubItems.Where(s => s.Status == CoverageStatus.Covered).Select(s => s.Code).ToList();
}

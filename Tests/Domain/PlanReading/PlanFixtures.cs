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

    /// <summary>Every cell of the document appears in the reading: as title, item, focus point, declaration, unplaced or other text.</summary>
    public static void AssertNoTextLost(PlanTextDocument document, HighServiceDashboard.Domain.Plans.Reading.PlanReading reading, string context)
    {
        var pieces = new List<string?> { reading.Title };
        pieces.AddRange(reading.OtherText.Select(t => t.Text));
        pieces.AddRange(reading.Items.Select(t => t.Text));
        pieces.AddRange(reading.FocusPoints.Select(f => f.SourceText));
        pieces.AddRange(reading.NotApplicable.Select(d => d.Text));
        pieces.AddRange(reading.Unplaced.Select(u => u.Text));

        // No separator: a cell holding a pillar heading and a sub-item reads as two consecutive items.
        var corpus = string.Concat(pieces.Select(TextNormalizer.Key));
        foreach (var cell in document.AllCells())
        {
            var key = TextNormalizer.Key(cell.Text);
            Assert.True(key.Length == 0 || corpus.Contains(key, StringComparison.Ordinal),
                $"{context}: the text \"{cell.Text}\" (line {cell.Line}) is not in the reading");
        }
    }
}

using HighServiceDashboard.Domain.Plans.Reading;

namespace HighServiceDashboard.Tests.Support;

/// <summary>
/// The seed plan as LibreOffice saves it (.odt, .doc, .rtf) in Tests/Fixtures/Office, made by
/// make-fixtures.sh there, and the check that a document reads to the same coverage as the text form.
/// </summary>
public static class OfficeFixtures
{
    public static string Path(string name) => System.IO.Path.Combine(AppContext.BaseDirectory, "Fixtures", "Office", name);

    public static void AssertSameCoverage(PlanTextDocument text, PlanTextDocument document)
    {
        var fromDocument = new PlanReader().Read(document);
        var fromText = new PlanReader().Read(text);
        Assert.Equal(fromText.AgencyName, fromDocument.AgencyName);
        Assert.Equal(fromText.RocYear, fromDocument.RocYear);
        Assert.Equal(fromText.GetCoverage().SubItems.Select(s => (s.Code, s.Status)), fromDocument.GetCoverage().SubItems.Select(s => (s.Code, s.Status)));
        Assert.Equal(fromText.GetCoverage().Preamble, fromDocument.GetCoverage().Preamble);
        Assert.Equal(fromText.FocusPoints.Select(f => f.Code), fromDocument.FocusPoints.Select(f => f.Code));
        Assert.Empty(fromDocument.Unplaced);
    }
}

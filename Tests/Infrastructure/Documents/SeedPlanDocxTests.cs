using HighServiceDashboard.Domain.Plans.Reading;
using HighServiceDashboard.Infrastructure.Documents;
using HighServiceDashboard.Tests.Support;

namespace HighServiceDashboard.Tests.Infrastructure.Documents;

/// <summary>The sample plans written back into Word (as agencies keep them) read to the same coverage.</summary>
public sealed class SeedPlanDocxTests
{
    [SeedTheory]
    [InlineData("finance-bureau-113.txt")]
    [InlineData("niaosong-district-113.txt")]
    [InlineData("public-works-bureau-105.txt")]
    [InlineData("pawnshop-114.txt")]
    public void Load_SeedPlanAsDocxWithMergedPillarCells_ReadsTheSameCoverage(string file)
    {
        var text = PlanTextDocument.FromText(File.ReadAllText(SeedPlans.Path(file)), file);

        var loaded = new PlanDocumentLoader().Load(DocxBuilder.FromPlan(text), Path.ChangeExtension(file, ".docx"));

        Assert.True(loaded.Succeeded);
        var fromWord = new PlanReader().Read(loaded.Document!);
        var fromText = new PlanReader().Read(text);
        Assert.Equal(fromText.AgencyName, fromWord.AgencyName);
        Assert.Equal(fromText.RocYear, fromWord.RocYear);
        Assert.Equal(fromText.GetCoverage().SubItems.Select(s => (s.Code, s.Status)), fromWord.GetCoverage().SubItems.Select(s => (s.Code, s.Status)));
        Assert.Equal(fromText.GetCoverage().Preamble, fromWord.GetCoverage().Preamble);
        Assert.Empty(fromWord.Unplaced);
    }
}

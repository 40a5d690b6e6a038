using System.Text.Json;
using HighServiceDashboard.Domain.Plans.Reading;

using HighServiceDashboard.Tests.Support;

namespace HighServiceDashboard.Tests.Domain.PlanReading;

public sealed class SeedPlanReadingTests
{
    [SeedTheory]
    [InlineData("finance-bureau-113.txt")]
    [InlineData("niaosong-district-113.txt")]
    [InlineData("public-works-bureau-105.txt")]
    [InlineData("pawnshop-114.txt")]
    public void Read_SeedPlan_GivesExpectedCoverage(string file)
    {
        var expected = SeedPlans.Expected(file);
        var reading = new PlanReader().Read(PlanTextDocument.FromText(File.ReadAllText(SeedPlans.Path(file)), file));
        var coverage = reading.GetCoverage();

        Assert.Equal(expected.GetProperty("agency").GetString(), reading.AgencyName);
        Assert.Equal(expected.GetProperty("rocYear").GetInt32(), reading.RocYear);
        Assert.Equal(expected.GetProperty("framework").GetString(), reading.FrameworkKey);
        Assert.Equal(Codes(expected, "covered"), Codes(coverage, CoverageStatus.Covered));
        Assert.Equal(Codes(expected, "missing"), Codes(coverage, CoverageStatus.Missing));
        var notApplicable = expected.GetProperty("notApplicable").EnumerateArray().ToList();
        Assert.Equal(notApplicable.Select(n => n.GetProperty("code").GetString()!).ToList(), Codes(coverage, CoverageStatus.NotApplicable));
        foreach (var declared in notApplicable)
        {
            var reason = coverage.SubItems.Single(s => s.Code == declared.GetProperty("code").GetString()).Reason!;
            var expectedReason = Bigrams.Of(declared.GetProperty("reason").GetString());
            Assert.True(expectedReason.ContainedIn(Bigrams.Of(reason)) >= 0.6, $"reason '{reason}' does not match '{declared.GetProperty("reason").GetString()}'");
        }

        if (expected.TryGetProperty("preamble", out var preamble))
        {
            Assert.Equal(preamble.GetString(), coverage.Preamble == CoverageStatus.Covered ? "covered" : "missing");
        }
        else
        {
            Assert.Null(coverage.Preamble);
        }

        var subordinates = expected.TryGetProperty("subordinates", out var subs) ? subs.EnumerateArray().Select(s => s.GetString()!).ToList() : [];
        Assert.Equal(subordinates, reading.Subordinates);
        Assert.Equal(expected.TryGetProperty("parent", out var parent) ? parent.GetString() : null, reading.Parent);
        Assert.False(reading.HasErrors);
    }

    [SeedTheory]
    [InlineData("finance-bureau-113.txt")]
    [InlineData("niaosong-district-113.txt")]
    [InlineData("public-works-bureau-105.txt")]
    [InlineData("pawnshop-114.txt")]
    public void Load_SeedPlanSavedAsBig5_ReadsTheSameAsUtf8(string file)
    {
        System.Text.Encoding.RegisterProvider(System.Text.CodePagesEncodingProvider.Instance);
        var text = File.ReadAllText(SeedPlans.Path(file));
        var big5 = System.Text.Encoding.GetEncoding(950, System.Text.EncoderFallback.ReplacementFallback, System.Text.DecoderFallback.ReplacementFallback).GetBytes(text);

        var loaded = new HighServiceDashboard.Infrastructure.Documents.PlanDocumentLoader().Load(big5, file);

        Assert.True(loaded.Succeeded, string.Join(" ", loaded.Findings.Select(f => f.Code)));
        Assert.Equal(PlanFindingCodes.Big5Detected, Assert.Single(loaded.Findings).Code);
        var fromBig5 = new PlanReader().Read(loaded.Document!).GetCoverage();
        var fromUtf8 = Read(file).GetCoverage();
        Assert.Equal(fromUtf8.SubItems.Select(s => (s.Code, s.Status)), fromBig5.SubItems.Select(s => (s.Code, s.Status)));
    }

    [SeedFact]
    public void Read_FinanceBureau_ReadsUnitsCadencesAndSplitSubItem()
    {
        var reading = Read("finance-bureau-113.txt");

        var first = reading.FocusPoints.First(f => f.Code == "1.1");
        Assert.Equal("服務資訊公開透明", first.Title);
        Assert.Equal(["菸酒管理科", "非公用財產管理科", "秘書室"], first.Units);
        var split = reading.Items.Single(i => i.Code == "1.1");
        Assert.EndsWith("檢討改進流程與作業方式。", split.Text);
        Assert.Contains(reading.FocusPoints, f => f.Code == "1.1" && f.Units.SequenceEqual(["菸酒管理科", "非公用財產管理科"]));
        Assert.Contains(reading.FocusPoints, f => f.Code == "1.2" && f.AllUnits && f.Units.SequenceEqual(["各科室"]));
        Assert.Empty(reading.Unplaced);
    }

    [SeedFact]
    public void Read_Pawnshop_ReadsCadencesWithoutUnitColumn()
    {
        var reading = Read("pawnshop-114.txt");

        var facilities = reading.FocusPoints.Single(f => f.Title == "定期維護設施");
        Assert.Equal("1.3", facilities.Code);
        Assert.Contains(facilities.Cadences, c => c.Kind == CadenceKind.Yearly && c.Times == 1 && c.AtLeast);
        Assert.Contains(facilities.Cadences, c => c.Kind == CadenceKind.EveryNYears && c.IntervalYears == 4 && c.Times == 1);
        Assert.All(reading.FocusPoints, f => Assert.Empty(f.Units));
        Assert.Empty(reading.Unplaced);
    }

    [SeedFact]
    public void Read_NiaosongDistrict_PairsOneUnitPerNumberedPoint()
    {
        var reading = Read("niaosong-district-113.txt");

        var professional = reading.FocusPoints.Single(f => f.Title == "服務人員專業");
        Assert.Equal(["各課室", "人事室"], professional.Units);
        Assert.Equal(["各課室", "各課室", "人事室", "各課室"], professional.Measures.Select(m => m.Units.Single()));
        Assert.Contains(reading.FocusPoints, f => f.Cadences.Any(c => c.Kind == CadenceKind.Quarterly) && f.Code == "1.3");
        Assert.Empty(reading.Unplaced);
    }

    private static HighServiceDashboard.Domain.Plans.Reading.PlanReading Read(string file) =>
        new PlanReader().Read(PlanTextDocument.FromText(File.ReadAllText(SeedPlans.Path(file)), file));

    private static List<string> Codes(JsonElement expected, string property) =>
        expected.GetProperty(property).EnumerateArray().Select(e => e.GetString()!).ToList();

    private static List<string> Codes(PlanCoverage coverage, CoverageStatus status) =>
        coverage.SubItems.Where(s => s.Status == status).Select(s => s.Code).ToList();
}

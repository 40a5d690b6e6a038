using HighServiceDashboard.Domain.Coverage;
using HighServiceDashboard.Domain.Frameworks;

namespace HighServiceDashboard.Tests.Domain;

public class CoverageRulesTests
{
    // Two pillars: 1 with three sub-items, 2 with two; a preamble item "0" before them.
    private static readonly Framework Small = new()
    {
        Key = "small",
        Name = "小方案",
        NameEn = "Small",
        Preamble = new PreambleItem { Code = "0", Title = "訂定計畫", Text = "訂定計畫。" },
        Pillars =
        [
            new Pillar { Code = "1", Title = "基礎服務", Order = 1, SubItems = [Sub("1.1", 1), Sub("1.2", 2), Sub("1.3", 3)] },
            new Pillar { Code = "2", Title = "意見回饋", Order = 2, SubItems = [Sub("2.1", 1), Sub("2.2", 2)] },
        ],
    };

    private static SubItem Sub(string code, int order) => new() { Code = code, Text = $"子項目{code}", Order = order };

    private static PlanFacts Plan(string[] covered, string[] notApplicable) =>
        new(covered.ToHashSet(StringComparer.Ordinal), notApplicable.ToHashSet(StringComparer.Ordinal));

    [Fact]
    public void Evaluate_NotApplicableSubItem_IsCountedApartFromCoveredAndMissing()
    {
        var coverage = CoverageRules.Evaluate(Small, Plan(["0", "1.1", "1.2", "2.1", "2.2"], ["1.3"]));

        Assert.Equal(CoverageStatus.NotApplicable, coverage.StatusOf("1.3"));
        var pillar1 = coverage.Pillars[0].Count;
        Assert.Equal((3, 2, 1, 0), (pillar1.SubItems, pillar1.Covered, pillar1.NotApplicable, pillar1.Missing));
        // 2 of the 2 applicable: fully covered, not 2 of 3.
        Assert.Equal(1.0, pillar1.Share);
        Assert.Equal(1.0, coverage.Total.Share);
        Assert.False(coverage.Total.HasGaps);
    }

    [Fact]
    public void Evaluate_PreambleItem_IsNoPillarSubItem()
    {
        var coverage = CoverageRules.Evaluate(Small, Plan(["0"], []));

        Assert.False(coverage.SubItems.ContainsKey("0"));
        Assert.Equal(5, coverage.Total.SubItems);
        Assert.Equal(0, coverage.Total.Covered);
        Assert.Equal(0.0, coverage.Total.Share);
    }

    [Fact]
    public void Evaluate_OneCoveringFocusPointAmongMany_CoversOnlyItsSubItem()
    {
        // The facts come from focus points grouped by sub-item: many points under 1.1, one under 2.2.
        var coverage = CoverageRules.Evaluate(Small, Plan(["1.1", "2.2"], []));

        Assert.Equal(CoverageStatus.Covered, coverage.StatusOf("2.2"));
        Assert.Equal(CoverageStatus.Missing, coverage.StatusOf("2.1"));
        Assert.Equal(0.5, coverage.Pillars[1].Count.Share);
        Assert.Equal((2, 0, 3), (coverage.Total.Covered, coverage.Total.NotApplicable, coverage.Total.Missing));
        Assert.Equal(0.4, coverage.Total.Share);
        Assert.True(coverage.Total.HasGaps);
    }

    [Fact]
    public void Evaluate_PillarWithEverySubItemNotApplicable_HasNoShareAndNoGap()
    {
        var coverage = CoverageRules.Evaluate(Small, Plan(["1.1", "1.2", "1.3"], ["2.1", "2.2"]));

        var pillar2 = coverage.Pillars[1].Count;
        Assert.Equal(0, pillar2.Applicable);
        Assert.Null(pillar2.Share);
        Assert.False(pillar2.HasGaps);
        Assert.Equal(1.0, coverage.Total.Share);
    }

    [Fact]
    public void Evaluate_AgencyWithoutPlan_IsNoPlanEverywhere()
    {
        var coverage = CoverageRules.Evaluate(Small, PlanFacts.None);

        Assert.False(coverage.HasPlan);
        Assert.All(coverage.SubItems.Values, s => Assert.Equal(CoverageStatus.NoPlan, s));
        Assert.Equal(5, coverage.SubItems.Count);
        Assert.Null(coverage.Total.Share);
        Assert.Null(coverage.Pillars[0].Count.Share);
        Assert.True(coverage.Total.HasGaps);
    }

    [Fact]
    public void StatusOf_FocusPointUnderDeclaredSubItem_IsCovered() =>
        Assert.Equal(CoverageStatus.Covered, CoverageRules.StatusOf(Plan(["1.1"], ["1.1"]), "1.1"));

    [Fact]
    public void Column_MixedAgencies_CountsEachStatus()
    {
        var tally = CoverageRules.Column([CoverageStatus.Covered, CoverageStatus.Covered, CoverageStatus.NotApplicable, CoverageStatus.Missing, CoverageStatus.NoPlan]);

        Assert.Equal(new SubItemTally(2, 1, 1, 1), tally);
        Assert.Equal(5, tally.Agencies);
    }
}

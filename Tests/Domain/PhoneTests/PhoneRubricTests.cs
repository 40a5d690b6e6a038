using HighServiceDashboard.Domain.PhoneTests;

namespace HighServiceDashboard.Tests.Domain.PhoneTests;

public class PhoneRubricTests
{
    private static readonly DateTimeOffset At = new(2024, 3, 1, 9, 0, 0, TimeSpan.FromHours(8));

    private static PhoneRubric Default() => DefaultRubric.For(113, PhoneTestRound.FirstHalf, At);

    [Fact]
    public void DefaultRubric_Groups_Switchboard45BusinessUnit55()
    {
        var rubric = Default();

        Assert.Equal(100, rubric.MaxTotal);
        Assert.Equal(45, rubric.Items.Where(i => i.Group == RubricGroup.Switchboard).Sum(i => i.MaxPoints));
        Assert.Equal(55, rubric.Items.Where(i => i.Group == RubricGroup.BusinessUnit).Sum(i => i.MaxPoints));
        Assert.Equal([25, 20, 15, 25, 15], rubric.Ordered.Select(i => i.MaxPoints));
        Assert.Equal(60, rubric.FollowUpBelow);
    }

    [Theory]
    [InlineData(100, PhoneGrade.Excellent)]
    [InlineData(90, PhoneGrade.Excellent)]
    [InlineData(89, PhoneGrade.Good)]
    [InlineData(80, PhoneGrade.Good)]
    [InlineData(79, PhoneGrade.Fair)]
    [InlineData(70, PhoneGrade.Fair)]
    [InlineData(69, PhoneGrade.Poor)]
    [InlineData(0, PhoneGrade.Poor)]
    public void GradeOf_DefaultBands_GivesTheBand(int total, PhoneGrade expected) =>
        Assert.Equal(expected, Default().GradeOf(total));

    [Fact]
    public void Total_ScoresPerItem_AddsThem()
    {
        var scores = new Dictionary<string, int>
        {
            ["switchboard-speed"] = 20, ["switchboard-courtesy"] = 18, ["unit-speed"] = 12, ["unit-courtesy"] = 22, ["unit-content"] = 13,
        };

        Assert.Equal(85, Default().Total(scores));
        Assert.Equal(PhoneGrade.Good, Default().GradeOf(85));
    }

    [Theory]
    [InlineData(59, true)]
    [InlineData(65, true)]
    [InlineData(70, false)]
    public void NeedsFollowUp_BelowThresholdOrPoor_IsTrue(int total, bool expected) =>
        Assert.Equal(expected, Default().NeedsFollowUp(total));

    [Fact]
    public void NeedsFollowUp_ThresholdAboveFairBand_StillFollowsTheThreshold()
    {
        var rubric = Default();
        rubric.FollowUpBelow = 75;

        Assert.True(rubric.NeedsFollowUp(72));
        Assert.Equal(PhoneGrade.Fair, rubric.GradeOf(72));
    }

    [Fact]
    public void Score_RubricChangedAfterwards_TestKeepsTheTotalOfItsVersion()
    {
        var v1 = Default();
        for (var i = 0; i < v1.Items.Count; i++)
        {
            v1.Items[i].Id = i + 1;
        }

        var test = new PhoneTest
        {
            Number = "07-3373000", Tester = "王小明",
            Scores = v1.Items.Select(i => new PhoneTestScore { RubricItemId = i.Id, Points = i.MaxPoints - 5 }).ToList(),
        };
        test.Score(v1);

        // The commission raises the content item to 25 points and the excellent band to 95 in a new version.
        var v2 = v1.NextVersion(At.AddMonths(1));
        v2.Items.Single(i => i.Key == "unit-content").MaxPoints = 25;
        v2.ExcellentFrom = 95;

        Assert.Equal((75, PhoneGrade.Fair), (test.Total, test.Grade));
        test.Score(v1);
        Assert.Equal((75, PhoneGrade.Fair), (test.Total, test.Grade));
        Assert.Equal(2, v2.Version);
        Assert.Equal(110, v2.MaxTotal);
        Assert.Equal(15, v1.Items.Single(i => i.Key == "unit-content").MaxPoints);
        Assert.Equal(90, v1.ExcellentFrom);
    }
}

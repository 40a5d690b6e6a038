using HighServiceDashboard.Domain.Plans.Reading;
using HighServiceDashboard.Infrastructure.Plans;

namespace HighServiceDashboard.Tests.Infrastructure.Plans;

public sealed class PlanOracleTests
{
    private static readonly PlanOracle Oracle = new(
        [
            new ExpectedFocusPoint("0", "督導所屬訂定工作計畫", ["秘書室"]),
            new ExpectedFocusPoint("1.3", "電話禮貌", ["秘書室"]),
            new ExpectedFocusPoint("1.3", "友善洽公環境", ["各科室"]),
            new ExpectedFocusPoint("2.*", "服務滿意度調查", ["企劃室", "資訊室"]),
        ],
        [new ExpectedNotApplicable("3.2", "質借物品需鑑價，尚無提供線上申辦服務")],
        ["秘書室", "各科室"]);

    [Fact]
    public void Check_RightReading_Holds()
    {
        var result = Oracle.Check(Reading(RightPoints()));

        Assert.True(result.Holds, string.Join("; ", result.Problems));
        Assert.Equal(4, result.Right);
        Assert.Equal("4/4 focus points under the right sub-item, 4/4 with the right units, 0 titled with a unit, of 4 read", result.Summary);
    }

    [Fact]
    public void Check_PhraseBrokenByLineBreaksAndExtraPoints_StillHolds()
    {
        var points = RightPoints();
        points[1] = points[1] with { Title = "電話\n禮 貌" };
        points.Add(Point("1.1", "標準作業流程", units: ["研考科"]));

        var result = Oracle.Check(Reading(points));

        Assert.True(result.Holds, string.Join("; ", result.Problems));
        Assert.Equal(5, result.Read);
    }

    [Fact]
    public void Check_PointUnderWrongSubItem_FailsSayingWhereItWas()
    {
        var points = RightPoints();
        points[1] = points[1] with { Code = "1.2" };

        var result = Oracle.Check(Reading(points));

        Assert.False(result.Holds);
        Assert.Equal(["電話禮貌 (1.3): found under 1.2"], result.Problems);
        Assert.Equal(3, result.Placed);
        Assert.Equal(3, result.Right);
    }

    [Fact]
    public void Check_WrongUnits_FailsNamingTheUnitsWanted()
    {
        var points = RightPoints();
        points[3] = points[3] with { Units = ["企劃室"] };

        var result = Oracle.Check(Reading(points));

        Assert.Equal(["服務滿意度調查 (2.*): units wrong, want 企劃室、資訊室, read 企劃室"], result.Problems);
        Assert.Equal(4, result.Placed);
        Assert.Equal(3, result.UnitsRight);
        Assert.Equal(3, result.Right);
    }

    [Fact]
    public void Check_EveryUnitWrittenAsAllUnitsOnly_NeedsTheAllUnitsFlag()
    {
        var points = RightPoints();
        points[2] = points[2] with { Units = ["全體同仁"], AllUnits = false };

        var result = Oracle.Check(Reading(points));

        Assert.Equal(["友善洽公環境 (1.3): units wrong, want 各科室, read 全體同仁"], result.Problems);
    }

    [Fact]
    public void Check_TwoNumberedPointsReadAsOne_FailsAsMerged()
    {
        var points = RightPoints();
        points[1] = Point("1.3", "合宜的服務環境", "1. 電話禮貌測試 2. 友善洽公環境", ["秘書室", "各科室"], allUnits: true);
        points.RemoveAt(2);

        var result = Oracle.Check(Reading(points));

        Assert.Equal(["友善洽公環境 (1.3): merged into another focus point"], result.Problems);
        Assert.Equal(3, result.Placed);
    }

    [Fact]
    public void Check_PointTitledWithUnit_Fails()
    {
        var points = RightPoints();
        points.Add(Point("1.3", "秘書室", "秘書室"));

        var result = Oracle.Check(Reading(points));

        Assert.Equal(1, result.TitledWithUnit);
        Assert.Equal(["1 focus points titled with a unit's name or another never-title (秘書室)"], result.Problems);
        Assert.Equal(4, result.Right);
    }

    [Fact]
    public void Check_PillarOnlyPointPlacedWithoutGuess_FailsSayingSo()
    {
        var points = RightPoints();
        points[3] = points[3] with { IsGuess = false };

        var result = Oracle.Check(Reading(points));

        Assert.Equal(["服務滿意度調查 (2.*): placed under 2.3 without being marked a guess"], result.Problems);
    }

    [Fact]
    public void Check_PillarOnlyPointGuessedInAnotherPillar_FailsSayingWhere()
    {
        var points = RightPoints();
        points[3] = points[3] with { Code = "5.3" };

        var result = Oracle.Check(Reading(points));

        Assert.Equal(["服務滿意度調查 (2.*): found under 5.3"], result.Problems);
    }

    [Fact]
    public void Check_PointNotRead_FailsSayingSo()
    {
        var points = RightPoints();
        points.RemoveAt(0);

        var result = Oracle.Check(Reading(points));

        Assert.Equal(["督導所屬訂定工作計畫 (0): not read as a focus point"], result.Problems);
    }

    [Fact]
    public void Check_NotApplicableMissedOrInvented_Fails()
    {
        var reading = new PlanReading
        {
            FocusPoints = RightPoints(),
            NotApplicable = [new NotApplicableDeclaration("3.3", "尚無全程整合服務", "本所尚無全程整合服務。", 40)],
        };

        var result = Oracle.Check(reading);

        Assert.Equal(
            ["3.2: not read as not applicable (質借物品需鑑價，尚無提供線上申辦服務)", "3.3: read as not applicable, which the plan does not declare (line 40)"],
            result.Problems);
    }

    [Fact]
    public void Parse_OracleFileOfTheToolsFormat_ReadsEveryPart()
    {
        const string json = """
            {
              "about": "a small plan",
              "points": [
                {"code": "0", "phrase": "督導所屬訂定工作計畫", "units": ["秘書室"]},
                {"code": "1.*", "phrase": "a point whose label was lost", "units": []}
              ],
              "notApplicable": [{"code": "3.3", "reason": "業務性質特殊"}],
              "notTitles": ["秘書室", "各科室"]
            }
            """;

        var oracle = PlanOracle.Parse(json);

        Assert.Equal(["督導所屬訂定工作計畫", "a point whose label was lost"], oracle.Points.Select(p => p.Phrase));
        Assert.Equal(["秘書室"], oracle.Points[0].Units);
        Assert.True(oracle.Points[1].IsPillarOnly);
        Assert.Equal("1", oracle.Points[1].Pillar);
        Assert.Equal(new ExpectedNotApplicable("3.3", "業務性質特殊"), Assert.Single(oracle.NotApplicable));
        Assert.Equal(["秘書室", "各科室"], oracle.NotTitles);
    }

    private static List<FocusPoint> RightPoints() =>
    [
        Point("0", "訂定年度執行計畫", "依據本府實施計畫訂定執行計畫，並督導所屬訂定工作計畫。", ["秘書室"]),
        Point("1.3", "電話禮貌", "每季辦理電話禮貌測試。", ["秘書室"]),
        Point("1.3", "友善洽公環境", "維護洽公環境。", ["各科室"], allUnits: true),
        Point("2.3", "服務滿意度調查", "每半年辦理1次。", ["企劃室", "資訊室"], guess: true),
    ];

    private static FocusPoint Point(string code, string title, string description = "", string[]? units = null, bool allUnits = false, bool guess = false) => new()
    {
        Code = code,
        Title = title,
        Description = description,
        Units = units ?? [],
        AllUnits = allUnits,
        IsGuess = guess,
        SourceText = title + " " + description,
    };

    private static PlanReading Reading(List<FocusPoint> points) => new()
    {
        FocusPoints = points,
        NotApplicable = [new NotApplicableDeclaration("3.2", "尚無線上申辦", "尚無提供線上申辦服務。", 30)],
    };
}

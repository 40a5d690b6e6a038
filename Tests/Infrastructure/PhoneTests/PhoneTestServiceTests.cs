using System.Text;
using HighServiceDashboard.Domain.PhoneTests;
using HighServiceDashboard.Domain.Schedule;
using HighServiceDashboard.Infrastructure.PhoneTests;
using HighServiceDashboard.Tests.Support;
using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;

namespace HighServiceDashboard.Tests.Infrastructure.PhoneTests;

public class PhoneTestServiceTests : IAsyncLifetime
{
    private const string Finance = "高雄市政府財政局";
    private const string Tax = "高雄市稅捐稽徵處";
    private PhoneTestHarness _h = default!;

    public async Task InitializeAsync() => _h = await PhoneTestHarness.CreateAsync(Finance, Tax);

    public async Task DisposeAsync() => await _h.DisposeAsync();

    [Fact]
    public async Task SaveAsync_GoodCall_TotalAndGradeFromRubricAndRoundObligationDone()
    {
        var result = await _h.Tests.SaveAsync(await _h.EntryAsync(Finance, 20, 18, 12, 22, 13), "王小明");

        Assert.True(result.Succeeded, string.Join(",", result.Errors));
        var row = (await _h.Queries.RoundResultsAsync(113, PhoneTestRound.FirstHalf)).Single();
        Assert.Equal((85, 100, PhoneGrade.Good, (int?)null), (row.Total, row.MaxTotal, row.Grade, row.FollowUpId));
        Assert.Equal("113/03/12", HighServiceDashboard.Domain.Calendar.RocCalendar.FormatDate(row.Day));
        var round = await _h.Schedule.ObligationAsync(Finance, 113, DefaultSchedule.PhoneTest1Key);
        Assert.Equal(ObligationResolution.Done, round.Resolution);
        Assert.Equal($"電話禮貌測試 113/03/12 稅務管理科：85分（測試紀錄 #{result.Id}）", round.Evidence);
        Assert.Equal(ObligationResolution.Pending, (await _h.Schedule.ObligationAsync(Finance, 113, DefaultSchedule.PhoneTest2Key)).Resolution);
    }

    [Fact]
    public async Task SaveAsync_AgencysOwnRound_SettlesItsQuarterlyPhoneTestCommitmentOfThatQuarterOnly()
    {
        var plans = new HighServiceDashboard.Infrastructure.Plans.PlanService(_h.Schedule.Database.Factory, _h.Schedule.Database.Clock, _h.Schedule.Obligations);
        var content = new HighServiceDashboard.Domain.Plans.PlanContentInput
        {
            Title = "財政局113年度提升服務執行計畫",
            FocusPoints =
            [
                new() { SubItemCode = "1.3", Title = "定期辦理電話禮貌測試", UnitNames = ["秘書室"], Cadences = ["每季"] },
                new() { SubItemCode = "2.1", Title = "檢視服務場所設施", UnitNames = ["秘書室"], Cadences = ["每季"] },
            ],
        };
        Assert.True((await plans.StoreDraftAsync(await _h.Schedule.IdOfAsync(Finance), 113, content, null, false, "fixture")).Succeeded);
        var own = await _h.EntryAsync(Finance, 20, 18, 12, 22, 13);
        var rubric = await _h.Rubrics.GetCurrentAsync(113, PhoneTestRound.AgencyQuarterly);
        var input = PhoneTestInput.For(rubric);
        (input.AgencyId, input.DateText, input.TimeText, input.Number, input.Tester) = (own.AgencyId, "113/05/06", "09:15", own.Number, "秘書室");
        input.Scores.ForEach(score => score.Points = rubric.Items.Single(i => i.Key == score.ItemKey).MaxPoints);

        var result = await _h.Tests.SaveAsync(input, "finance.coordinator");

        Assert.True(result.Succeeded, string.Join(",", result.Errors));
        await using var db = _h.Schedule.Database.Open();
        var commitments = await db.Obligations
            .Where(o => o.Kind == ObligationKind.Commitment)
            .OrderBy(o => o.Title)
            .Select(o => new { o.Title, o.Resolution })
            .ToListAsync();
        Assert.Equal(
            [
                ("定期辦理電話禮貌測試（每季）（第1期）", ObligationResolution.Pending),
                ("定期辦理電話禮貌測試（每季）（第2期）", ObligationResolution.Done),
                ("定期辦理電話禮貌測試（每季）（第3期）", ObligationResolution.Pending),
                ("定期辦理電話禮貌測試（每季）（第4期）", ObligationResolution.Pending),
                ("檢視服務場所設施（每季）（第1期）", ObligationResolution.Pending),
                ("檢視服務場所設施（每季）（第2期）", ObligationResolution.Pending),
                ("檢視服務場所設施（每季）（第3期）", ObligationResolution.Pending),
                ("檢視服務場所設施（每季）（第4期）", ObligationResolution.Pending),
            ],
            commitments.Select(c => (c.Title, c.Resolution)));
        // The city's own round is the commission's test, not the agency's: it settles the milestone, not the commitment.
        Assert.Equal(ObligationResolution.Pending, (await _h.Schedule.ObligationAsync(Finance, 113, DefaultSchedule.PhoneTest1Key)).Resolution);
    }

    [Fact]
    public async Task SaveAsync_PoorCallSavedTwice_OpensExactlyOneFollowUpDueIn30Days()
    {
        var input = await _h.EntryAsync(Finance, 10, 10, 10, 15, 10); // 55: below 60 and poor

        var first = await _h.Tests.SaveAsync(input, "王小明");
        input.Id = first.Id;
        input.Notes = "重新核對分數";
        var second = await _h.Tests.SaveAsync(input, "王小明");

        Assert.True(second.Succeeded);
        await using var db = _h.Schedule.Database.Open();
        var followUp = Assert.Single(await db.PhoneFollowUps.ToListAsync());
        Assert.Equal((new DateOnly(2024, 3, 15), new DateOnly(2024, 4, 14)), (followUp.OpenedOn, followUp.DueOn));
        var obligation = Assert.Single(await db.Obligations.Where(o => o.Kind == ObligationKind.PhoneTestFollowUp).ToListAsync());
        Assert.Equal(($"phone-followup:{first.Id}", new DateOnly(2024, 4, 14), ObligationResolution.Pending), (obligation.Key, obligation.DueOn, obligation.Resolution));
        Assert.Equal("電話禮貌測試改善：113/03/12 稅務管理科（55分）", obligation.Title);
        Assert.Equal(1, await db.PhoneTests.CountAsync());
    }

    [Fact]
    public async Task SaveAsync_FairCallAboveThreshold_OpensNoFollowUp()
    {
        await _h.Tests.SaveAsync(await _h.EntryAsync(Finance, 20, 15, 10, 15, 10), "王小明"); // 70: fair

        await using var db = _h.Schedule.Database.Open();
        Assert.Equal(0, await db.PhoneFollowUps.CountAsync());
    }

    [Fact]
    public async Task SaveAsync_PoorCallRescoredFair_WithdrawsTheUnansweredFollowUp()
    {
        var input = await _h.EntryAsync(Finance, 10, 10, 10, 15, 10);
        input.Id = (await _h.Tests.SaveAsync(input, "王小明")).Id;
        input.Scores[0].Points = 25; // 70

        await _h.Tests.SaveAsync(input, "王小明");

        await using var db = _h.Schedule.Database.Open();
        Assert.Equal(0, await db.PhoneFollowUps.CountAsync());
        Assert.Equal(0, await db.Obligations.CountAsync(o => o.Kind == ObligationKind.PhoneTestFollowUp));
    }

    [Fact]
    public async Task FollowUp_AlertedByDailyJobThenAnswered_ObligationDone()
    {
        var test = await _h.Tests.SaveAsync(await _h.EntryAsync(Tax, 5, 5, 5, 5, 5), "王小明");
        var followUp = (await _h.Queries.FollowUpsAsync(113)).Single();

        // Due 113/04/14: the first reminder comes 14 days before.
        await _h.Schedule.Job.RunForAsync(new DateOnly(2024, 3, 31));
        var alerts = (await _h.Schedule.AllAlertsAsync()).Where(a => a.Key == $"phone-followup:{test.Id}").ToList();
        Assert.Equal([(Tax, 113, $"phone-followup:{test.Id}", AlertKind.DueIn14Days, new DateOnly(2024, 3, 31))], alerts);

        var answered = await _h.Tests.AnswerFollowUpAsync(followUp.Id, new FollowUpAnswerInput { Analysis = "值機人員請假，代理人未到位", Improvement = "排定代理人並辦理電話禮貌訓練", AnsweredBy = "林秘書" });

        Assert.True(answered.Succeeded);
        var obligation = await _h.Schedule.ObligationAsync(Tax, 113, $"phone-followup:{test.Id}");
        Assert.Equal((ObligationResolution.Done, "林秘書", "已填報分析及改善（113/03/15）"), (obligation.Resolution, obligation.ResolvedBy, obligation.Evidence));
        var view = await _h.Queries.FollowUpAsync(followUp.Id);
        Assert.Equal(("值機人員請假，代理人未到位", "排定代理人並辦理電話禮貌訓練"), (view!.Analysis, view.Improvement));
        Assert.NotNull(view.AnsweredAt);
    }

    [Fact]
    public async Task AnswerFollowUpAsync_EmptyAnalysis_RefusedAndStillPending()
    {
        var test = await _h.Tests.SaveAsync(await _h.EntryAsync(Tax, 5, 5, 5, 5, 5), "王小明");
        var followUp = (await _h.Queries.FollowUpsAsync(113)).Single();

        var result = await _h.Tests.AnswerFollowUpAsync(followUp.Id, new FollowUpAnswerInput { Analysis = " ", Improvement = "x" });

        Assert.Equal([PhoneTestMessages.AnalysisRequired], result.Errors);
        Assert.Equal(ObligationResolution.Pending, (await _h.Schedule.ObligationAsync(Tax, 113, $"phone-followup:{test.Id}")).Resolution);
    }

    [Fact]
    public async Task Rubric_ChangedAfterATestWasScored_OldTotalKeptNewTestsUseTheNewVersion()
    {
        await _h.Tests.SaveAsync(await _h.EntryAsync(Finance, 20, 18, 12, 22, 13), "王小明");
        var edit = RubricInput.From(await _h.Rubrics.GetCurrentAsync(113, PhoneTestRound.FirstHalf));
        edit.Items.Single(i => i.Key == "unit-content").MaxPoints = 25;
        edit.ExcellentFrom = 100;
        edit.GoodFrom = 95;

        var saved = await _h.Rubrics.SaveAsync(edit);
        await _h.Tests.SaveAsync(await _h.EntryAsync(Tax, 20, 18, 12, 22, 23), "王小明");

        Assert.True(saved.Succeeded);
        var rows = await _h.Queries.RoundResultsAsync(113, PhoneTestRound.FirstHalf);
        Assert.Equal(
            [(Tax, 95, 110, PhoneGrade.Good, 2), (Finance, 85, 100, PhoneGrade.Good, 1)],
            rows.OrderByDescending(r => r.Total).Select(r => (r.AgencyName, r.Total, r.MaxTotal, r.Grade, r.RubricVersion)));
        Assert.Equal(2, (await _h.Rubrics.GetCurrentAsync(113, PhoneTestRound.FirstHalf)).Version);
    }

    [Fact]
    public async Task Rubric_EditedBeforeAnyTest_ChangedInPlace()
    {
        var edit = RubricInput.From(await _h.Rubrics.GetCurrentAsync(113, PhoneTestRound.SecondHalf));
        edit.FollowUpBelow = 65;

        await _h.Rubrics.SaveAsync(edit);

        var current = await _h.Rubrics.GetCurrentAsync(113, PhoneTestRound.SecondHalf);
        Assert.Equal((1, 65, 5), (current.Version, current.FollowUpBelow, current.Items.Count));
    }

    private static byte[] Csv(params string[] lines) =>
        [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(string.Join("\r\n", lines) + "\r\n")];

    private const string Header = "日期,時間,機關,單位,電話或分機,測試人員,總機接聽速度（25）,總機禮貌（20）,業務單位接聽速度（15）,業務單位禮貌（25）,答復內容（15）,缺失,備註";

    [Fact]
    public async Task ImportAsync_BadRows_StoresNothingAndReportsEachLine()
    {
        var csv = Csv(Header,
            "113/03/01,09:10,高雄市政府財政局,稅務管理科,07-3373000,王小明,20,18,12,22,13,,",
            "113/03/01,09:20,高雄市政府不存在局,,07-0000000,王小明,20,18,12,22,13,,",
            "113/03/02,09:30,高雄市稅捐稽徵處,,07-7410141,王小明,26,18,12,22,,無人接聽、睡著了,",
            "112/12/30,25:00,高雄市稅捐稽徵處,,,王小明,20,十,12,22,13,,");

        var report = await _h.Tests.ImportAsync(113, PhoneTestRound.FirstHalf, csv, "first-round.csv", "王小明");

        Assert.Equal((4, 0, false), (report.Rows, report.Stored, report.Succeeded));
        Assert.Equal(
        [
            (3, "機關", PhoneTestMessages.AgencyUnknown),
            (4, "缺失", PhoneTestMessages.FaultUnknown),
            (4, "總機接聽速度（25）", PhoneTestMessages.ScoreOutOfRange),
            (4, "答復內容（15）", PhoneTestMessages.ScoreRequired),
            (5, "總機禮貌（20）", PhoneImportMessages.NotANumber),
            (5, "日期", PhoneTestMessages.DateOutsideYear),
            (5, "時間", PhoneTestMessages.TimeInvalid),
            (5, "電話或分機", PhoneTestMessages.NumberRequired),
        ], report.Problems.Select(p => (p.Line, p.Column, p.Message)));
        await using var db = _h.Schedule.Database.Open();
        Assert.Equal(0, await db.PhoneTests.CountAsync());
        Assert.Equal(0, await db.PhoneFollowUps.CountAsync());
        Assert.Equal(0, await db.Obligations.CountAsync(o => o.Resolution == ObligationResolution.Done));
    }

    [Fact]
    public async Task ImportAsync_GoodCsv_StoresEveryRowWithFaultsAndFollowUps()
    {
        var csv = Csv(Header,
            "113/03/01,09:10,高雄市政府財政局,稅務管理科,07-3373000,王小明,20,18,12,22,13,,",
            ",,,,,,,,,,,,",
            "113/03/02,14:05,高雄市稅捐稽徵處,,07-7410141,李大華,5,10,5,10,5,無人接聽、no-deputy,轉接後斷線");

        var report = await _h.Tests.ImportAsync(113, PhoneTestRound.FirstHalf, csv, "first-round.csv", "王小明");

        Assert.Equal((2, 2, true), (report.Rows, report.Stored, report.Succeeded));
        var rows = await _h.Queries.RoundResultsAsync(113, PhoneTestRound.FirstHalf);
        var tax = rows.Single(r => r.AgencyName == Tax);
        Assert.Equal((35, PhoneGrade.Poor, "14:05"), (tax.Total, tax.Grade, tax.TimeText));
        Assert.Equal(["no-answer", "no-deputy"], tax.Faults.Select(f => f.Code));
        Assert.NotNull(tax.FollowUpId);
        Assert.Equal([("無人接聽", 1), ("承辦人不在無職務代理人", 1)], (await _h.Queries.TopFaultsAsync(113, PhoneTestRound.FirstHalf)).Select(f => (f.Fault.Name, f.Count)));
        var grades = Assert.Single(await _h.Queries.GradeDistributionAsync(113));
        Assert.Equal((1, 1, 0), (grades.Counts[PhoneGrade.Good], grades.Counts[PhoneGrade.Poor], grades.Counts[PhoneGrade.Excellent]));
    }

    [Fact]
    public async Task ImportAsync_XlsxFromTheTemplate_ReadsBack()
    {
        var rubric = await _h.Rubrics.GetCurrentAsync(113, PhoneTestRound.SecondHalf);
        var template = PhoneTestSpreadsheet.TemplateXlsx(rubric, await _h.Rubrics.GetFaultsAsync());
        using var read = new MemoryStream(template);
        var headers = ((IDictionary<string, object?>)read.Query(useHeaderRow: false, sheetName: "測試紀錄").First()).Values.Select(v => v?.ToString()).ToList();
        Assert.Equal(Header.Split(','), headers);

        var filled = new List<Dictionary<string, object?>>
        {
            Header.Split(',').Zip(new object?[] { "113/08/20", 0.4375, Finance, "稅務管理科", "07-3373000", "王小明", 25, 20, 15, 25, 15, null, null })
                .ToDictionary(p => p.First, p => p.Second),
        };
        using var stream = new MemoryStream();
        stream.SaveAs(filled);

        var report = await _h.Tests.ImportAsync(113, PhoneTestRound.SecondHalf, stream.ToArray(), "second.xlsx", "王小明");

        Assert.True(report.Succeeded, string.Join("; ", report.Problems));
        var row = Assert.Single(await _h.Queries.RoundResultsAsync(113, PhoneTestRound.SecondHalf));
        Assert.Equal((100, PhoneGrade.Excellent, "10:30"), (row.Total, row.Grade, row.TimeText));
        Assert.Equal(ObligationResolution.Done, (await _h.Schedule.ObligationAsync(Finance, 113, DefaultSchedule.PhoneTest2Key)).Resolution);
    }

    [Fact]
    public void TemplateCsv_StartsWithBomAndTheColumns()
    {
        var csv = PhoneTestSpreadsheet.TemplateCsv(DefaultRubric.For(113, PhoneTestRound.FirstHalf, DateTimeOffset.UnixEpoch));

        Assert.Equal(Encoding.UTF8.GetPreamble(), csv[..3]);
        Assert.Equal(Header + "\r\n", Encoding.UTF8.GetString(csv[3..]));
    }

    [Fact]
    public async Task ImportAsync_WrongFileType_Refused()
    {
        var report = await _h.Tests.ImportAsync(113, PhoneTestRound.FirstHalf, [1, 2, 3], "scores.pdf", "王小明");

        Assert.Equal([PhoneImportMessages.WrongType], report.Problems.Select(p => p.Message));
    }
}

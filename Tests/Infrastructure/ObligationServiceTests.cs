using HighServiceDashboard.Domain.Schedule;
using HighServiceDashboard.Infrastructure.Schedule;
using HighServiceDashboard.Tests.Support;
using Ical.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace HighServiceDashboard.Tests.Infrastructure;

public class ObligationServiceTests : IAsyncLifetime
{
    private ScheduleHarness _h = default!;

    public async Task InitializeAsync() => _h = await ScheduleHarness.CreateAsync();

    public async Task DisposeAsync() => await _h.DisposeAsync();

    [Fact]
    public async Task SyncYearAsync_FreshInstallPastYear_KnowsWhatEveryAgencyOwed()
    {
        var changed = await _h.Obligations.SyncYearAsync(108);
        var again = await _h.Obligations.SyncYearAsync(108);

        await using var db = _h.Database.Open();
        // 91 agencies: 4 obligations each, plus the review by the 5 bureaus with subordinates.
        Assert.Equal(91 * 4 + 5, await db.Obligations.CountAsync(o => o.RocYear == 108));
        Assert.Equal(91 * 4 + 5, changed);
        Assert.Equal(0, again);
        var tax = await _h.ObligationAsync("高雄市稅捐稽徵處", 108, "results");
        Assert.Equal((ObligationKind.ResultsToParent, new DateOnly(2020, 1, 16)), (tax.Kind, tax.DueOn));
    }

    [Fact]
    public async Task SyncYearAsync_TwoAtOnce_BothSucceedWithOneSetOfRows()
    {
        var results = await Task.WhenAll(_h.Obligations.SyncYearAsync(113), _h.Obligations.SyncYearAsync(113));

        await using var db = _h.Database.Open();
        Assert.Equal(91 * 4 + 5, await db.Obligations.CountAsync(o => o.RocYear == 113));
        Assert.Equal(91 * 4 + 5, results.Sum());
    }

    [Fact]
    public async Task SaveMilestoneAsync_MoveAndAdd_ObligationsFollowButSettledOnesStay()
    {
        await _h.Obligations.SyncYearAsync(113);
        var finance = await _h.IdOfAsync("高雄市政府財政局");
        Assert.Equal(1, await _h.Obligations.FulfilAsync(ObligationKind.PlanSubmission, finance, 113, "計畫已提送（113/04/12）", _h.Database.Clock.GetUtcNow()));
        var plans = MilestoneInput.From((await _h.Schedule.GetMilestonesAsync(113)).Single(m => m.Key == "plans"));
        plans.EndsOn = new DateTime(2024, 5, 15);

        var moved = await _h.Schedule.SaveMilestoneAsync(plans);
        var added = await _h.Schedule.SaveMilestoneAsync(new MilestoneInput
        {
            RocYear = 113, Name = "填報服務滿意度調查", StartsOn = new(2024, 7, 1), EndsOn = new(2024, 7, 31), Binds = ObligationKind.Custom, BindsFirstLevel = true,
        });
        var invalid = await _h.Schedule.SaveMilestoneAsync(new MilestoneInput { RocYear = 113, Name = "x", StartsOn = new(2024, 7, 31), EndsOn = new(2024, 7, 1) });
        await _h.Obligations.SyncYearAsync(113);

        Assert.True(moved.Succeeded && added.Succeeded);
        Assert.Equal([ScheduleMessages.EndBeforeStart], invalid.Errors);
        Assert.Equal(new DateOnly(2024, 5, 15), (await _h.ObligationAsync("高雄市稅捐稽徵處", 113, "plans")).DueOn);
        var done = await _h.ObligationAsync("高雄市政府財政局", 113, "plans");
        Assert.Equal((ObligationResolution.Done, new DateOnly(2024, 4, 30), "計畫已提送（113/04/12）"), (done.Resolution, done.DueOn, done.Evidence));
        await using var db = _h.Database.Open();
        Assert.Equal(70, await db.Obligations.CountAsync(o => o.RocYear == 113 && o.Kind == ObligationKind.Custom));
        Assert.Equal(14, (await _h.Schedule.GetMilestonesAsync(113)).Count);
        Assert.Equal(13, (await _h.Schedule.GetMilestonesAsync(112)).Count);
    }

    [Fact]
    public async Task FulfilAsync_CalledTwice_SettlesOnceWithEvidence()
    {
        var tax = await _h.IdOfAsync("高雄市稅捐稽徵處");
        var at = new DateTimeOffset(2025, 1, 10, 10, 0, 0, TimeSpan.FromHours(8));

        var first = await _h.Obligations.FulfilAsync(ObligationKind.ResultsToParent, tax, 113, "成果已送財政局", at);
        var second = await _h.Obligations.FulfilAsync(ObligationKind.ResultsToParent, tax, 113, "成果已送財政局", at);

        Assert.Equal((1, 0), (first, second));
        var o = await _h.ObligationAsync("高雄市稅捐稽徵處", 113, "results");
        Assert.Equal((ObligationResolution.Done, "成果已送財政局", at), (o.Resolution, o.Evidence, o.ResolvedAt));
        Assert.Equal(ObligationState.Done, o.StateOn(new DateOnly(2025, 3, 1)));
    }

    [Fact]
    public async Task SyncCommitmentsAsync_SamePlanTwiceThenChanged_IsIdempotentAndKeepsSettled()
    {
        var finance = await _h.IdOfAsync("高雄市政府財政局");
        (string, string, string?)[] plan = [("每季定期辦理「電話服務品質及禮貌測試」", "quarterly", "秘書室"), ("每年至少辦理洽公環境設備檢查1次", "yearly", "秘書室")];

        var first = await _h.Obligations.SyncCommitmentsAsync(finance, 113, plan);
        var second = await _h.Obligations.SyncCommitmentsAsync(finance, 113, plan);
        await using (var db = _h.Database.Open())
        {
            var q1 = await db.Obligations.SingleAsync(o => o.AgencyId == finance && o.Kind == ObligationKind.Commitment && o.DueOn == new DateOnly(2024, 3, 31));
            await _h.Obligations.MarkDoneAsync(q1.Id, "113年第1季測試紀錄", "秘書室");
        }

        var third = await _h.Obligations.SyncCommitmentsAsync(finance, 113, [plan[1]]);

        Assert.Equal((5, 0), (first, second));
        Assert.Equal(3, third);
        await using var check = _h.Database.Open();
        var left = await check.Obligations.Where(o => o.AgencyId == finance && o.Kind == ObligationKind.Commitment).OrderBy(o => o.DueOn).ToListAsync();
        Assert.Equal([new DateOnly(2024, 3, 31), new DateOnly(2024, 12, 31)], left.Select(o => o.DueOn));
        Assert.Equal(("秘書室", ObligationResolution.Done), (left[0].UnitName, left[0].Resolution));
    }

    [Fact]
    public async Task RenderAsync_AgencyFeed_HoldsItsAndSubordinatesDeadlines()
    {
        await _h.Obligations.SyncYearAsync(113);
        var feeds = new CalendarFeedService(_h.Database.Factory, _h.Queries, _h.Database.Clock, Options.Create(new HighServiceDashboard.Infrastructure.Mail.MailOptions()), new HighServiceDashboard.Infrastructure.Identity.AccessService(_h.Database.Factory));
        var finance = await _h.IdOfAsync("高雄市政府財政局");

        var token = (await feeds.GetAgencyTokenAsync(ScheduleHarness.Admin, finance))!;
        var ics = await feeds.RenderAsync(token);

        Assert.Equal(token, await feeds.GetAgencyTokenAsync(ScheduleHarness.Admin, finance));
        Assert.Equal(48, token.Length);
        Assert.Null(await feeds.RenderAsync("no-such-token"));
        var calendar = Calendar.Load(ics!)!;
        // The bureau's 5 and its two offices' 4 each.
        Assert.Equal(13, calendar.Events.Count);
        var taxPlan = Assert.Single(calendar.Events, e => e.Summary == "高雄市稅捐稽徵處：提送113年度提升服務工作計畫");
        Assert.Equal(new DateOnly(2024, 4, 30), DateOnly.FromDateTime(taxPlan.DtStart!.Value));
    }
}

using HighServiceDashboard.Domain.Schedule;
using HighServiceDashboard.Infrastructure.Jobs;
using HighServiceDashboard.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace HighServiceDashboard.Tests.Infrastructure;

public class DailyScheduleJobTests : IAsyncLifetime
{
    private const string Finance = "高雄市政府財政局";
    private const string Tax = "高雄市稅捐稽徵處";
    private const string Pawnshop = "高雄市政府財政局動產質借所";
    private const string Fengshan = "高雄市鳳山區公所";

    private ScheduleHarness _h = default!;

    public async Task InitializeAsync()
    {
        _h = await ScheduleHarness.CreateAsync();
        await _h.KeepOnlyAsync(Finance, Tax, Pawnshop, Fengshan);
    }

    public async Task DisposeAsync() => await _h.DisposeAsync();

    private Task<DailyRunResult> RunAsync(int year, int month, int day) => _h.Job.RunForAsync(new DateOnly(year, month, day));

    [Fact]
    public async Task RunForAsync_WholeYearDayByDay_RaisesExactlyTheExpectedAlerts()
    {
        for (var day = new DateOnly(2024, 1, 1); day <= new DateOnly(2025, 2, 28); day = day.AddDays(1))
        {
            await _h.Job.RunForAsync(day);
        }

        var alerts = await _h.AllAlertsAsync();

        // 112's leftovers: results (4 agencies x 7 stages) and the second phone test, late from 1 January (4 x 3 late stages);
        // 113: the bureau owes 5 (plan, review, 2 phone tests, results), the others 4 each, 7 stages each.
        Assert.Equal(28 + 12 + (5 + 4 + 4 + 4) * 7, alerts.Count);
        Assert.Equal(alerts.Count, alerts.Distinct().Count());
        Assert.Equal(
            [
                (AlertKind.DueIn14Days, new DateOnly(2025, 1, 2)),
                (AlertKind.DueIn7Days, new DateOnly(2025, 1, 9)),
                (AlertKind.DueIn1Day, new DateOnly(2025, 1, 15)),
                (AlertKind.DueToday, new DateOnly(2025, 1, 16)),
                (AlertKind.Late, new DateOnly(2025, 1, 17)),
                (AlertKind.LateEscalatedToHead, new DateOnly(2025, 1, 24)),
                (AlertKind.LateEscalatedToCommission, new DateOnly(2025, 1, 31)),
            ],
            alerts.Where(a => a is { Agency: Tax, Year: 113, Key: "results" }).Select(a => (a.Kind, a.On)));
        Assert.Equal(
            [new DateOnly(2024, 4, 16), new DateOnly(2024, 4, 23), new DateOnly(2024, 4, 29), new DateOnly(2024, 4, 30), new DateOnly(2024, 5, 1), new DateOnly(2024, 5, 8), new DateOnly(2024, 5, 15)],
            alerts.Where(a => a is { Agency: Finance, Year: 113, Key: "plans:review" }).Select(a => a.On));
        Assert.Equal(
            [(AlertKind.Late, new DateOnly(2024, 1, 1)), (AlertKind.LateEscalatedToHead, new DateOnly(2024, 1, 8)), (AlertKind.LateEscalatedToCommission, new DateOnly(2024, 1, 15))],
            alerts.Where(a => a is { Agency: Fengshan, Year: 112, Key: "phone-2" }).Select(a => (a.Kind, a.On)));
        // One mail per alert: no agency has an address yet, so every mail goes to the commission's.
        Assert.Equal(alerts.Count, _h.Mail.Sent.Count);
    }

    [Fact]
    public async Task RunForAsync_TwiceOnTheSameDay_SecondRaisesAndSendsNothing()
    {
        var first = await RunAsync(2024, 4, 16);
        var second = await RunAsync(2024, 4, 16);

        // Plans of the four agencies and the bureau's review: the 14-day reminder.
        Assert.Equal(5, first.Raised.Count);
        Assert.All(first.Raised, a => Assert.Equal(AlertKind.DueIn14Days, a.Kind));
        Assert.Empty(second.Raised);
        Assert.Equal(0, second.Delivery.Sent);
        Assert.Equal(5, _h.Mail.Sent.Count);
        Assert.Equal(5, (await _h.AllAlertsAsync()).Count);
    }

    [Fact]
    public async Task RunForAsync_AfterTenDayOutage_CatchesUpOnce()
    {
        await RunAsync(2024, 4, 16);
        // Down from 17 to 26 April: the 7-day reminder (23 April) was missed.
        var catchUp = await RunAsync(2024, 4, 27);
        var again = await RunAsync(2024, 4, 27);
        var next = await RunAsync(2024, 4, 28);

        Assert.Equal(5, catchUp.Raised.Count);
        Assert.All(catchUp.Raised, a => Assert.Equal(AlertKind.DueIn7Days, a.Kind));
        Assert.Empty(again.Raised);
        Assert.Empty(next.Raised);
        Assert.Equal(10, (await _h.AllAlertsAsync()).Count);
    }

    [Fact]
    public async Task RunForAsync_OutageOverTheDueDate_RaisesOnlyTheCurrentLateStage()
    {
        await RunAsync(2024, 4, 29);
        // Down from 30 April to 9 May: the due-today, late and head stages passed; only the head escalation is current.
        var catchUp = await RunAsync(2024, 5, 10);

        Assert.Equal(5, catchUp.Raised.Count);
        Assert.All(catchUp.Raised, a => Assert.Equal(AlertKind.LateEscalatedToHead, a.Kind));
    }

    [Fact]
    public async Task RunForAsync_LateObligation_EscalatesOnDay8ToHeadAndDay15ToCommission()
    {
        var finance = await _h.IdOfAsync(Finance);
        await _h.Contacts.SetAsync(ScheduleHarness.Admin, finance, ContactRole.Coordinator, "secretariat@finance.test");
        await _h.Contacts.SetAsync(ScheduleHarness.Admin, finance, ContactRole.Head, "head@finance.test");

        var raisedOn = new Dictionary<DateOnly, List<AlertKind>>();
        for (var day = new DateOnly(2024, 5, 1); day <= new DateOnly(2024, 5, 20); day = day.AddDays(1))
        {
            var result = await _h.Job.RunForAsync(day);
            raisedOn[day] = result.Raised.Where(r => r.AgencyId == finance && r.Obligation.Contains("執行計畫")).Select(r => r.Kind).ToList();
        }

        Assert.Equal([AlertKind.Late], raisedOn[new DateOnly(2024, 5, 1)]);
        Assert.Equal([AlertKind.LateEscalatedToHead], raisedOn[new DateOnly(2024, 5, 8)]);
        Assert.Equal([AlertKind.LateEscalatedToCommission], raisedOn[new DateOnly(2024, 5, 15)]);
        Assert.Equal(3, raisedOn.Values.Sum(k => k.Count));
        var toCommission = _h.Mail.Sent.Where(m => (m.Headers["X-HighService-Alert"] ?? "").EndsWith(nameof(AlertKind.LateEscalatedToCommission)) && (m.Subject ?? "").Contains(Finance + "：提送113年度提升服務執行計畫"))
            .SelectMany(m => m.To.Mailboxes.Select(b => b.Address)).Order();
        Assert.Equal(["commission@test.invalid", "head@finance.test", "secretariat@finance.test"], toCommission);
    }

    [Fact]
    public async Task RunForAsync_WaivedObligation_RaisesNothing()
    {
        await _h.Obligations.SyncYearAsync(113);
        var plan = await _h.ObligationAsync(Fengshan, 113, "plans");
        await _h.Obligations.WaiveAsync(plan.Id, new WaiveInput { Reason = "本年度併入區政業務計畫" }, "研考會");

        for (var day = new DateOnly(2024, 4, 10); day <= new DateOnly(2024, 5, 31); day = day.AddDays(1))
        {
            await _h.Job.RunForAsync(day);
        }

        var alerts = await _h.AllAlertsAsync();
        Assert.DoesNotContain(alerts, a => a is { Agency: Fengshan, Key: "plans" });
        Assert.Equal(7, alerts.Count(a => a is { Agency: Finance, Key: "plans" }));
    }

    [Fact]
    public async Task RunAsync_MailFails_JobFailsThenRetryDeliversWithoutDuplicates()
    {
        var sender = new FlakySender(failures: 2);
        await using var failing = await ScheduleHarness.CreateAsync(sender);
        await failing.KeepOnlyAsync(Finance, Tax, Pawnshop, Fengshan);
        failing.Database.Clock.SetUtcNow(new DateTimeOffset(2024, 4, 16, 7, 0, 0, TimeSpan.FromHours(8)));

        await Assert.ThrowsAsync<MailDeliveryException>(() => failing.Job.RunAsync(null, CancellationToken.None));
        await failing.Job.RunAsync(null, CancellationToken.None);
        await failing.Job.RunAsync(null, CancellationToken.None);

        await using var db = failing.Database.Open();
        Assert.Equal(5, await db.Alerts.CountAsync());
        Assert.Equal(5, await db.AlertDeliveries.CountAsync(d => d.Status == DeliveryStatus.Sent));
        Assert.Equal(5, sender.Delivered.Select(m => m.MessageId).Distinct().Count());
        Assert.Equal(5, sender.Delivered.Count);
    }

    [Fact]
    public async Task RunForAsync_PlanDeadlineMovedToTomorrow_RemindsEveryAgencyThatItIsDueTomorrow()
    {
        var plans = (await _h.Schedule.GetMilestonesAsync(113)).Single(m => m.Key == DefaultSchedule.PlansKey);
        var input = MilestoneInput.From(plans);
        input.EndsOn = new DateTime(2024, 3, 16);
        Assert.True((await _h.Schedule.SaveMilestoneAsync(input)).Succeeded);

        var result = await RunAsync(2024, 3, 15);

        Assert.Equal(5, result.Raised.Count(r => r.Kind == AlertKind.DueIn1Day));
        Assert.Equal(new DateOnly(2024, 3, 16), (await _h.ObligationAsync(Tax, 113, "plans")).DueOn);
        Assert.True(await _h.Schedule.IsEditedAsync(113));
        Assert.Equal(13, (await _h.Schedule.GetMilestonesAsync(113)).Count);
    }

    private sealed class FlakySender(int failures) : HighServiceDashboard.Infrastructure.Mail.IMailSender
    {
        private int _failures = failures;

        public List<MimeKit.MimeMessage> Delivered { get; } = [];

        public Task SendAsync(MimeKit.MimeMessage message, CancellationToken ct = default)
        {
            if (_failures-- > 0)
            {
                throw new IOException("connection refused (test)");
            }

            Delivered.Add(message);
            return Task.CompletedTask;
        }
    }
}

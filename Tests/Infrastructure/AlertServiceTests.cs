using HighServiceDashboard.Infrastructure.Schedule;
using HighServiceDashboard.Tests.Support;

namespace HighServiceDashboard.Tests.Infrastructure;

/// <summary>Each person reads for themselves: the bell of one is not cleared by another.</summary>
public class AlertServiceTests : IAsyncLifetime
{
    private const string Finance = "高雄市政府財政局";
    private const string Tax = "高雄市稅捐稽徵處";
    private ScheduleHarness _h = default!;
    private AlertScope _head = default!;
    private AlertScope _coordinator = default!;

    public async Task InitializeAsync()
    {
        _h = await ScheduleHarness.CreateAsync();
        await _h.KeepOnlyAsync(Finance, Tax);
        var agencies = new HashSet<int> { await _h.IdOfAsync(Finance), await _h.IdOfAsync(Tax) };
        _head = new AlertScope(agencies) { Reader = "head-id" };
        _coordinator = new AlertScope(agencies) { Reader = "coordinator-id" };
        // The day before the plans of 113 are due: both agencies are reminded.
        await _h.Job.RunForAsync(new DateOnly(2024, 4, 29));
    }

    public async Task DisposeAsync() => await _h.DisposeAsync();

    [Fact]
    public async Task MarkReadAsync_ByTheHead_LeavesTheCoordinatorsUnread()
    {
        var unread = await _h.Alerts.CountUnreadAsync(_head);
        Assert.True(unread > 0);
        var rows = await _h.Alerts.ListAsync(new AlertFilter(Scope: _head));

        await _h.Alerts.MarkReadAsync(rows.Take(2).Select(r => r.Id), _head);

        Assert.Equal(unread - 2, await _h.Alerts.CountUnreadAsync(_head));
        Assert.Equal(unread, await _h.Alerts.CountUnreadAsync(_coordinator));
        Assert.Equal(2, (await _h.Alerts.ListAsync(new AlertFilter(Scope: _head))).Count(r => r.IsRead));
        Assert.DoesNotContain(await _h.Alerts.ListAsync(new AlertFilter(Scope: _coordinator)), r => r.IsRead);
        Assert.Equal(unread - 2, (await _h.Alerts.ListAsync(new AlertFilter(UnreadOnly: true, Scope: _head))).Count);
    }

    [Fact]
    public async Task MarkReadAsync_Twice_RecordsOneReadingPerPerson()
    {
        var rows = await _h.Alerts.ListAsync(new AlertFilter(Scope: _head));
        var first = rows[0].Id;

        await _h.Alerts.MarkReadAsync([first], _head);
        await _h.Alerts.MarkReadAsync([first], _head);
        await _h.Alerts.MarkReadAsync([first], _coordinator);

        await using var db = _h.Database.Open();
        Assert.Equal(["coordinator-id", "head-id"], db.AlertReads.Where(r => r.AlertId == first).Select(r => r.UserId).OrderBy(u => u).ToList());
    }
}

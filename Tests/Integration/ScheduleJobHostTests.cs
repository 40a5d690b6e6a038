using System.Net;
using Hangfire;
using Hangfire.Storage;
using HighServiceDashboard.Domain.Schedule;
using HighServiceDashboard.Infrastructure.Data;
using HighServiceDashboard.Infrastructure.Jobs;
using HighServiceDashboard.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace HighServiceDashboard.Tests.Integration;

[Collection(HangfireCollection.Name)]
public class ScheduleJobHostTests : IAsyncLifetime
{
    private readonly DashboardFactory _factory = new() { WithJobs = true };

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _factory.DisposeAsync();

    [Fact]
    public async Task Start_RegistersDailyJobAndTriggeringTwiceRaisesAlertsOnce()
    {
        _factory.Clock.SetUtcNow(new DateTimeOffset(2024, 4, 29, 7, 0, 0, TimeSpan.FromHours(8)));
        _ = _factory.Server;
        var storage = _factory.Services.GetRequiredService<JobStorage>();
        var manager = _factory.Services.GetRequiredService<IRecurringJobManager>();

        RecurringJobDto daily;
        using (var connection = storage.GetConnection())
        {
            daily = Assert.Single(connection.GetRecurringJobs(), j => j.Id == DailyScheduleJob.RecurringJobId);
        }

        Assert.Equal(("0 7 * * *", "Asia/Taipei"), (daily.Cron, daily.TimeZoneId));

        manager.Trigger(DailyScheduleJob.RecurringJobId);
        var first = await WaitForSucceededAsync(storage, 1);
        manager.Trigger(DailyScheduleJob.RecurringJobId);
        await WaitForSucceededAsync(storage, 2);

        await using var db = await _factory.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        // 29 April: the plans of all 91 agencies and the 5 bureaus' reviews are due tomorrow.
        Assert.Equal(96, await db.Alerts.CountAsync(a => a.Kind == AlertKind.DueIn1Day));
        Assert.Equal(96, await db.Alerts.CountAsync());
        Assert.Equal(96, Directory.GetFiles(Path.Combine(_factory.DataFolder, "mail"), "*.eml").Length);
        Assert.Equal(1, first);
    }

    [Fact]
    public async Task GetHangfire_Administrator_IsServed_OthersAreRefused()
    {
        var admin = await (await _factory.SignedInClientAsync("admin")).GetAsync("/hangfire/recurring");
        var reviewer = await (await _factory.SignedInClientAsync("reviewer")).GetAsync("/hangfire/recurring");
        var anonymous = await (await _factory.SignedInClientAsync(null)).GetAsync("/hangfire/recurring");

        Assert.Equal(HttpStatusCode.OK, admin.StatusCode);
        Assert.Contains(DailyScheduleJob.RecurringJobId, await admin.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Forbidden, reviewer.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
    }

    /// <summary>Waits (at most a minute) until the given number of jobs have succeeded; returns the count seen.</summary>
    private static async Task<long> WaitForSucceededAsync(JobStorage storage, long count)
    {
        var monitoring = storage.GetMonitoringApi();
        for (var i = 0; i < 600; i++)
        {
            if (monitoring.FailedCount() > 0)
            {
                var failed = monitoring.FailedJobs(0, 1).Single().Value;
                throw new InvalidOperationException($"The daily job failed: {failed.ExceptionMessage}\n{failed.ExceptionDetails}");
            }

            var succeeded = monitoring.SucceededListCount();
            if (succeeded >= count)
            {
                return succeeded;
            }

            await Task.Delay(100);
        }

        throw new TimeoutException($"{count} job(s) did not succeed within a minute.");
    }
}

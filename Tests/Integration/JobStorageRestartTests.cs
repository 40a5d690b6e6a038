using Hangfire;
using Hangfire.Common;
using Hangfire.Storage;
using Hangfire.Storage.SQLite;
using HighServiceDashboard.Domain.Calendar;
using HighServiceDashboard.Domain.Schedule;
using HighServiceDashboard.Infrastructure.Data;
using HighServiceDashboard.Infrastructure.Jobs;
using HighServiceDashboard.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace HighServiceDashboard.Tests.Integration;

/// <summary>
/// The job storage in data/hangfire.db across a restart. Hangfire reads the time from the real
/// clock, not the host's fake one, so the outage is made by moving the recurring job's stored last
/// and next runs back a day, exactly what a server stopped before this morning's 07:00 would have
/// left in the file; the application's own clock stays fake so that the run raises known alerts.
/// </summary>
[Collection(HangfireCollection.Name)]
public class JobStorageRestartTests
{
    private static readonly DateTimeOffset Morning = new(2024, 4, 29, 7, 0, 0, TimeSpan.FromHours(8));

    [Fact]
    public async Task Start_AfterStopAcrossTheMorningRun_RunsTheDailyJobOnceNotTwice()
    {
        var folder = Path.Combine(Path.GetTempPath(), "hsd-tests", Guid.NewGuid().ToString("N"));
        var hangfireDb = Path.Combine(folder, "hangfire.db");

        // First life: the job is registered for the next 07:00 and nothing runs.
        await using (var first = new DashboardFactory(folder) { WithJobs = true, KeepFolder = true })
        {
            first.Clock.SetUtcNow(Morning.AddDays(-1));
            _ = first.Server;
            var storage = first.Services.GetRequiredService<JobStorage>();
            Assert.IsType<SQLiteStorage>(storage);
            await Task.Delay(TimeSpan.FromSeconds(3));
            Assert.Equal(0, storage.GetMonitoringApi().SucceededListCount());
            using var connection = storage.GetConnection();
            Assert.Null(Assert.Single(connection.GetRecurringJobs(), j => j.Id == DailyScheduleJob.RecurringJobId).LastExecution);
        }

        Assert.True(File.Exists(hangfireDb));
        // While it was down: the last run was three days ago; the next, two days ago, and the mornings since passed.
        var missed = LastSevenOClockInTaipei(DateTime.UtcNow);
        MoveRecurringJob(hangfireDb, lastRun: missed.AddDays(-3), nextRun: missed.AddDays(-2));

        // Second life, after 07:00: the missed mornings run once at start (Strict would run three, Ignorable none).
        await using var second = new DashboardFactory(folder) { WithJobs = true };
        second.Clock.SetUtcNow(Morning);
        _ = second.Server;
        var restarted = second.Services.GetRequiredService<JobStorage>();
        var monitoring = restarted.GetMonitoringApi();
        await WaitUntilAsync(() => monitoring.SucceededListCount() + monitoring.FailedCount() >= 1);
        // Two more scheduler rounds: a second (Strict-like) catch-up would have been enqueued by now.
        await Task.Delay(TimeSpan.FromSeconds(6));

        Assert.Equal(0, monitoring.FailedCount());
        Assert.Equal(1, monitoring.SucceededListCount());
        Assert.Equal(0, monitoring.EnqueuedCount("default"));
        RecurringJobDto daily;
        using (var connection = restarted.GetConnection())
        {
            daily = Assert.Single(connection.GetRecurringJobs(), j => j.Id == DailyScheduleJob.RecurringJobId);
        }

        Assert.True(daily.LastExecution > missed, $"last run {daily.LastExecution:o} should be after this morning's {missed:o}");
        Assert.Equal(missed.AddDays(1), daily.NextExecution);
        await using var db = await second.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        // 29 April: the plans of all 91 agencies and the 5 bureaus' reviews are due tomorrow, raised once.
        Assert.Equal(96, await db.Alerts.CountAsync(a => a.Kind == AlertKind.DueIn1Day));
        Assert.Equal(96, await db.Alerts.CountAsync());
    }

    [Fact]
    public async Task SqliteJobStorageBesideEfCoreSqlite_InOneProcess_BothWriteAndReadBack()
    {
        await using var database = await TestDatabase.CreateAsync();
        var hangfireDb = Path.Combine(database.Folder, "hangfire.db");
        using var storage = OpenStorage(hangfireDb);
        using (var connection = storage.GetConnection())
        {
            connection.SetRangeInHash("coexistence", [new("written-by", "sqlite-net")]);
        }

        await using (var db = database.Open())
        {
            db.AgencyContacts.Add(new AgencyContact { AgencyId = await db.Agencies.Select(a => a.Id).FirstAsync(), Role = ContactRole.Head, Email = "head@coexist.test" });
            await db.SaveChangesAsync();
        }

        using (var connection = storage.GetConnection())
        {
            Assert.Equal("sqlite-net", connection.GetAllEntriesFromHash("coexistence")!["written-by"]);
        }

        await using (var db = database.Open())
        {
            Assert.Equal("head@coexist.test", (await db.AgencyContacts.SingleAsync()).Email);
            // Both libraries run the same native SQLite: the version EF Core sees.
            var version = await db.Database.SqlQueryRaw<string>("select sqlite_version() as Value").SingleAsync();
            Assert.StartsWith("3.", version);
        }

        Assert.True(new FileInfo(hangfireDb).Length > 0);
    }

    /// <summary>The latest 07:00 Asia/Taipei at or before <paramref name="utcNow"/>, in UTC.</summary>
    private static DateTime LastSevenOClockInTaipei(DateTime utcNow)
    {
        var taipei = TimeZoneInfo.ConvertTimeFromUtc(utcNow, TaipeiTime.Zone);
        var seven = taipei.Date.AddHours(7);
        if (seven > taipei)
        {
            seven = seven.AddDays(-1);
        }

        return TimeZoneInfo.ConvertTimeToUtc(DateTime.SpecifyKind(seven, DateTimeKind.Unspecified), TaipeiTime.Zone);
    }

    /// <summary>Rewrites the daily job's last and next runs (the hash and the schedule's sorted set) in the stopped server's file.</summary>
    private static void MoveRecurringJob(string hangfireDb, DateTime lastRun, DateTime nextRun)
    {
        using var storage = OpenStorage(hangfireDb);
        using var connection = storage.GetConnection();
        using var transaction = connection.CreateWriteTransaction();
        transaction.SetRangeInHash($"recurring-job:{DailyScheduleJob.RecurringJobId}",
        [
            new("LastExecution", JobHelper.SerializeDateTime(lastRun)),
            new("NextExecution", JobHelper.SerializeDateTime(nextRun)),
        ]);
        transaction.AddToSet("recurring-jobs", DailyScheduleJob.RecurringJobId, new DateTimeOffset(nextRun).ToUnixTimeSeconds());
        transaction.Commit();
    }

    /// <summary>The storage outside any host: Hangfire's static log provider may still point at a disposed host's loggers.</summary>
    private static SQLiteStorage OpenStorage(string path)
    {
        Hangfire.Logging.LogProvider.SetCurrentLogProvider(null);
        return new SQLiteStorage(path, new SQLiteStorageOptions());
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        for (var i = 0; i < 600; i++)
        {
            if (condition())
            {
                return;
            }

            await Task.Delay(100);
        }

        throw new TimeoutException("The restarted server ran no job within a minute.");
    }
}

using Hangfire;
using HighServiceDashboard.Domain.Calendar;
using HighServiceDashboard.Infrastructure.Schedule;
using Microsoft.Extensions.Options;

namespace HighServiceDashboard.Infrastructure.Jobs;

/// <summary>
/// Every recurring job, with its stable id, registered (added or updated) at each start. The job
/// storage keeps each job's last and next run across restarts, and a run missed while the server
/// was down is made up once at start (<see cref="MisfireHandlingMode.Relaxed"/>: one run however
/// many were missed; Strict would run every missed morning, Ignorable none). The daily job is
/// idempotent, so the catch-up is safe.
/// </summary>
public sealed class RecurringJobs(IRecurringJobManager manager, IOptions<ScheduleOptions> schedule)
{
    public void Register() =>
        manager.AddOrUpdate<DailyScheduleJob>(
            DailyScheduleJob.RecurringJobId,
            job => job.RunAsync(null, CancellationToken.None),
            schedule.Value.DailyCron,
            new RecurringJobOptions { TimeZone = TaipeiTime.Zone, MisfireHandling = MisfireHandlingMode.Relaxed });
}

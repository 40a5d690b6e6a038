using Hangfire;
using HighServiceDashboard.Domain.Calendar;
using HighServiceDashboard.Infrastructure.Schedule;
using Microsoft.Extensions.Options;

namespace HighServiceDashboard.Infrastructure.Jobs;

/// <summary>
/// Every recurring job, with its stable id, registered at each start: the job storage is in
/// memory, so nothing survives a restart but the application database.
/// </summary>
public sealed class RecurringJobs(IRecurringJobManager manager, IOptions<ScheduleOptions> schedule)
{
    public void Register() =>
        manager.AddOrUpdate<DailyScheduleJob>(
            DailyScheduleJob.RecurringJobId,
            job => job.RunAsync(null, CancellationToken.None),
            schedule.Value.DailyCron,
            new RecurringJobOptions { TimeZone = TaipeiTime.Zone });
}

using HighServiceDashboard.Domain.Schedule;

namespace HighServiceDashboard.Infrastructure.Schedule;

/// <summary>The <c>Schedule</c> section of appsettings.json.</summary>
public sealed class ScheduleOptions
{
    public const string Section = "Schedule";

    /// <summary>When the daily evaluation runs, as a cron expression in Asia/Taipei.</summary>
    public string DailyCron { get; set; } = "0 7 * * *";

    /// <summary>Alert stages reached longer ago than this are history, not raised (see <see cref="AlertPolicy"/>).</summary>
    public int CatchUpDays { get; set; } = AlertPolicy.DefaultCatchUpDays;
}

namespace HighServiceDashboard.Domain.Calendar;

/// <summary>The programme runs on Taiwan's clock, whatever zone the server is set to.</summary>
public static class TaipeiTime
{
    public static readonly TimeZoneInfo Zone = TimeZoneInfo.FindSystemTimeZoneById("Asia/Taipei");

    public static DateTimeOffset Now(this TimeProvider clock) => TimeZoneInfo.ConvertTime(clock.GetUtcNow(), Zone);

    public static DateOnly Today(this TimeProvider clock) => DateOnly.FromDateTime(clock.Now().DateTime);

    /// <summary>The day in Taipei of a moment.</summary>
    public static DateOnly DayOf(DateTimeOffset at) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(at, Zone).DateTime);

    public static int CurrentRocYear(this TimeProvider clock) => RocCalendar.ToRocYear(clock.Today().Year);
}

using System.Globalization;

namespace HighServiceDashboard.Domain.Calendar;

/// <summary>
/// ROC (民國) years as people read them: ROC year = Gregorian year - 1911. Storage and APIs keep
/// Gregorian dates; everything shown to a person goes through here.
/// </summary>
public static class RocCalendar
{
    public const int Offset = 1911;

    public static int ToRocYear(int gregorianYear) => gregorianYear - Offset;

    public static int ToGregorianYear(int rocYear) => rocYear + Offset;

    public static int RocYearOf(DateOnly date) => ToRocYear(date.Year);

    public static int RocYearOf(DateTimeOffset instant, TimeZoneInfo zone) =>
        ToRocYear(TimeZoneInfo.ConvertTime(instant, zone).Year);

    /// <summary>113/04/30: the short form used in tables.</summary>
    public static string FormatDate(DateOnly date) =>
        string.Create(CultureInfo.InvariantCulture, $"{ToRocYear(date.Year)}/{date.Month:00}/{date.Day:00}");

    /// <summary>民國113年 (zh) or "ROC 113 (2024)" (en).</summary>
    public static string FormatYear(int rocYear, CultureInfo culture) =>
        culture.TwoLetterISOLanguageName == "zh"
            ? $"民國{rocYear}年"
            : string.Create(CultureInfo.InvariantCulture, $"ROC {rocYear} ({ToGregorianYear(rocYear)})");

    /// <summary>Reads 113/04/30, 113-04-30 or 113.4.30 as an ROC date.</summary>
    public static bool TryParseDate(string text, out DateOnly date)
    {
        date = default;
        var parts = text.Trim().Split(['/', '-', '.'], StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length != 3
            || !int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var y)
            || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var m)
            || !int.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out var d)
            || y is < 1 or > 999 || m is < 1 or > 12 || d < 1 || d > DateTime.DaysInMonth(y + Offset, m))
        {
            return false;
        }

        date = new DateOnly(y + Offset, m, d);
        return true;
    }
}

using System.Globalization;

namespace HighServiceDashboard.App.State;

/// <summary>Which of the two UI languages is in force for this request or circuit.</summary>
public static class Culture
{
    public static bool IsEnglish => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en";

    /// <summary>How a date field reads and writes a day: 113/04/30, the ROC date people use.</summary>
    public const string RocDateFormat = "yyy/MM/dd";

    private static readonly CultureInfo RocChinese = RocCulture(english: false);
    private static readonly CultureInfo RocEnglish = RocCulture(english: true);

    /// <summary>
    /// The culture of date pickers: the Taiwan calendar, so that years show and parse as ROC years
    /// (113/04/30) in both languages, with the month and day names of the UI language.
    /// </summary>
    public static CultureInfo RocDates => IsEnglish ? RocEnglish : RocChinese;

    private static CultureInfo RocCulture(bool english)
    {
        var culture = (CultureInfo)CultureInfo.GetCultureInfo("zh-TW").Clone();
        var format = culture.DateTimeFormat;
        format.Calendar = new TaiwanCalendar();
        format.ShortDatePattern = RocDateFormat;
        if (english)
        {
            var names = CultureInfo.GetCultureInfo("en-US").DateTimeFormat;
            format.MonthNames = names.MonthNames;
            format.AbbreviatedMonthNames = names.AbbreviatedMonthNames;
            format.MonthGenitiveNames = names.MonthGenitiveNames;
            format.AbbreviatedMonthGenitiveNames = names.AbbreviatedMonthGenitiveNames;
            format.DayNames = names.DayNames;
            format.AbbreviatedDayNames = names.AbbreviatedDayNames;
            format.ShortestDayNames = names.ShortestDayNames;
            format.YearMonthPattern = "MMMM yyy";
        }

        return CultureInfo.ReadOnly(culture);
    }
}

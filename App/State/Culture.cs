using System.Globalization;

namespace HighServiceDashboard.App.State;

/// <summary>Which of the two UI languages is in force for this request or circuit.</summary>
public static class Culture
{
    public static bool IsEnglish => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en";
}

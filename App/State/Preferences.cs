namespace HighServiceDashboard.App.State;

/// <summary>Names and parsing of the cookies that carry a person's year and theme between visits.</summary>
public static class Preferences
{
    public const string YearCookie = "hsd-year";
    public const string ThemeCookie = "hsd-theme";

    public static int? ReadYear(HttpContext? context) =>
        context?.Request.Cookies[YearCookie] is { } value && int.TryParse(value, out var year) && year is > 0 and < 1000 ? year : null;

    public static bool ReadDarkMode(HttpContext? context) => context?.Request.Cookies[ThemeCookie] == "dark";
}

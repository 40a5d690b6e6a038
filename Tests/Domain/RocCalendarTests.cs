using System.Globalization;
using HighServiceDashboard.Domain.Calendar;

namespace HighServiceDashboard.Tests.Domain;

public class RocCalendarTests
{
    [Theory]
    [InlineData(2024, 113)]
    [InlineData(2016, 105)]
    [InlineData(2026, 115)]
    public void ToRocYear_GregorianYear_SubtractsOffset(int gregorian, int roc) => Assert.Equal(roc, RocCalendar.ToRocYear(gregorian));

    [Fact]
    public void FormatDate_April30th2024_Reads113_04_30() => Assert.Equal("113/04/30", RocCalendar.FormatDate(new DateOnly(2024, 4, 30)));

    [Fact]
    public void FormatYear_ChineseAndEnglish()
    {
        Assert.Equal("民國113年", RocCalendar.FormatYear(113, new CultureInfo("zh-TW")));
        Assert.Equal("ROC 113 (2024)", RocCalendar.FormatYear(113, new CultureInfo("en")));
    }

    [Theory]
    [InlineData("113/04/30", 2024, 4, 30)]
    [InlineData("113-4-1", 2024, 4, 1)]
    [InlineData("105.01.29", 2016, 1, 29)]
    public void TryParseDate_RocForms_GivesGregorianDate(string text, int y, int m, int d)
    {
        Assert.True(RocCalendar.TryParseDate(text, out var date));
        Assert.Equal(new DateOnly(y, m, d), date);
    }

    [Theory]
    [InlineData("113/02/30")]
    [InlineData("113/13/01")]
    [InlineData("2024")]
    [InlineData("abc/01/01")]
    public void TryParseDate_Invalid_ReturnsFalse(string text) => Assert.False(RocCalendar.TryParseDate(text, out _));

    [Fact]
    public void Today_JustAfterMidnightInTaipei_IsTheTaipeiDate()
    {
        var clock = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(new DateTimeOffset(2024, 12, 31, 16, 30, 0, TimeSpan.Zero));

        Assert.Equal(new DateOnly(2025, 1, 1), clock.Today());
        Assert.Equal(114, clock.CurrentRocYear());
    }
}

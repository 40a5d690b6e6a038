using HighServiceDashboard.App.Components.Shared;
using HighServiceDashboard.Domain.PhoneTests;
using HighServiceDashboard.Infrastructure.PhoneTests;
using Microsoft.Extensions.Localization;

namespace HighServiceDashboard.App.Components.Pages.PhoneTests;

/// <summary>Words and tones of the phone tests' rounds, grades and groups: a grade is said in words and shown with its tone's icon, never by colour alone.</summary>
public static class PhoneTestLabels
{
    public static readonly PhoneTestRound[] Rounds = Enum.GetValues<PhoneTestRound>();

    public static string Round(IStringLocalizer l, PhoneTestRound round) => l[$"PhoneTests.Round.{round}"];

    public static string Grade(IStringLocalizer l, PhoneGrade grade) => l[$"PhoneTests.Grade.{grade}"];

    public static string Group(IStringLocalizer l, RubricGroup group) => l[$"PhoneTests.Group.{group}"];

    public static StatusTone Tone(PhoneGrade grade) => grade switch
    {
        PhoneGrade.Excellent => StatusTone.Success,
        PhoneGrade.Good => StatusTone.Info,
        PhoneGrade.Fair => StatusTone.Warning,
        _ => StatusTone.Error,
    };

    public static string Fault(FaultName f, bool english) => english && !string.IsNullOrWhiteSpace(f.NameEn) ? f.NameEn : f.Name;

    public static string Agency(PhoneTestRow row, bool english) => english && !string.IsNullOrWhiteSpace(row.AgencyNameEn) ? row.AgencyNameEn : row.AgencyName;

    public static string Item(ItemScore s, bool english) => english && !string.IsNullOrWhiteSpace(s.NameEn) ? s.NameEn : s.Name;

    /// <summary>113上 / 113下 / 113自: the short label of a round on a chart's axis.</summary>
    public static string Short(IStringLocalizer l, int rocYear, PhoneTestRound round) => l[$"PhoneTests.RoundShort.{round}", rocYear];
}

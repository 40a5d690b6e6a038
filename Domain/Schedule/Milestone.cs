using HighServiceDashboard.Domain.Calendar;

namespace HighServiceDashboard.Domain.Schedule;

/// <summary>Which agency levels a milestone binds.</summary>
[Flags]
public enum BoundLevels
{
    None = 0,
    FirstLevel = 1,
    SecondLevel = 2,
    Both = FirstLevel | SecondLevel,
}

/// <summary>
/// One step of a year's schedule (作業期程): a window from <see cref="StartsOn"/> to
/// <see cref="EndsOn"/>. A milestone that binds agencies makes every agency of the bound levels owe
/// something (<see cref="Binds"/>) by its end. Years the commission never edited use
/// <see cref="DefaultSchedule"/> and have no rows.
/// </summary>
public sealed class Milestone
{
    public int Id { get; set; }

    public int RocYear { get; set; }

    /// <summary>Stable within a year (<c>plans</c>, <c>results</c>, <c>custom-…</c>): obligations are keyed by it.</summary>
    public required string Key { get; set; }

    /// <summary>The order in the table; the 13 defaults are 1 to 13.</summary>
    public int Number { get; set; }

    public required string Name { get; set; }

    public string? NameEn { get; set; }

    public DateOnly StartsOn { get; set; }

    public DateOnly EndsOn { get; set; }

    /// <summary>Whether the window may reach into January–February of the next year (results, nominations).</summary>
    public bool CrossesYear { get; set; }

    /// <summary>What each bound agency owes by the end; null when the milestone binds nobody.</summary>
    public ObligationKind? Binds { get; set; }

    public BoundLevels BoundLevels { get; set; }

    /// <summary>
    /// How many days before <see cref="EndsOn"/> a subordinate agency owes its part to its parent
    /// (the results: the parent compiles and forwards). The commission sets it; default 15.
    /// </summary>
    public int SubordinateLeadDays { get; set; }

    public bool IsDefault => !Key.StartsWith(DefaultSchedule.CustomKeyPrefix, StringComparison.Ordinal);

    public string DisplayName(bool english) => english && !string.IsNullOrWhiteSpace(NameEn) ? NameEn : Name;

    public Milestone Copy() => (Milestone)MemberwiseClone();

    /// <summary>The Gregorian year the ROC year stands for.</summary>
    public int GregorianYear => RocCalendar.ToGregorianYear(RocYear);
}

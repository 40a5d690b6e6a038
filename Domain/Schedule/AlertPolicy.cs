namespace HighServiceDashboard.Domain.Schedule;

/// <summary>The alerts the daily evaluation raises, in the order they come.</summary>
public enum AlertKind
{
    DueIn14Days = 0,
    DueIn7Days = 1,
    DueIn1Day = 2,
    DueToday = 3,
    Late = 4,
    LateEscalatedToHead = 5,
    LateEscalatedToCommission = 6,
}

/// <summary>Who an alert goes to. Escalations add to the people already told.</summary>
[Flags]
public enum AlertRecipients
{
    None = 0,

    /// <summary>The agency's coordinator (usually its secretariat), or the unit the obligation names.</summary>
    Coordinator = 1,

    /// <summary>The agency head (機關首長).</summary>
    Head = 2,

    /// <summary>The commission (研考會).</summary>
    Commission = 4,
}

/// <summary>
/// When an obligation raises which alert. Reminders come 14, 7 and 1 days before the due date and
/// on it; after it, the obligation is late on the first day, escalated to the agency head after 7
/// days late (day 8) and to the commission after 14 (day 15).
/// <para>
/// Each day the evaluation asks for the latest stage reached as of that day, so a run after an
/// outage raises the one stage that is current and not the ones it slept through; a stage is raised
/// at most once, and nothing older than <c>catchUpDays</c> is raised at all (a fresh install does
/// not mail years of history).
/// </para>
/// </summary>
public static class AlertPolicy
{
    public const int DefaultCatchUpDays = 30;

    private static readonly AlertKind[] Reminders = [AlertKind.DueIn14Days, AlertKind.DueIn7Days, AlertKind.DueIn1Day, AlertKind.DueToday];
    private static readonly AlertKind[] LateStages = [AlertKind.Late, AlertKind.LateEscalatedToHead, AlertKind.LateEscalatedToCommission];

    /// <summary>Days from the due date to the day the stage is reached.</summary>
    public static int Offset(AlertKind kind) => kind switch
    {
        AlertKind.DueIn14Days => -14,
        AlertKind.DueIn7Days => -7,
        AlertKind.DueIn1Day => -1,
        AlertKind.DueToday => 0,
        AlertKind.Late => 1,
        AlertKind.LateEscalatedToHead => 8,
        AlertKind.LateEscalatedToCommission => 15,
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    public static AlertRecipients RecipientsOf(AlertKind kind) => kind switch
    {
        AlertKind.LateEscalatedToHead => AlertRecipients.Coordinator | AlertRecipients.Head,
        AlertKind.LateEscalatedToCommission => AlertRecipients.Coordinator | AlertRecipients.Head | AlertRecipients.Commission,
        _ => AlertRecipients.Coordinator,
    };

    public static bool IsEscalation(AlertKind kind) => kind >= AlertKind.LateEscalatedToHead;

    /// <summary>
    /// The alert to raise today for an obligation, or null. <paramref name="raised"/> holds the kinds
    /// already raised for it.
    /// </summary>
    public static AlertKind? Next(ObligationResolution resolution, DateOnly dueOn, DateOnly today, IReadOnlyCollection<AlertKind> raised, int catchUpDays = DefaultCatchUpDays)
    {
        if (resolution != ObligationResolution.Pending)
        {
            return null;
        }

        var track = today <= dueOn ? Reminders : LateStages;
        AlertKind? current = null;
        foreach (var kind in track)
        {
            if (dueOn.AddDays(Offset(kind)) <= today)
            {
                current = kind;
            }
        }

        if (current is not { } stage
            || dueOn.AddDays(Offset(stage)) < today.AddDays(-catchUpDays)
            || raised.Any(r => Array.IndexOf(track, r) >= Array.IndexOf(track, stage)))
        {
            return null;
        }

        return stage;
    }
}

using HighServiceDashboard.Domain.Agencies;

namespace HighServiceDashboard.Domain.Schedule;

/// <summary>
/// Something one agency owes in one ROC year: a window, a due date, an owner (the agency, and the
/// unit where one is named), and once settled the evidence of being done or the reason it was waived.
/// </summary>
public sealed class Obligation
{
    public int Id { get; set; }

    public int AgencyId { get; set; }

    public Agency? Agency { get; set; }

    public int RocYear { get; set; }

    /// <summary>Unique per agency and year: the milestone key, with a suffix for derived kinds and commitments.</summary>
    public required string Key { get; set; }

    public ObligationKind Kind { get; set; }

    /// <summary>The milestone it comes from; null for a plan's commitments.</summary>
    public string? MilestoneKey { get; set; }

    /// <summary>What is owed, in Traditional Chinese (mail, calendar); the UI adds the kind in the person's language.</summary>
    public required string Title { get; set; }

    /// <summary>The unit (科室) that owes it, where the plan names one.</summary>
    public string? UnitName { get; set; }

    public DateOnly OpensOn { get; set; }

    public DateOnly DueOn { get; set; }

    public ObligationResolution Resolution { get; set; }

    public DateTimeOffset? ResolvedAt { get; set; }

    /// <summary>Who settled it (a person, or the plan/results code).</summary>
    public string? ResolvedBy { get; set; }

    /// <summary>What shows it done: "計畫已提送 (2024-04-12)", a test record…</summary>
    public string? Evidence { get; set; }

    public string? WaiverReason { get; set; }

    public ObligationState StateOn(DateOnly today) => Resolution switch
    {
        ObligationResolution.Done => ObligationState.Done,
        ObligationResolution.Waived => ObligationState.Waived,
        _ when today < OpensOn => ObligationState.NotYetOpen,
        _ when today > DueOn => ObligationState.Late,
        _ => ObligationState.Open,
    };

    public bool IsSettled => Resolution != ObligationResolution.Pending;
}

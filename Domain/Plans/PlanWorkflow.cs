namespace HighServiceDashboard.Domain.Plans;

/// <summary>A step of the review a person can ask for.</summary>
public enum PlanAction
{
    Submit,
    Return,
    Approve,
    Reopen,
}

/// <summary>
/// The plan review's rules: draft or returned plans are submitted; submitted plans are returned
/// (with a comment) or approved; an approved plan can be reopened as a draft by its reviewer.
/// </summary>
public static class PlanWorkflow
{
    public static PlanStatus? Next(PlanStatus current, PlanAction action) => (current, action) switch
    {
        (PlanStatus.Draft or PlanStatus.Returned, PlanAction.Submit) => PlanStatus.Submitted,
        (PlanStatus.Submitted, PlanAction.Return) => PlanStatus.Returned,
        (PlanStatus.Submitted, PlanAction.Approve) => PlanStatus.Approved,
        (PlanStatus.Approved, PlanAction.Reopen) => PlanStatus.Draft,
        _ => null,
    };

    public static bool NeedsComment(PlanAction action) => action is PlanAction.Return or PlanAction.Reopen;

    /// <summary>Only drafts and returned plans are edited; a submitted or approved plan is frozen.</summary>
    public static bool IsEditable(PlanStatus status) => status is PlanStatus.Draft or PlanStatus.Returned;
}

using HighServiceDashboard.Domain.Agencies;

namespace HighServiceDashboard.Domain.Results;

/// <summary>A step of the results workflow a person can ask for.</summary>
public enum ResultsAction
{
    Submit,
    Return,
    Accept,
}

/// <summary>Where an agency's results go when it submits.</summary>
public enum ResultsRoute
{
    /// <summary>A second-level agency to its parent, by the parent's earlier due date.</summary>
    ToParent,

    /// <summary>To the commission; a parent agency forwards (彙送) its subordinates' accepted results with its own.</summary>
    ToCommission,
}

/// <summary>
/// The results workflow: drafts and returned results are submitted; submitted results are returned
/// (with a comment) or accepted by the reviewer. Only drafts and returned results are edited.
/// </summary>
public static class ResultsWorkflow
{
    public static ResultsStatus? Next(ResultsStatus current, ResultsAction action) => (current, action) switch
    {
        (ResultsStatus.Draft or ResultsStatus.Returned, ResultsAction.Submit) => ResultsStatus.Submitted,
        (ResultsStatus.Submitted, ResultsAction.Return) => ResultsStatus.Returned,
        (ResultsStatus.Submitted, ResultsAction.Accept) => ResultsStatus.Accepted,
        _ => null,
    };

    public static bool NeedsComment(ResultsAction action) => action == ResultsAction.Return;

    public static bool IsEditable(ResultsStatus status) => status is ResultsStatus.Draft or ResultsStatus.Returned;

    /// <summary>
    /// A second-level agency with a parent submits to the parent (as the schedule's ResultsToParent
    /// says); every other agency submits to the commission.
    /// </summary>
    public static ResultsRoute RouteOf(AgencyLevel level, int? parentId) =>
        level == AgencyLevel.SecondLevel && parentId is not null ? ResultsRoute.ToParent : ResultsRoute.ToCommission;
}

/// <summary>Resource keys of the results rules' messages.</summary>
public static class ResultsMessages
{
    public const string NoYear = "Results.Validation.NoYear";
    public const string NoAgency = "Results.Validation.NoAgency";
    public const string NotAllowed = "Results.Validation.NotAllowed";
    public const string Forbidden = "Results.Validation.Forbidden";
    public const string Conflict = "Results.Validation.Conflict";
    public const string NotEditable = "Results.Validation.NotEditable";
    public const string CommentRequired = "Results.Validation.CommentRequired";
    public const string OwnSubmission = "Results.Validation.OwnSubmission";
    public const string SubItemUnknown = "Results.Validation.SubItemUnknown";
    public const string AchievementTooLong = "Results.Validation.AchievementTooLong";
    public const string SummaryTooLong = "Results.Validation.SummaryTooLong";
    public const string SummaryRequired = "Results.Validation.SummaryRequired";
    public const string AchievementMissing = "Results.Validation.AchievementMissing";
    public const string AwardFileMissing = "Results.Validation.AwardFileMissing";
    public const string SubordinatesPending = "Results.Validation.SubordinatesPending";
    public const string NotStarted = "Results.Validation.NotStarted";
    public const string TooManyFiles = "Results.Validation.TooManyFiles";
    public const string AttachmentNotFound = "Results.Validation.AttachmentNotFound";

    public const int MaxAchievementLength = 4000;
    public const int MaxSummaryLength = 8000;
}

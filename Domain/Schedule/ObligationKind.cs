namespace HighServiceDashboard.Domain.Schedule;

/// <summary>What an agency owes. Plans and results code fulfils obligations by kind.</summary>
public enum ObligationKind
{
    /// <summary>The agency's own execution plan (執行計畫 / 工作計畫).</summary>
    PlanSubmission = 0,

    /// <summary>The review of its subordinates' work plans (a parent agency only).</summary>
    SubordinatePlanReview = 1,

    /// <summary>A phone courtesy test round (電話服務品質及禮貌測試).</summary>
    PhoneTest = 2,

    /// <summary>The annual results (年度執行成果), to the commission.</summary>
    ResultsSubmission = 3,

    /// <summary>A subordinate's annual results, to its parent agency, before the parent's due date.</summary>
    ResultsToParent = 4,

    /// <summary>A commitment with a cadence stated in the agency's plan (每季…, 每年…).</summary>
    Commitment = 5,

    /// <summary>A milestone the commission added that binds agencies.</summary>
    Custom = 6,

    /// <summary>An agency's analysis and improvement after a badly scored phone test call; one per such call.</summary>
    PhoneTestFollowUp = 7,
}

/// <summary>What a person decided about an obligation; the rest of the state follows from the dates.</summary>
public enum ObligationResolution
{
    Pending = 0,
    Done = 1,
    Waived = 2,
}

/// <summary>Where an obligation stands on a given day.</summary>
public enum ObligationState
{
    NotYetOpen = 0,
    Open = 1,
    Done = 2,
    Late = 3,
    Waived = 4,
}

namespace HighServiceDashboard.Domain.Results;

/// <summary>Where an agency's annual results stand with their reviewer (the parent agency or the commission).</summary>
public enum ResultsStatus
{
    Draft,
    Submitted,
    Returned,
    Accepted,
}

/// <summary>What an attachment shows: evidence of a sub-item or of the whole, or the award application that stands in for the results.</summary>
public enum AttachmentKind
{
    Evidence,
    AwardApplication,
}

/// <summary>
/// An agency's annual results (年度執行成果) for one ROC year: per sub-item its plan covers what was
/// done (達成情形), evidence files, and an overall summary. A nominee for the award may submit its
/// award application file instead. A subordinate submits to its parent agency; the parent forwards
/// (彙送) its own with its accepted subordinates' to the commission.
/// </summary>
public sealed class AnnualResults
{
    public int Id { get; set; }

    public int AgencyId { get; set; }

    public Agencies.Agency? Agency { get; set; }

    public int RocYear { get; set; }

    public ResultsStatus Status { get; set; } = ResultsStatus.Draft;

    /// <summary>The overall summary (總結).</summary>
    public string Summary { get; set; } = "";

    /// <summary>The agency submits its award application file (政府服務獎申請書) in place of the per sub-item results.</summary>
    public bool SubmitsAwardApplication { get; set; }

    /// <summary>Bumped on every save; two people saving the same version conflict instead of overwriting.</summary>
    public int Version { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    public List<ResultItem> Items { get; set; } = [];

    public List<ResultsAttachment> Attachments { get; set; } = [];

    public List<ResultsStatusChange> StatusChanges { get; set; } = [];

    /// <summary>Who submitted last (the one who may not decide on it).</summary>
    public string? LastSubmitter => StatusChanges.Where(c => c.To == ResultsStatus.Submitted).MaxBy(c => c.At)?.By;
}

/// <summary>What was done for one sub-item of the plan (達成情形).</summary>
public sealed class ResultItem
{
    public int Id { get; set; }

    public int ResultsId { get; set; }

    /// <summary>The framework's sub-item code ("1.1").</summary>
    public required string SubItemCode { get; set; }

    public string Achievement { get; set; } = "";

    public string? UpdatedBy { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }
}

/// <summary>
/// A file attached to the results. The content lives under the data folder (<see cref="StoredName"/>),
/// not in the database; it is served only with <see cref="ContentType"/>, as checked on upload.
/// </summary>
public sealed class ResultsAttachment
{
    public int Id { get; set; }

    public int ResultsId { get; set; }

    /// <summary>The sub-item the file is evidence of; null for the whole (and the award application).</summary>
    public string? SubItemCode { get; set; }

    public AttachmentKind Kind { get; set; }

    public required string FileName { get; set; }

    public required string ContentType { get; set; }

    public long Size { get; set; }

    /// <summary>The path under the results folder, made by the app (never from the uploaded name).</summary>
    public required string StoredName { get; set; }

    public required string Sha256 { get; set; }

    public required string UploadedBy { get; set; }

    public DateTimeOffset UploadedAt { get; set; }
}

/// <summary>One step of the workflow: who moved the results from which status to which, when, and why.</summary>
public sealed class ResultsStatusChange
{
    public int Id { get; set; }

    public int ResultsId { get; set; }

    public ResultsStatus From { get; set; }

    public ResultsStatus To { get; set; }

    /// <summary>Where a submission went: the parent agency or the commission (彙送 when it carries subordinates' results).</summary>
    public ResultsRoute? Route { get; set; }

    public required string By { get; set; }

    public DateTimeOffset At { get; set; }

    public string? Comment { get; set; }
}

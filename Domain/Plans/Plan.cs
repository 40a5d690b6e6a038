namespace HighServiceDashboard.Domain.Plans;

/// <summary>Where a plan stands in its review.</summary>
public enum PlanStatus
{
    Draft,
    Submitted,
    Returned,
    Approved,
}

/// <summary>
/// An agency's plan for one ROC year (執行計畫; a subordinate's 工作計畫), written against that
/// year's framework: focus points per sub-item, declarations of sub-items that do not apply, and
/// what the reader could not place, kept until a person does.
/// </summary>
public sealed class Plan
{
    public int Id { get; set; }

    public int AgencyId { get; set; }

    public Agencies.Agency? Agency { get; set; }

    public int RocYear { get; set; }

    public int FrameworkId { get; set; }

    public Frameworks.Framework? Framework { get; set; }

    public string? Title { get; set; }

    public PlanStatus Status { get; set; } = PlanStatus.Draft;

    /// <summary>Bumped on every save; two people saving the same version conflict instead of overwriting.</summary>
    public int Version { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    public List<FocusPoint> FocusPoints { get; set; } = [];

    public List<NotApplicableItem> NotApplicable { get; set; } = [];

    public List<UnplacedText> Unplaced { get; set; } = [];

    public List<PlanStatusChange> StatusChanges { get; set; } = [];

    public PlanSource? Source { get; set; }
}

/// <summary>
/// A focus point (執行重點) of a plan under one sub-item (code "0": the framework's preamble item).
/// </summary>
public sealed class FocusPoint
{
    public int Id { get; set; }

    public int PlanId { get; set; }

    public Plan? Plan { get; set; }

    /// <summary>The framework's sub-item code, as in frameworks.json ("1.1"); "0" for the preamble item.</summary>
    public required string SubItemCode { get; set; }

    public int Order { get; set; }

    public required string Title { get; set; }

    public string Description { get; set; } = "";

    /// <summary>The unit cell says every unit (各科室, 各課室 …).</summary>
    public bool AllUnits { get; set; }

    /// <summary>Cadences the text commits to (每季, 每年至少1次 …), as written.</summary>
    public List<string> Cadences { get; set; } = [];

    /// <summary>The sub-item was chosen by the reader from the text, not stated by the plan: a person confirms it.</summary>
    public bool IsGuess { get; set; }

    /// <summary>Why the reader guessed the sub-item, in zh-TW; <see cref="GuessReasonEn"/> in English.</summary>
    public string? GuessReason { get; set; }

    public string? GuessReasonEn { get; set; }

    /// <summary>The line of the source document it was read from, when it was read.</summary>
    public int? SourceLine { get; set; }

    public List<FocusPointUnit> Units { get; set; } = [];
}

/// <summary>
/// A unit a focus point names. <see cref="UnitId"/> is null while the name is one the agency does
/// not have yet: it is offered as a new unit, never dropped.
/// </summary>
public sealed class FocusPointUnit
{
    public int Id { get; set; }

    public int FocusPointId { get; set; }

    public int? UnitId { get; set; }

    public Agencies.Unit? Unit { get; set; }

    public required string Name { get; set; }
}

/// <summary>A sub-item the agency declares not applicable, with its reason (required).</summary>
public sealed class NotApplicableItem
{
    public int Id { get; set; }

    public int PlanId { get; set; }

    public required string SubItemCode { get; set; }

    public required string Reason { get; set; }

    public int? SourceLine { get; set; }
}

/// <summary>Text of the document the reader could not place, kept in order for a person to place or dismiss.</summary>
public sealed class UnplacedText
{
    public int Id { get; set; }

    public int PlanId { get; set; }

    public int Order { get; set; }

    public required string Text { get; set; }

    public int? SourceLine { get; set; }
}

/// <summary>One step of the review: who moved the plan from which status to which, when, and why.</summary>
public sealed class PlanStatusChange
{
    public int Id { get; set; }

    public int PlanId { get; set; }

    public PlanStatus From { get; set; }

    public PlanStatus To { get; set; }

    public required string By { get; set; }

    public DateTimeOffset At { get; set; }

    public string? Comment { get; set; }
}

/// <summary>The document a plan was read from: the file as uploaded and the text taken out of it.</summary>
public sealed class PlanSource
{
    public int Id { get; set; }

    public int PlanId { get; set; }

    public required string FileName { get; set; }

    public required string ContentType { get; set; }

    public required byte[] Content { get; set; }

    /// <summary>The text lines as the reader saw them (line numbers of findings point here).</summary>
    public required string Text { get; set; }

    public DateTimeOffset ImportedAt { get; set; }
}

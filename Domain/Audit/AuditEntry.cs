namespace HighServiceDashboard.Domain.Audit;

/// <summary>What happened to a row.</summary>
public enum AuditAction
{
    Added = 0,
    Modified = 1,
    Deleted = 2,
}

/// <summary>
/// One change to a plan, its points, a schedule, an agency, an account and the like: who, when,
/// what before and after (JSON of the changed fields). Written in the same save as the change;
/// nothing edits or deletes it.
/// </summary>
public sealed class AuditEntry
{
    public long Id { get; set; }

    public DateTimeOffset At { get; set; }

    /// <summary>The account name, or "system" for the daily job and "cli" for the command line.</summary>
    public required string Actor { get; set; }

    /// <summary>The entity's kind in code (Plan, FocusPoint, Milestone, AppUser …).</summary>
    public required string EntityType { get; set; }

    /// <summary>The row's key, as text.</summary>
    public required string EntityKey { get; set; }

    public AuditAction Action { get; set; }

    /// <summary>The agency the row belongs to, where it has one: the commission filters by it.</summary>
    public int? AgencyId { get; set; }

    /// <summary>The changed fields before, as JSON; null for an added row.</summary>
    public string? Before { get; set; }

    /// <summary>The changed fields after, as JSON; null for a deleted row.</summary>
    public string? After { get; set; }
}

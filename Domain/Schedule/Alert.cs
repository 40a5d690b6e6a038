namespace HighServiceDashboard.Domain.Schedule;

/// <summary>
/// An alert the daily evaluation raised for one obligation: at most one per obligation and kind,
/// so a repeated run never raises it again. Mail goes out through its <see cref="AlertDelivery"/> rows.
/// </summary>
public sealed class Alert
{
    public int Id { get; set; }

    public int ObligationId { get; set; }

    public Obligation? Obligation { get; set; }

    public AlertKind Kind { get; set; }

    public AlertRecipients Recipients { get; set; }

    /// <summary>The day the evaluation ran for (Taipei).</summary>
    public DateOnly RaisedOn { get; set; }

    public DateTimeOffset RaisedAt { get; set; }

    /// <summary>When someone first marked it read in the dashboard (or the system, for a reader with no account).</summary>
    public DateTimeOffset? ReadAt { get; set; }

    public List<AlertDelivery> Deliveries { get; set; } = [];

    /// <summary>Who has read it: each person's bell counts what they have not read themselves.</summary>
    public List<AlertRead> Reads { get; set; } = [];
}

/// <summary>One person's having read an alert.</summary>
public sealed class AlertRead
{
    public int AlertId { get; set; }

    public Alert? Alert { get; set; }

    public required string UserId { get; set; }

    public DateTimeOffset ReadAt { get; set; }
}

public enum DeliveryStatus
{
    Pending = 0,
    Sent = 1,

    /// <summary>Committed before the SMTP conversation: left so by a crash, the mail is sent again with the same Message-ID.</summary>
    Sending = 2,
}

/// <summary>
/// One mail of an alert to one address, at least once: marked <see cref="DeliveryStatus.Sending"/>
/// with its Message-ID before the SMTP conversation and <see cref="DeliveryStatus.Sent"/> after it; a
/// failure puts it back to pending for the job's retry, a crash leaves it sending for the next run.
/// </summary>
public sealed class AlertDelivery
{
    public int Id { get; set; }

    public int AlertId { get; set; }

    public Alert? Alert { get; set; }

    public required string Address { get; set; }

    /// <summary>Whom the address stands for, e.g. 機關首長; said in the mail.</summary>
    public AlertRecipients Role { get; set; }

    /// <summary>Whether the agency had no address of its own for the role and the commission's was used.</summary>
    public bool IsFallback { get; set; }

    public DeliveryStatus Status { get; set; }

    public int Attempts { get; set; }

    public DateTimeOffset? SentAt { get; set; }

    public string? LastError { get; set; }

    /// <summary>The mail's Message-ID, made at the first attempt and kept: a copy sent again after a crash carries the same, so mail clients fold it.</summary>
    public string? MessageId { get; set; }
}

/// <summary>Which person of an agency an address belongs to, until accounts come.</summary>
public enum ContactRole
{
    Coordinator = 0,
    Head = 1,
}

/// <summary>An agency's mail address for a role (kept apart from <c>Agency</c> until accounts replace it).</summary>
public sealed class AgencyContact
{
    public int Id { get; set; }

    public int AgencyId { get; set; }

    public ContactRole Role { get; set; }

    public required string Email { get; set; }
}

/// <summary>
/// An iCalendar feed of deadlines behind a secret token: an agency's (with its subordinates), or a
/// person's (every agency where the address is a contact).
/// </summary>
public sealed class CalendarFeed
{
    public int Id { get; set; }

    public required string Token { get; set; }

    public int? AgencyId { get; set; }

    public string? Email { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
}

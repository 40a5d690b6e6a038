namespace HighServiceDashboard.Infrastructure.Audit;

/// <summary>
/// Who is acting in the current flow of work, for the audit log: set by the web app for each
/// request and each circuit event, by the command line for its verbs; the daily job and anything
/// else run without a person is "system".
/// </summary>
public sealed class AuditActor
{
    public const string System = "system";

    private static readonly AsyncLocal<string?> Current = new();

    public string Name => Current.Value ?? System;

    /// <summary>Acts as <paramref name="name"/> in this flow (and the tasks it starts) until it is set again.</summary>
    public void Set(string? name) => Current.Value = string.IsNullOrWhiteSpace(name) ? null : name;
}

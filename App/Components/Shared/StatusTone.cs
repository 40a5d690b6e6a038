namespace HighServiceDashboard.App.Components.Shared;

/// <summary>
/// What a status means, independent of its wording: each tone has its own colour and its own icon,
/// so that it is never told by colour alone.
/// </summary>
public enum StatusTone
{
    Neutral,
    Success,
    Info,
    Warning,
    Error,
}

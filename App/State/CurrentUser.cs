namespace HighServiceDashboard.App.State;

/// <summary>
/// Who is acting in this circuit, as the review history and audit record it. Until accounts exist
/// everyone acts as the dashboard's one anonymous user, named so in the history.
/// </summary>
public sealed class CurrentUser
{
    public string Name { get; } = "dashboard";
}

namespace HighServiceDashboard.App.State;

/// <summary>What the host page read from the person's cookies, handed to the layout.</summary>
public sealed record StartupPreferences(int? Year, bool DarkMode);

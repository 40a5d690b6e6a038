namespace HighServiceDashboard.App.Components.Pages.Plans.Components;

/// <summary>A sub-item as a choice in a select: its code and a short label.</summary>
public sealed record SubItemChoice(string Code, string Label);

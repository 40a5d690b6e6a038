using HighServiceDashboard.Domain.Schedule;
using Microsoft.Extensions.Localization;
using HighServiceDashboard.App.Components.Shared;
using MudBlazor;

namespace HighServiceDashboard.App.Components.Pages.Schedule;

/// <summary>Words and icons for the schedule's states and kinds: status is said in text and icon, never by colour alone.</summary>
public static class ScheduleLabels
{
    public static string State(IStringLocalizer l, ObligationState state) => l[$"Schedule.State.{state}"];

    public static string StateIcon(ObligationState state) => state switch
    {
        ObligationState.Done => Icons.Material.Filled.CheckCircle,
        ObligationState.Late => Icons.Material.Filled.Error,
        ObligationState.Waived => Icons.Material.Filled.DoNotDisturbOn,
        ObligationState.Open => Icons.Material.Filled.PendingActions,
        _ => Icons.Material.Filled.Schedule,
    };

    /// <summary>The badge tone of a state: late an error, open in progress, the rest neutral.</summary>
    public static StatusTone StateTone(ObligationState state) => state switch
    {
        ObligationState.Late => StatusTone.Error,
        ObligationState.Open => StatusTone.Info,
        _ => StatusTone.Neutral,
    };

    public static Color StateColor(ObligationState state) => state switch
    {
        ObligationState.Done => Color.Success,
        ObligationState.Late => Color.Error,
        ObligationState.Open => Color.Info,
        _ => Color.Default,
    };

    public static string Kind(IStringLocalizer l, ObligationKind kind) => l[$"Schedule.Kind.{kind}"];

    public static string Alert(IStringLocalizer l, AlertKind kind) => l[$"Alerts.Kind.{kind}"];

    public static string AlertIcon(AlertKind kind) => kind switch
    {
        AlertKind.Late => Icons.Material.Filled.Error,
        AlertKind.LateEscalatedToHead or AlertKind.LateEscalatedToCommission => Icons.Material.Filled.Campaign,
        AlertKind.DueToday => Icons.Material.Filled.Today,
        _ => Icons.Material.Filled.NotificationsActive,
    };

    public static string Recipients(IStringLocalizer l, AlertRecipients r) => string.Join("、",
        new[] { AlertRecipients.Coordinator, AlertRecipients.Head, AlertRecipients.Commission }.Where(x => r.HasFlag(x)).Select(x => l[$"Alerts.To.{x}"].Value));
}

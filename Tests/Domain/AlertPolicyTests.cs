using HighServiceDashboard.Domain.Schedule;

namespace HighServiceDashboard.Tests.Domain;

public class AlertPolicyTests
{
    private static readonly DateOnly Due = new(2024, 4, 30);

    [Theory]
    [InlineData("2024-04-15", null)]
    [InlineData("2024-04-16", AlertKind.DueIn14Days)]
    [InlineData("2024-04-23", AlertKind.DueIn7Days)]
    [InlineData("2024-04-29", AlertKind.DueIn1Day)]
    [InlineData("2024-04-30", AlertKind.DueToday)]
    [InlineData("2024-05-01", AlertKind.Late)]
    [InlineData("2024-05-08", AlertKind.LateEscalatedToHead)]
    [InlineData("2024-05-15", AlertKind.LateEscalatedToCommission)]
    public void Next_NothingRaisedYet_GivesTheStageReachedThatDay(string today, AlertKind? expected)
    {
        Assert.Equal(expected, AlertPolicy.Next(ObligationResolution.Pending, Due, DateOnly.Parse(today), []));
    }

    [Fact]
    public void Next_StageAlreadyRaised_GivesNothing()
    {
        Assert.Null(AlertPolicy.Next(ObligationResolution.Pending, Due, new DateOnly(2024, 4, 20), [AlertKind.DueIn14Days]));
        Assert.Null(AlertPolicy.Next(ObligationResolution.Pending, Due, new DateOnly(2024, 5, 10), [AlertKind.Late, AlertKind.LateEscalatedToHead]));
    }

    [Fact]
    public void Next_AfterOutage_GivesOnlyTheCurrentStage()
    {
        // Last run raised the 14-day reminder; the server was down until two days before the due date.
        Assert.Equal(AlertKind.DueIn1Day, AlertPolicy.Next(ObligationResolution.Pending, Due, new DateOnly(2024, 4, 29), [AlertKind.DueIn14Days]));
        Assert.Equal(AlertKind.LateEscalatedToHead, AlertPolicy.Next(ObligationResolution.Pending, Due, new DateOnly(2024, 5, 11), [AlertKind.DueToday]));
    }

    [Theory]
    [InlineData(ObligationResolution.Done)]
    [InlineData(ObligationResolution.Waived)]
    public void Next_SettledObligation_GivesNothing(ObligationResolution resolution)
    {
        Assert.Null(AlertPolicy.Next(resolution, Due, new DateOnly(2024, 5, 15), []));
    }

    [Fact]
    public void Next_StageOlderThanCatchUpWindow_GivesNothing()
    {
        // Commission stage reached 2024-05-15; 30 days later is the last day it may still be raised.
        Assert.Equal(AlertKind.LateEscalatedToCommission, AlertPolicy.Next(ObligationResolution.Pending, Due, new DateOnly(2024, 6, 14), [], 30));
        Assert.Null(AlertPolicy.Next(ObligationResolution.Pending, Due, new DateOnly(2024, 6, 15), [], 30));
    }

    [Fact]
    public void RecipientsOf_Escalations_AddHeadThenCommission()
    {
        Assert.Equal(AlertRecipients.Coordinator, AlertPolicy.RecipientsOf(AlertKind.Late));
        Assert.Equal(AlertRecipients.Coordinator | AlertRecipients.Head, AlertPolicy.RecipientsOf(AlertKind.LateEscalatedToHead));
        Assert.Equal(AlertRecipients.Coordinator | AlertRecipients.Head | AlertRecipients.Commission, AlertPolicy.RecipientsOf(AlertKind.LateEscalatedToCommission));
    }
}

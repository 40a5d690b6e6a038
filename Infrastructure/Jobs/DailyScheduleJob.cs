using Hangfire;
using HighServiceDashboard.Domain.Calendar;
using HighServiceDashboard.Infrastructure.Schedule;
using Microsoft.Extensions.Logging;

namespace HighServiceDashboard.Infrastructure.Jobs;

/// <summary>What one daily run did.</summary>
public sealed record DailyRunResult(DateOnly AsOf, int ObligationsChanged, IReadOnlyList<RaisedAlert> Raised, DeliveryOutcome Delivery);

/// <summary>
/// The morning evaluation (07:00 Asia/Taipei by default, <c>Schedule:DailyCron</c>), also run by
/// <c>run-daily</c> on the command line: brings the obligations of this and last year in step with
/// the schedule, raises the alerts due as of the day, and mails them. Safe to run twice: a second
/// run the same day raises nothing and sends only what is still pending. When a mail fails the job
/// fails after everything else is done, and Hangfire's retry sends the rest.
/// </summary>
public sealed class DailyScheduleJob(
    ObligationService obligations,
    AlertEvaluator evaluator,
    AlertDeliveryService delivery,
    AlertNotifier notifier,
    TimeProvider clock,
    ILogger<DailyScheduleJob> logger)
{
    public const string RecurringJobId = "schedule-daily";

    /// <summary>The recurring job's entry: as of <paramref name="asOf"/>, or today in Taipei when null.</summary>
    [AutomaticRetry(Attempts = 5)]
    [DisableConcurrentExecution(timeoutInSeconds: 600)]
    public async Task RunAsync(DateOnly? asOf, CancellationToken ct)
    {
        var result = await RunForAsync(asOf ?? clock.Today(), ct);
        if (result.Delivery.Failed > 0)
        {
            throw new MailDeliveryException($"{result.Delivery.Failed} alert mail(s) could not be sent; they stay pending for the retry.");
        }
    }

    public async Task<DailyRunResult> RunForAsync(DateOnly asOf, CancellationToken ct = default)
    {
        var changed = await obligations.SyncCurrentYearsAsync(asOf, ct);
        var raised = await evaluator.RaiseAsync(asOf, ct);
        var outcome = await delivery.DeliverPendingAsync(ct);
        if (raised.Count > 0)
        {
            notifier.Notify();
        }

        logger.LogInformation("Daily schedule run for {AsOf}: {Changed} obligation rows changed, {Raised} alerts raised, {Sent} mails sent, {Failed} failed",
            asOf, changed, raised.Count, outcome.Sent, outcome.Failed);
        return new DailyRunResult(asOf, changed, raised, outcome);
    }
}

/// <summary>Some alert mails could not be sent; the job fails so that Hangfire retries it.</summary>
public sealed class MailDeliveryException(string message) : Exception(message);

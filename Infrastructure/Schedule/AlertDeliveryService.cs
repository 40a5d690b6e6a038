using HighServiceDashboard.Domain.Schedule;
using HighServiceDashboard.Infrastructure.Data;
using HighServiceDashboard.Infrastructure.Mail;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace HighServiceDashboard.Infrastructure.Schedule;

/// <summary>What one delivery round did.</summary>
public sealed record DeliveryOutcome(int Sent, int Failed);

/// <summary>
/// Sends the mails of raised alerts that have not gone out yet, at least once. Each delivery is
/// committed as <see cref="DeliveryStatus.Sending"/> with its Message-ID (made at the first attempt,
/// then kept) before the SMTP conversation, and as <see cref="DeliveryStatus.Sent"/> after it. A
/// failure puts it back to pending with the error; a crash between the server's acceptance and the
/// second commit leaves it sending, and the next round sends it again with the same Message-ID, so
/// the recipient's mail client folds the copy. No other mail is ever sent twice.
/// </summary>
public sealed class AlertDeliveryService(
    IDbContextFactory<AppDbContext> contextFactory,
    IMailSender sender,
    AlertMailComposer composer,
    TimeProvider clock,
    ILogger<AlertDeliveryService> logger)
{
    /// <summary>Deliveries read per query, each batch by a fresh context that tracks nothing, so a round is linear in its mails.</summary>
    private const int BatchSize = 100;

    public async Task<DeliveryOutcome> DeliverPendingAsync(CancellationToken ct = default)
    {
        int sent = 0, failed = 0, after = 0;
        while (true)
        {
            var batch = await NextBatchAsync(after, ct);
            if (batch.Count == 0)
            {
                return new DeliveryOutcome(sent, failed);
            }

            await using var db = await contextFactory.CreateDbContextAsync(ct);
            foreach (var mail in batch)
            {
                after = mail.DeliveryId;
                await db.AlertDeliveries.Where(d => d.Id == mail.DeliveryId)
                    .ExecuteUpdateAsync(u => u
                        .SetProperty(d => d.Status, DeliveryStatus.Sending)
                        .SetProperty(d => d.MessageId, mail.MessageId)
                        .SetProperty(d => d.Attempts, d => d.Attempts + 1), ct);
                try
                {
                    await sender.SendAsync(composer.Compose(mail), ct);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    logger.LogWarning(ex, "Mail for alert {AlertId} to {Address} failed", mail.AlertId, mail.Address);
                    var error = ex.Message.Length > 1000 ? ex.Message[..1000] : ex.Message;
                    await db.AlertDeliveries.Where(d => d.Id == mail.DeliveryId)
                        .ExecuteUpdateAsync(u => u.SetProperty(d => d.Status, DeliveryStatus.Pending).SetProperty(d => d.LastError, error), ct);
                    failed++;
                    continue;
                }

                var now = clock.GetUtcNow();
                // Not cancellable: the server took the mail, so record it even if the run is being stopped.
                await db.AlertDeliveries.Where(d => d.Id == mail.DeliveryId)
                    .ExecuteUpdateAsync(u => u
                        .SetProperty(d => d.Status, DeliveryStatus.Sent)
                        .SetProperty(d => d.SentAt, now)
                        .SetProperty(d => d.LastError, (string?)null), CancellationToken.None);
                sent++;
            }
        }
    }

    /// <summary>The next deliveries not sent yet (pending, or left sending by a crash) after the given id, with their Message-ID.</summary>
    private async Task<List<AlertMail>> NextBatchAsync(int after, CancellationToken ct)
    {
        await using var db = await contextFactory.CreateDbContextAsync(ct);
        var rows = await db.AlertDeliveries.AsNoTracking()
            .Where(d => d.Id > after && (d.Status == DeliveryStatus.Pending || d.Status == DeliveryStatus.Sending))
            .OrderBy(d => d.Id)
            .Take(BatchSize)
            .Select(d => new AlertMail(d.AlertId, d.Id, d.Alert!.Kind, d.Alert.RaisedOn, d.Alert.RaisedAt, d.Address, d.Role, d.IsFallback,
                d.Alert.Obligation!.AgencyId, d.Alert.Obligation.Agency!.Name, d.Alert.Obligation.Title, d.Alert.Obligation.UnitName,
                d.Alert.Obligation.RocYear, d.Alert.Obligation.DueOn, d.MessageId ?? ""))
            .ToListAsync(ct);
        return rows.Select(m => m.MessageId.Length > 0 ? m : m with { MessageId = AlertMailComposer.NewMessageId(m.AlertId, m.DeliveryId) }).ToList();
    }
}

using HighServiceDashboard.Domain.Schedule;
using HighServiceDashboard.Infrastructure.Data;
using HighServiceDashboard.Infrastructure.Mail;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace HighServiceDashboard.Infrastructure.Schedule;

/// <summary>What one delivery round did.</summary>
public sealed record DeliveryOutcome(int Sent, int Failed);

/// <summary>
/// Sends the mails of raised alerts that have not gone out yet, marking each sent as soon as the
/// server took it. A failure leaves the delivery pending (with the error) for the next attempt:
/// the alert itself is never raised again.
/// </summary>
public sealed class AlertDeliveryService(
    IDbContextFactory<AppDbContext> contextFactory,
    IMailSender sender,
    AlertMailComposer composer,
    TimeProvider clock,
    ILogger<AlertDeliveryService> logger)
{
    public async Task<DeliveryOutcome> DeliverPendingAsync(CancellationToken ct = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(ct);
        var pending = await db.AlertDeliveries
            .Where(d => d.Status == DeliveryStatus.Pending)
            .OrderBy(d => d.Id)
            .Select(d => new
            {
                d.Id,
                Mail = new AlertMail(d.AlertId, d.Id, d.Alert!.Kind, d.Alert.RaisedOn, d.Alert.RaisedAt, d.Address, d.Role, d.IsFallback,
                    d.Alert.Obligation!.AgencyId, d.Alert.Obligation.Agency!.Name, d.Alert.Obligation.Title, d.Alert.Obligation.UnitName,
                    d.Alert.Obligation.RocYear, d.Alert.Obligation.DueOn),
            })
            .ToListAsync(ct);

        var ids = pending.Select(p => p.Id).ToList();
        var tracked = await db.AlertDeliveries.Where(d => ids.Contains(d.Id)).ToDictionaryAsync(d => d.Id, ct);
        int sent = 0, failed = 0;
        foreach (var p in pending)
        {
            var delivery = tracked[p.Id];
            delivery.Attempts++;
            try
            {
                await sender.SendAsync(composer.Compose(p.Mail), ct);
                delivery.Status = DeliveryStatus.Sent;
                delivery.SentAt = clock.GetUtcNow();
                delivery.LastError = null;
                sent++;
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogWarning(ex, "Mail for alert {AlertId} to {Address} failed", p.Mail.AlertId, p.Mail.Address);
                delivery.LastError = ex.Message.Length > 1000 ? ex.Message[..1000] : ex.Message;
                failed++;
            }

            // Saved one by one: a mail the server took is marked sent even if a later one fails or the process dies.
            await db.SaveChangesAsync(ct);
        }

        return new DeliveryOutcome(sent, failed);
    }
}

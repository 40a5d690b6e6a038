using HighServiceDashboard.Domain.Access;
using HighServiceDashboard.Domain.Agencies;
using HighServiceDashboard.Domain.Schedule;
using HighServiceDashboard.Infrastructure.Data;
using HighServiceDashboard.Infrastructure.Identity;
using HighServiceDashboard.Infrastructure.Mail;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace HighServiceDashboard.Infrastructure.Schedule;

/// <summary>One address an alert goes to.</summary>
public sealed record AlertAddress(string Address, AlertRecipients Role, bool IsFallback);

/// <summary>
/// Who gets an alert until accounts come: roles by agency (its coordinator, its head) with an
/// address per agency in <c>AgencyContacts</c>, and the commission's address from configuration.
/// A role with no address falls back to the commission's, so no alert goes unsent.
/// </summary>
public sealed class ContactBook(IDbContextFactory<AppDbContext> contextFactory, IOptions<MailOptions> options, AccessService access)
{
    public async Task<Func<int, AlertRecipients, IReadOnlyList<AlertAddress>>> LoadAsync(CancellationToken ct = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(ct);
        var contacts = (await db.AgencyContacts.AsNoTracking().ToListAsync(ct)).ToDictionary(c => (c.AgencyId, c.Role), c => c.Email);
        var commission = options.Value.CommissionAddress;
        return (agencyId, recipients) =>
        {
            var list = new List<AlertAddress>();
            void Add(AlertRecipients role, string? email)
            {
                var (address, fallback) = email is null ? (commission, role != AlertRecipients.Commission) : (email, false);
                var i = list.FindIndex(a => string.Equals(a.Address, address, StringComparison.OrdinalIgnoreCase));
                if (i < 0)
                {
                    list.Add(new AlertAddress(address, role, fallback));
                }
                else
                {
                    list[i] = list[i] with { Role = list[i].Role | role, IsFallback = list[i].IsFallback && fallback };
                }
            }

            if (recipients.HasFlag(AlertRecipients.Coordinator))
            {
                Add(AlertRecipients.Coordinator, contacts.GetValueOrDefault((agencyId, ContactRole.Coordinator)));
            }

            if (recipients.HasFlag(AlertRecipients.Head))
            {
                Add(AlertRecipients.Head, contacts.GetValueOrDefault((agencyId, ContactRole.Head)));
            }

            if (recipients.HasFlag(AlertRecipients.Commission))
            {
                Add(AlertRecipients.Commission, commission);
            }

            return list;
        };
    }

    public async Task<IReadOnlyDictionary<ContactRole, string>> GetAsync(int agencyId, CancellationToken ct = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(ct);
        return await db.AgencyContacts.Where(c => c.AgencyId == agencyId).ToDictionaryAsync(c => c.Role, c => c.Email, ct);
    }

    /// <summary>
    /// Sets or clears (blank) an agency's address for a role, for <paramref name="who"/>: the agency's
    /// own head or coordinator, or the commission's administrator. Not found for an agency the person
    /// does not read, forbidden for one they only read; refused for an address that is not one.
    /// </summary>
    public async Task<CommandResult> SetAsync(Principal? who, int agencyId, ContactRole role, string? email, CancellationToken ct = default)
    {
        var policy = await access.PolicyAsync(ct);
        if (who is null || !policy.CanRead(who, agencyId))
        {
            return CommandResult.Fail(AgencyMessages.NotFound);
        }

        if (!policy.CanEditAgencyContent(who, agencyId))
        {
            return CommandResult.Fail(AgencyMessages.Forbidden);
        }

        email = email?.Trim();
        if (!string.IsNullOrEmpty(email) && !MimeKit.MailboxAddress.TryParse(email, out _))
        {
            return CommandResult.Fail("Validation.Schedule.Email");
        }

        await using var db = await contextFactory.CreateDbContextAsync(ct);
        var existing = await db.AgencyContacts.FirstOrDefaultAsync(c => c.AgencyId == agencyId && c.Role == role, ct);
        if (string.IsNullOrEmpty(email))
        {
            if (existing is not null)
            {
                db.AgencyContacts.Remove(existing);
            }
        }
        else if (existing is null)
        {
            db.AgencyContacts.Add(new AgencyContact { AgencyId = agencyId, Role = role, Email = email });
        }
        else
        {
            existing.Email = email;
        }

        await db.SaveChangesAsync(ct);
        return CommandResult.Ok();
    }
}

using System.Security.Cryptography;
using HighServiceDashboard.Domain.Access;
using HighServiceDashboard.Domain.Agencies;
using HighServiceDashboard.Domain.Calendar;
using HighServiceDashboard.Domain.Schedule;
using HighServiceDashboard.Infrastructure.Data;
using HighServiceDashboard.Infrastructure.Identity;
using HighServiceDashboard.Infrastructure.Mail;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace HighServiceDashboard.Infrastructure.Schedule;

/// <summary>
/// iCalendar (.ics) feeds of deadlines behind a secret token: an agency's (with its
/// subordinates') or a person's (the agencies where the address is a contact). A calendar program
/// subscribes to the address; whoever has the address can read the feed, so the token is long and
/// random, is handed only to someone who may read what it lists, and its owner can revoke it.
/// </summary>
public sealed class CalendarFeedService(IDbContextFactory<AppDbContext> contextFactory, ObligationQueries queries, TimeProvider clock, IOptions<MailOptions> mail, AccessService access)
{
    /// <summary>The agency's feed token, created on first ask; null (not found) for an agency the person does not read.</summary>
    public async Task<string?> GetAgencyTokenAsync(Principal? who, int agencyId, CancellationToken ct = default)
    {
        if (!await access.CanReadAsync(who, agencyId, ct))
        {
            return null;
        }

        return await GetOrCreateAsync(f => f.AgencyId == agencyId, () => new CalendarFeed { Token = "", AgencyId = agencyId }, ct);
    }

    /// <summary>
    /// A person's feed token (by the address they are a contact under), created on first ask: only
    /// for the person's own account address, or an address saved as a contact of an agency the person
    /// reads. Null (not found) for any other address, typed or not.
    /// </summary>
    public async Task<string?> GetPersonalTokenAsync(Principal? who, string email, CancellationToken ct = default)
    {
        if (who is null || string.IsNullOrWhiteSpace(email))
        {
            return null;
        }

        var normalised = email.Trim().ToLowerInvariant();
        await using (var db = await contextFactory.CreateDbContextAsync(ct))
        {
            var own = await OwnAddressAsync(db, who, ct);
            if (own != normalised)
            {
                var readable = await access.ReadableAsync(who, ct);
                var contactOf = await db.AgencyContacts.Where(c => c.Email.ToLower() == normalised).Select(c => c.AgencyId).ToListAsync(ct);
                if (!contactOf.Any(id => readable is null || readable.Contains(id)))
                {
                    return null;
                }
            }
        }

        return await GetOrCreateAsync(f => f.Email == normalised, () => new CalendarFeed { Token = "", Email = normalised }, ct);
    }

    /// <summary>
    /// Revokes the person's own feed (the one of their account's address): its address answers 404
    /// from now on, and the next ask makes a new one. False when there was none.
    /// </summary>
    public async Task<bool> RevokeOwnTokenAsync(Principal? who, CancellationToken ct = default)
    {
        if (who is null)
        {
            return false;
        }

        await using var db = await contextFactory.CreateDbContextAsync(ct);
        if (await OwnAddressAsync(db, who, ct) is not { } own)
        {
            return false;
        }

        return await db.CalendarFeeds.Where(f => f.Email == own).ExecuteDeleteAsync(ct) > 0;
    }

    /// <summary>The person's own account address, lower-cased, or null.</summary>
    private static async Task<string?> OwnAddressAsync(AppDbContext db, Principal who, CancellationToken ct) =>
        (await db.Users.Where(u => u.UserName == who.UserId).Select(u => u.Email).FirstOrDefaultAsync(ct))?.Trim().ToLowerInvariant();

    private async Task<string> GetOrCreateAsync(System.Linq.Expressions.Expression<Func<CalendarFeed, bool>> match, Func<CalendarFeed> create, CancellationToken ct)
    {
        await using var db = await contextFactory.CreateDbContextAsync(ct);
        var feed = await db.CalendarFeeds.FirstOrDefaultAsync(match, ct);
        if (feed is null)
        {
            feed = create();
            feed.Token = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(24));
            feed.CreatedAt = clock.GetUtcNow();
            db.CalendarFeeds.Add(feed);
            await db.SaveChangesAsync(ct);
        }

        return feed.Token;
    }

    /// <summary>The feed's calendar text, or null for an unknown token. Holds last year's and later deadlines.</summary>
    public async Task<string?> RenderAsync(string token, CancellationToken ct = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(ct);
        var feed = await db.CalendarFeeds.AsNoTracking().FirstOrDefaultAsync(f => f.Token == token, ct);
        if (feed is null)
        {
            return null;
        }

        var agencies = await db.Agencies.AsNoTracking().ToListAsync(ct);
        IReadOnlyCollection<int> ids;
        string name;
        if (feed.AgencyId is { } agencyId)
        {
            ids = AgencyTree.SelfAndDescendants(agencyId, agencies).ToList();
            name = $"{agencies.FirstOrDefault(a => a.Id == agencyId)?.Name} 提升服務期程";
        }
        else
        {
            var own = await db.AgencyContacts.Where(c => c.Email.ToLower() == feed.Email).Select(c => c.AgencyId).ToListAsync(ct);
            ids = own.SelectMany(id => AgencyTree.SelfAndDescendants(id, agencies)).Distinct().ToList();
            name = $"{feed.Email} 的提升服務期程";
        }

        var today = clock.Today();
        var rows = await queries.ForAgenciesAsync(ids, RocCalendar.RocYearOf(today) - 1, today, ct);
        return Serialize(name, rows);
    }

    private string Serialize(string name, IReadOnlyList<ObligationRow> rows)
    {
        var calendar = new Ical.Net.Calendar { ProductId = "-//Kaohsiung City Government//HighServiceDashboard//ZH-TW" };
        calendar.AddProperty("X-WR-CALNAME", name);
        calendar.AddProperty("X-WR-TIMEZONE", "Asia/Taipei");
        var baseUrl = mail.Value.DashboardUrl.TrimEnd('/');
        foreach (var r in rows)
        {
            var state = r.State switch
            {
                ObligationState.Done => "（已完成）",
                ObligationState.Waived => "（已免辦）",
                ObligationState.Late => "（已逾期）",
                _ => "",
            };
            var link = $"{baseUrl}/schedule/agencies/{r.AgencyId}?year={r.RocYear}";
            calendar.Events.Add(new CalendarEvent
            {
                Uid = $"obligation-{r.Id}@highservice.local",
                Summary = $"{r.AgencyName}：{r.Title}{state}",
                Description = $"期限：{RocCalendar.FormatDate(r.DueOn)}\n{(r.UnitName is null ? "" : $"負責單位：{r.UnitName}\n")}{link}",
                DtStart = new CalDateTime(r.DueOn),
                DtEnd = new CalDateTime(r.DueOn.AddDays(1)),
                Url = new Uri(link),
            });
        }

        return new CalendarSerializer().SerializeToString(calendar) ?? "";
    }
}

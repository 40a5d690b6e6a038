using System.Security.Cryptography;
using HighServiceDashboard.Domain.Agencies;
using HighServiceDashboard.Domain.Calendar;
using HighServiceDashboard.Domain.Schedule;
using HighServiceDashboard.Infrastructure.Data;
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
/// subscribes to the address; whoever has the address can read the feed, so the token is long and random.
/// </summary>
public sealed class CalendarFeedService(IDbContextFactory<AppDbContext> contextFactory, ObligationQueries queries, TimeProvider clock, IOptions<MailOptions> mail)
{
    /// <summary>The agency's feed token, created on first ask.</summary>
    public Task<string> GetAgencyTokenAsync(int agencyId, CancellationToken ct = default) =>
        GetOrCreateAsync(f => f.AgencyId == agencyId, () => new CalendarFeed { Token = "", AgencyId = agencyId }, ct);

    /// <summary>A person's feed token (by the address they are a contact under), created on first ask.</summary>
    public Task<string> GetPersonalTokenAsync(string email, CancellationToken ct = default)
    {
        var normalised = email.Trim().ToLowerInvariant();
        return GetOrCreateAsync(f => f.Email == normalised, () => new CalendarFeed { Token = "", Email = normalised }, ct);
    }

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

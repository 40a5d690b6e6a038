using HighServiceDashboard.Domain.Access;
using HighServiceDashboard.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace HighServiceDashboard.Infrastructure.Identity;

/// <summary>
/// The access rules over the agency tree as it stands now (a move or a new subordinate counts at
/// once). Pages, component actions and endpoints ask here before they read or change an agency's data.
/// </summary>
public sealed class AccessService(IDbContextFactory<AppDbContext> contextFactory)
{
    public async Task<AccessPolicy> PolicyAsync(CancellationToken ct = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(ct);
        var agencies = await db.Agencies.AsNoTracking().Select(a => new { a.Id, a.ParentId, a.Level }).ToListAsync(ct);
        return new AccessPolicy(agencies.Select(a => (a.Id, a.ParentId, a.Level)));
    }

    public async Task<bool> CanReadAsync(Principal? who, int agencyId, CancellationToken ct = default) =>
        who is not null && (who.IsCommission || (await PolicyAsync(ct)).CanRead(who, agencyId));

    public async Task<string?> UnitNameAsync(int unitId, CancellationToken ct = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(ct);
        return await db.Units.Where(u => u.Id == unitId).Select(u => u.Name).FirstOrDefaultAsync(ct);
    }

    /// <summary>The agencies a person may read, for scoped queries; null for every agency (the commission).</summary>
    public async Task<IReadOnlySet<int>?> ReadableAsync(Principal who, CancellationToken ct = default) =>
        who.IsCommission ? null : (await PolicyAsync(ct)).ReadableAgencies(who);
}

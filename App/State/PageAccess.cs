using HighServiceDashboard.Domain.Access;
using HighServiceDashboard.Infrastructure.Identity;
using HighServiceDashboard.Infrastructure.Schedule;

namespace HighServiceDashboard.App.State;

/// <summary>
/// The access rules as a page or a component action asks them, for the person of this circuit.
/// The check runs on the server before anything is read or changed; a refusal is logged.
/// </summary>
public sealed class PageAccess(CurrentUser user, AccessService access, ILogger<PageAccess> logger)
{
    private AccessPolicy? _policy;

    public Task<Principal?> WhoAsync() => user.GetAsync();

    public async Task<bool> IsAdminAsync() => await user.GetAsync() is { } who && AccessPolicy.CanAdminister(who);

    public async Task<bool> IsCommissionAsync() => await user.GetAsync() is { IsCommission: true };

    public async Task<bool> CanReadAsync(int agencyId) => await CheckAsync(agencyId, "read", (p, w) => p.CanRead(w, agencyId));

    /// <summary>Edit the agency's plan, results, contacts and obligations: its head, coordinator, or an administrator.</summary>
    public async Task<bool> CanEditAsync(int agencyId) => await CheckAsync(agencyId, "edit", (p, w) => p.CanEditAgencyContent(w, agencyId));

    /// <summary>
    /// How much of the agency's plan the person edits: all of it (head, coordinator, administrator),
    /// the focus points of their own unit (the agency's unit staff), or nothing (null, and logged).
    /// </summary>
    public async Task<PlanEditRight?> PlanEditRightAsync(int agencyId)
    {
        if (await user.GetAsync() is not { } who)
        {
            return null;
        }

        var policy = await PolicyAsync();
        if (policy.CanEditAgencyContent(who, agencyId))
        {
            return PlanEditRight.Whole;
        }

        if (AccessPolicy.CanEditOwnUnitParts(who, agencyId) && await access.UnitNameAsync(who.UnitId!.Value) is { } unitName)
        {
            return new PlanEditRight(who.UnitId, unitName);
        }

        logger.LogWarning("Forbidden: {User} ({Role}) may not edit the plan of agency {AgencyId}", who.UserId, who.Role, agencyId);
        return null;
    }

    /// <summary>Return or approve what the agency submitted: its reviewer (the commission for first-level agencies, the parent for second-level).</summary>
    public async Task<bool> CanReviewAsync(int agencyId) => await CheckAsync(agencyId, "review", (p, w) => p.CanReview(w, agencyId));

    /// <summary>Settle what the agency owes: whoever edits its content, or reviews it.</summary>
    public async Task<bool> CanSettleAsync(int agencyId) =>
        await CheckAsync(agencyId, "settle", (p, w) => p.CanEditAgencyContent(w, agencyId) || p.CanReview(w, agencyId));

    /// <summary>The agencies this person reads, for lists; null for every agency.</summary>
    public async Task<IReadOnlySet<int>?> ReadableAsync() =>
        await user.GetAsync() is { } who ? who.IsCommission ? null : (await PolicyAsync()).ReadableAgencies(who) : new HashSet<int>();

    /// <summary>
    /// The alerts this person sees: staff their unit's, heads and coordinators their agency's and
    /// its subordinates', the commission everything (its bell: what is late).
    /// </summary>
    public async Task<AlertScope> AlertScopeAsync(bool forBell)
    {
        if (await user.GetAsync() is not { } who)
        {
            return new AlertScope(new HashSet<int>());
        }

        if (who.IsCommission)
        {
            return new AlertScope(null, LateOnly: forBell) { Reader = who.UserId };
        }

        if (who.Role == Role.UnitStaff)
        {
            var unit = who.UnitId is { } id ? await access.UnitNameAsync(id) : null;
            return new AlertScope(new HashSet<int> { who.AgencyId }, unit ?? AlertScope.NoUnit) { Reader = who.UserId };
        }

        return new AlertScope((await PolicyAsync()).ReadableAgencies(who)) { Reader = who.UserId };
    }

    /// <summary>Quietly: whether the person could, for showing or hiding a button (the action checks again).</summary>
    public async Task<bool> MayAsync(Func<AccessPolicy, Principal, bool> rule) => await user.GetAsync() is { } who && rule(await PolicyAsync(), who);

    private async Task<bool> CheckAsync(int agencyId, string what, Func<AccessPolicy, Principal, bool> rule)
    {
        if (await user.GetAsync() is not { } who)
        {
            return false;
        }

        var allowed = rule(await PolicyAsync(), who);
        if (!allowed)
        {
            logger.LogWarning("Forbidden: {User} ({Role}) may not {What} agency {AgencyId}", who.UserId, who.Role, what, agencyId);
        }

        return allowed;
    }

    private async Task<AccessPolicy> PolicyAsync() => _policy ??= await access.PolicyAsync();
}

/// <summary>What of a plan a person edits: everything, or only the focus points naming <see cref="UnitName"/>.</summary>
public sealed record PlanEditRight(int? OnlyUnitId, string? UnitName)
{
    public static readonly PlanEditRight Whole = new(null, null);

    public bool IsUnitOnly => OnlyUnitId is not null;
}

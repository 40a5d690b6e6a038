using HighServiceDashboard.Domain.Access;
using HighServiceDashboard.Infrastructure.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace HighServiceDashboard.Infrastructure.Identity;

/// <summary>
/// One account for each role over the agencies of the sample plans, for trying the dashboard in
/// Development (and in the tests). Never in Production: there the first administrator comes from
/// <c>create-admin</c>. The README lists them; all share <see cref="Password"/>.
/// </summary>
public sealed class DemoAccounts(IServiceScopeFactory scopes, IDbContextFactory<AppDbContext> contextFactory, TimeProvider clock, ILogger<DemoAccounts> logger)
{
    public const string Password = "Demo-2026-hsd";

    public static IReadOnlyList<(string UserName, string DisplayName, Role Role, string Agency, string? Unit)> All { get; } =
    [
        ("admin", "研考會管理者（示範）", Role.CommissionAdmin, AccountService.CommissionAgencyName, "管制考核組"),
        ("reviewer", "研考會承辦（示範）", Role.CommissionReviewer, AccountService.CommissionAgencyName, "管制考核組"),
        ("finance.head", "財政局局長（示範）", Role.AgencyHead, "高雄市政府財政局", null),
        ("finance.coordinator", "財政局秘書室承辦（示範）", Role.AgencyCoordinator, "高雄市政府財政局", "秘書室"),
        ("finance.staff", "財政局菸酒管理科承辦（示範）", Role.UnitStaff, "高雄市政府財政局", "菸酒管理科"),
        ("pawnshop.coordinator", "動產質借所承辦（示範）", Role.AgencyCoordinator, "高雄市政府財政局動產質借所", "總務課"),
        ("pawnshop.staff", "動產質借所業務課承辦（示範）", Role.UnitStaff, "高雄市政府財政局動產質借所", "業務課"),
        ("tax.coordinator", "稅捐稽徵處承辦（示範）", Role.AgencyCoordinator, "高雄市稅捐稽徵處", "秘書室"),
        ("works.coordinator", "工務局秘書室承辦（示範）", Role.AgencyCoordinator, "高雄市政府工務局", "秘書室"),
        ("niaosong.head", "鳥松區長（示範）", Role.AgencyHead, "高雄市鳥松區公所", null),
        ("niaosong.staff", "鳥松區公所民政課承辦（示範）", Role.UnitStaff, "高雄市鳥松區公所", "民政課"),
    ];

    /// <summary>Adds the demo accounts that are missing; a second start changes nothing.</summary>
    public async Task SeedAsync(CancellationToken ct = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(ct);
        var agencies = await db.Agencies.AsNoTracking().Select(a => new { a.Id, a.Name }).ToDictionaryAsync(a => a.Name, a => a.Id, ct);
        var units = await db.Units.AsNoTracking().Select(u => new { u.Id, u.AgencyId, u.Name }).ToListAsync(ct);
        var existing = (await db.Users.Select(u => u.UserName).ToListAsync(ct)).ToHashSet(StringComparer.OrdinalIgnoreCase);

        await using var scope = scopes.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        foreach (var (name, display, role, agencyName, unitName) in All)
        {
            if (existing.Contains(name) || !agencies.TryGetValue(agencyName, out var agencyId))
            {
                continue;
            }

            var user = new AppUser
            {
                UserName = name,
                Email = $"{name}@demo.highservice.local",
                EmailConfirmed = true,
                DisplayName = display,
                Role = role,
                AgencyId = agencyId,
                UnitId = units.FirstOrDefault(u => u.AgencyId == agencyId && u.Name == unitName)?.Id,
                CreatedAt = clock.GetUtcNow(),
            };
            var result = await users.CreateAsync(user, Password);
            if (!result.Succeeded)
            {
                logger.LogWarning("Demo account {Name} not created: {Errors}", name, string.Join("; ", result.Errors.Select(e => e.Description)));
            }
        }
    }
}

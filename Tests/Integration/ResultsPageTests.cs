using HighServiceDashboard.Domain.Plans;
using HighServiceDashboard.Infrastructure.Data;
using HighServiceDashboard.Infrastructure.Plans;
using HighServiceDashboard.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace HighServiceDashboard.Tests.Integration;

/// <summary>
/// The Finance Bureau's results page as each person is served it: its plan of 113 has 1.1 by
/// 菸酒管理科 (the unit of finance.staff) and 2.1 by 秘書室.
/// </summary>
public sealed class ResultsPageTests : IAsyncLifetime
{
    private readonly DashboardFactory _factory = new();
    private int _bureau;

    public async Task InitializeAsync()
    {
        await using var db = await _factory.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        _bureau = await db.Agencies.Where(a => a.Name == "高雄市政府財政局").Select(a => a.Id).SingleAsync();
        var content = new PlanContentInput
        {
            Title = "高雄市政府財政局113年度提升服務計畫",
            FocusPoints =
            [
                new FocusPointInput { SubItemCode = "1.1", Title = "菸酒管理流程檢討", UnitNames = ["菸酒管理科"] },
                new FocusPointInput { SubItemCode = "2.1", Title = "秘書室服務品質", UnitNames = ["秘書室"] },
            ],
        };
        await _factory.Services.GetRequiredService<PlanService>().StoreDraftAsync(_bureau, 113, content, null, replace: false, "fixture");
    }

    public async Task DisposeAsync() => await _factory.DisposeAsync();

    private async Task<string> PageAsync(string user)
    {
        using var client = await _factory.SignedInClientAsync(user);
        return await client.GetStringAsync($"/results/agencies/{_bureau}?year=113");
    }

    [Fact]
    public async Task Get_UnitStaff_MayWriteOnlyTheSubItemsNamingTheirUnitAndNotTheSummary()
    {
        var page = await PageAsync("finance.staff");

        Assert.Contains("data-testid=\"field-achievement-1.1\"", page);
        Assert.DoesNotContain("data-testid=\"field-achievement-2.1\"", page);
        Assert.DoesNotContain("data-testid=\"field-summary\"", page);
        Assert.DoesNotContain("data-testid=\"action-submit\"", page);
        Assert.Contains("秘書室服務品質", page);
    }

    [Fact]
    public async Task Get_AgencyHead_WritesEverySubItemAndTheSummary()
    {
        var page = await PageAsync("finance.head");

        Assert.Contains("data-testid=\"field-achievement-1.1\"", page);
        Assert.Contains("data-testid=\"field-achievement-2.1\"", page);
        Assert.Contains("data-testid=\"field-summary\"", page);
    }

    [Fact]
    public async Task Get_CommissionReviewer_ReadsButWritesNothing()
    {
        var page = await PageAsync("reviewer");

        Assert.Contains("菸酒管理流程檢討", page);
        Assert.DoesNotContain("field-achievement-", page);
        Assert.DoesNotContain("data-testid=\"upload-file\"", page);
    }
}

using HighServiceDashboard.Domain.Access;
using HighServiceDashboard.Domain.Agencies;
using HighServiceDashboard.Infrastructure.Agencies;
using HighServiceDashboard.Infrastructure.Identity;
using HighServiceDashboard.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace HighServiceDashboard.Tests.Infrastructure;

public class AgencyAdminServiceTests : IAsyncLifetime
{
    private TestDatabase _database = default!;
    private AgencyAdminService _service = default!;

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync();
        _service = new AgencyAdminService(_database.Factory, new NewAgencyInputValidator(), new RenameInputValidator(), new NewUnitInputValidator(), _database.Clock, new AccessService(_database.Factory));
    }

    public async Task DisposeAsync() => await _database.DisposeAsync();

    [Fact]
    public async Task AddAgencyAsync_UnderFirstLevel_IsSecondLevel()
    {
        var finance = await IdOfAsync("高雄市政府財政局");

        var result = await _service.AddAgencyAsync(new NewAgencyInput { Name = "  高雄市政府財政局測試所 ", ParentId = finance, Kind = AgencyKind.Office });

        Assert.True(result.Succeeded);
        await using var db = _database.Open();
        var added = await db.Agencies.SingleAsync(a => a.Id == result.Id);
        Assert.Equal("高雄市政府財政局測試所", added.Name);
        Assert.Equal(AgencyLevel.SecondLevel, added.Level);
        Assert.Equal(finance, added.ParentId);
    }

    [Fact]
    public async Task AddAgencyAsync_BlankOrTakenName_IsRefusedAndNothingSaved()
    {
        var finance = await IdOfAsync("高雄市政府財政局");
        await using var before = _database.Open();
        var count = await before.Agencies.CountAsync();

        var blank = await _service.AddAgencyAsync(new NewAgencyInput { Name = "  ", ParentId = finance });
        var taken = await _service.AddAgencyAsync(new NewAgencyInput { Name = "高雄市稅捐稽徵處", ParentId = finance });
        var tooDeep = await _service.AddAgencyAsync(new NewAgencyInput { Name = "新單位", ParentId = await IdOfAsync("高雄市稅捐稽徵處") });

        Assert.Equal([AgencyMessages.NameRequired], blank.Errors);
        Assert.Equal([AgencyMessages.NameTaken], taken.Errors);
        Assert.Equal([AgencyMessages.Move + nameof(MoveRefusal.ParentTooDeep)], tooDeep.Errors);
        await using var after = _database.Open();
        Assert.Equal(count, await after.Agencies.CountAsync());
    }

    [Fact]
    public async Task MoveAgencyAsync_OfficeToAnotherBureau_ChangesParent()
    {
        var pawnshop = await IdOfAsync("高雄市政府財政局動產質借所");
        var works = await IdOfAsync("高雄市政府工務局");

        var result = await _service.MoveAgencyAsync(pawnshop, works);

        Assert.True(result.Succeeded);
        await using var db = _database.Open();
        Assert.Equal(works, (await db.Agencies.SingleAsync(a => a.Id == pawnshop)).ParentId);
    }

    [Fact]
    public async Task MoveAgencyAsync_BureauWithOfficesUnderBureau_IsRefused()
    {
        var result = await _service.MoveAgencyAsync(await IdOfAsync("高雄市政府財政局"), await IdOfAsync("高雄市政府工務局"));

        Assert.Equal([AgencyMessages.Move + nameof(MoveRefusal.SubordinatesWouldBeTooDeep)], result.Errors);
    }

    [Fact]
    public async Task RetireAgencyAsync_KeepsTheRowAndDatesIt()
    {
        var pawnshop = await IdOfAsync("高雄市政府財政局動產質借所");

        Assert.True((await _service.RetireAgencyAsync(pawnshop)).Succeeded);

        await using var db = _database.Open();
        Assert.Equal(new DateOnly(2024, 3, 15), (await db.Agencies.SingleAsync(a => a.Id == pawnshop)).RetiredOn);
        var directory = new AgencyDirectory(_database.Factory);
        Assert.DoesNotContain(await directory.GetTreeAsync(includeRetired: false), n => n.Id == pawnshop);
        Assert.Contains(await directory.GetTreeAsync(includeRetired: true), n => n.Id == pawnshop);
        // Retired in 2024 (113): still counted for 113, gone from 114.
        Assert.Equal(21, (await directory.CountByLevelAsync(113)).SecondLevel);
        Assert.Equal(20, (await directory.CountByLevelAsync(114)).SecondLevel);
    }

    [Fact]
    public async Task RetireAgencyAsync_WithActiveSubordinates_IsRefused()
    {
        var result = await _service.RetireAgencyAsync(await IdOfAsync("高雄市政府財政局"));

        Assert.Equal([AgencyMessages.CannotRetireWithActiveSubordinates], result.Errors);
    }

    [Fact]
    public async Task AddUnitAsync_DuplicateInSameAgency_IsRefused_ButAllowedElsewhere()
    {
        var finance = await IdOfAsync("高雄市政府財政局");
        var works = await IdOfAsync("高雄市政府工務局");

        Assert.Equal([AgencyMessages.UnitNameTaken], (await _service.AddUnitAsync(Admin, new NewUnitInput { AgencyId = finance, Name = "秘書室" })).Errors);
        Assert.True((await _service.AddUnitAsync(Admin, new NewUnitInput { AgencyId = works, Name = "菸酒管理科" })).Succeeded);
    }

    private static readonly Principal Admin = new("admin", Role.CommissionAdmin, 1);

    /// <summary>Who adds a unit to the Finance Bureau: its head and coordinator and the commission's administrator; everyone else is refused (not found outside what they read).</summary>
    [Theory]
    [InlineData("admin", Role.CommissionAdmin, "高雄市政府研究發展考核委員會", null)]
    [InlineData("finance.head", Role.AgencyHead, "高雄市政府財政局", null)]
    [InlineData("finance.coordinator", Role.AgencyCoordinator, "高雄市政府財政局", null)]
    [InlineData("reviewer", Role.CommissionReviewer, "高雄市政府研究發展考核委員會", AgencyMessages.Forbidden)]
    [InlineData("finance.staff", Role.UnitStaff, "高雄市政府財政局", AgencyMessages.Forbidden)]
    [InlineData("pawnshop.coordinator", Role.AgencyCoordinator, "高雄市政府財政局動產質借所", AgencyMessages.NotFound)]
    [InlineData("niaosong.staff", Role.UnitStaff, "高雄市鳥松區公所", AgencyMessages.NotFound)]
    [InlineData("works.coordinator", Role.AgencyCoordinator, "高雄市政府工務局", AgencyMessages.NotFound)]
    public async Task AddUnitAsync_ByRole_OnlyTheAgencysHeadCoordinatorOrAdministrator(string user, Role role, string agency, string? refusal)
    {
        var finance = await IdOfAsync("高雄市政府財政局");
        var who = new Principal(user, role, await IdOfAsync(agency));

        var result = await _service.AddUnitAsync(who, new NewUnitInput { AgencyId = finance, Name = "新設科" });

        Assert.Equal(refusal is null ? [] : [refusal], result.Errors);
        await using var db = _database.Open();
        Assert.Equal(refusal is null, await db.Units.AnyAsync(u => u.AgencyId == finance && u.Name == "新設科"));
    }

    [Fact]
    public async Task AddUnitAsync_NobodySignedIn_IsRefused()
    {
        var result = await _service.AddUnitAsync(null, new NewUnitInput { AgencyId = await IdOfAsync("高雄市政府財政局"), Name = "新設科" });

        Assert.Equal([AgencyMessages.NotFound], result.Errors);
    }

    [Fact]
    public async Task RenameUnitAsync_ThenRetire_KeepsTheUnit()
    {
        await using var db = _database.Open();
        var unit = await db.Units.FirstAsync(u => u.Name == "菸酒管理科");

        Assert.True((await _service.RenameUnitAsync(new RenameInput { Id = unit.Id, Name = "菸酒管理科（新）" })).Succeeded);
        Assert.True((await _service.SetUnitRetiredAsync(unit.Id, retired: true)).Succeeded);

        await using var check = _database.Open();
        var renamed = await check.Units.SingleAsync(u => u.Id == unit.Id);
        Assert.Equal("菸酒管理科（新）", renamed.Name);
        Assert.NotNull(renamed.RetiredOn);
    }

    private async Task<int> IdOfAsync(string name)
    {
        await using var db = _database.Open();
        return await db.Agencies.Where(a => a.Name == name).Select(a => a.Id).SingleAsync();
    }
}

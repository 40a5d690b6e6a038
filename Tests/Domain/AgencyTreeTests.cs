using HighServiceDashboard.Domain.Agencies;

namespace HighServiceDashboard.Tests.Domain;

public class AgencyTreeTests
{
    private static readonly Agency City = new() { Id = 1, Name = "高雄市政府", Level = AgencyLevel.City };
    private static readonly Agency Finance = new() { Id = 2, Name = "財政局", Level = AgencyLevel.FirstLevel, ParentId = 1 };
    private static readonly Agency Pawnshop = new() { Id = 3, Name = "動產質借所", Level = AgencyLevel.SecondLevel, ParentId = 2 };
    private static readonly Agency Works = new() { Id = 4, Name = "工務局", Level = AgencyLevel.FirstLevel, ParentId = 1 };
    private static readonly Agency Closed = new() { Id = 5, Name = "已裁撤局", Level = AgencyLevel.FirstLevel, ParentId = 1, RetiredOn = new DateOnly(2020, 1, 1) };

    private static readonly Dictionary<int, Agency> All = new[] { City, Finance, Pawnshop, Works, Closed }.ToDictionary(a => a.Id);

    [Fact]
    public void CheckMove_SecondLevelToAnotherFirstLevel_IsAllowed() => Assert.Null(AgencyTree.CheckMove(Pawnshop, Works, All));

    [Fact]
    public void CheckMove_UnderItsOwnSubordinate_WouldCreateCycle() =>
        Assert.Equal(MoveRefusal.WouldCreateCycle, AgencyTree.CheckMove(Finance, Pawnshop, All));

    [Fact]
    public void CheckMove_UnderSecondLevel_IsTooDeep()
    {
        var office = new Agency { Id = 6, Name = "某所", Level = AgencyLevel.SecondLevel, ParentId = 4 };
        var all = new Dictionary<int, Agency>(All) { [6] = office };

        Assert.Equal(MoveRefusal.ParentTooDeep, AgencyTree.CheckMove(office, Pawnshop, all));
    }

    [Fact]
    public void CheckMove_FirstLevelWithSubordinatesUnderFirstLevel_IsRefused() =>
        Assert.Equal(MoveRefusal.SubordinatesWouldBeTooDeep, AgencyTree.CheckMove(Finance, Works, All));

    [Fact]
    public void CheckMove_TheCity_IsRefused() => Assert.Equal(MoveRefusal.CityCannotMove, AgencyTree.CheckMove(City, Works, All));

    [Fact]
    public void CheckMove_UnderRetiredAgency_IsRefused() =>
        Assert.Equal(MoveRefusal.ParentRetired, AgencyTree.CheckMove(Pawnshop, Closed, All));

    [Fact]
    public void SelfAndDescendants_FirstLevel_IncludesItsOffices() =>
        Assert.Equal(new HashSet<int> { 2, 3 }, AgencyTree.SelfAndDescendants(2, All.Values));

    [Fact]
    public void LoadEmbedded_SeedTree_HasTheSampleAgenciesUnderTheirParents()
    {
        var city = AgencySeed.LoadEmbedded();
        var firstLevel = city.Children;
        var finance = firstLevel.Single(a => a.Name == "高雄市政府財政局");
        var works = firstLevel.Single(a => a.Name == "高雄市政府工務局");

        Assert.Equal(AgencyLevel.City, city.Level);
        Assert.Equal(38, firstLevel.Count(a => a.Kind == AgencyKind.DistrictOffice));
        Assert.Contains(firstLevel, a => a.Name == "高雄市鳥松區公所");
        Assert.Equal(["高雄市稅捐稽徵處", "高雄市政府財政局動產質借所"], finance.Children.Select(c => c.Name));
        Assert.All(finance.Children, c => Assert.Equal(AgencyLevel.SecondLevel, c.Level));
        Assert.Contains(works.Children, c => c.Name == "高雄市政府工務局建築管理處");
        Assert.Contains(firstLevel, a => a.Name == "高雄市政府研究發展考核委員會" && a.Kind == AgencyKind.Commission);
        Assert.Contains(finance.Units, u => u.Name == "菸酒管理科");
        Assert.Contains(firstLevel.Single(a => a.Name == "高雄市鳥松區公所").Units, u => u.Name == "役政災防課");
    }

    [Fact]
    public void LoadEmbedded_SeedTree_HasNoDuplicateNames()
    {
        static IEnumerable<Agency> Flatten(Agency a) => a.Children.SelectMany(Flatten).Prepend(a);
        var names = Flatten(AgencySeed.LoadEmbedded()).Select(a => a.Name).ToList();

        Assert.Equal(names.Count, names.Distinct().Count());
    }
}

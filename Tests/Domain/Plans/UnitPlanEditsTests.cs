using HighServiceDashboard.Domain.Plans;

namespace HighServiceDashboard.Tests.Domain.Plans;

public class UnitPlanEditsTests
{
    private const string Own = "菸酒管理科";

    private static bool IsOwn(string name) => name == Own;

    private static PlanContentInput Stored() => new()
    {
        Title = "財政局113年度提升服務執行計畫",
        FocusPoints =
        [
            new FocusPointInput { Id = 1, SubItemCode = "1.1", Title = "菸酒查緝標準作業", UnitNames = [Own] },
            new FocusPointInput { Id = 2, SubItemCode = "1.2", Title = "公有財產標租", UnitNames = ["非公用財產管理科"] },
            new FocusPointInput { Id = 3, SubItemCode = "2.1", Title = "共同辦理", UnitNames = [Own, "秘書室"] },
            new FocusPointInput { Id = 4, SubItemCode = "3.1", Title = "全局推動", AllUnits = true },
        ],
        NotApplicable = [new NotApplicableInput { SubItemCode = "6.4", Reason = "無此業務" }],
        Unplaced = [("無法歸類的一段", 12)],
    };

    private static FocusPointInput Point(PlanContentInput content, int id) => content.FocusPoints.Single(p => p.Id == id);

    [Fact]
    public void Check_UnchangedPlan_IsAllowed() =>
        Assert.Null(UnitPlanEdits.Check(Stored(), Stored(), IsOwn));

    [Fact]
    public void Check_RewordingAndMovingOwnPointsAndAddingOne_IsAllowed()
    {
        var edited = Stored();
        Point(edited, 1).Description = "每季查核一次";
        Point(edited, 3).SubItemCode = "2.2";
        edited.FocusPoints.Add(new FocusPointInput { SubItemCode = "4.1", Title = "新增的重點", UnitNames = [Own] });

        Assert.Null(UnitPlanEdits.Check(Stored(), edited, IsOwn));
    }

    [Fact]
    public void Check_RemovingOwnPoint_IsAllowed()
    {
        var edited = Stored();
        edited.FocusPoints.RemoveAll(p => p.Id == 1);

        Assert.Null(UnitPlanEdits.Check(Stored(), edited, IsOwn));
    }

    [Theory]
    [InlineData(2)]
    [InlineData(4)]
    public void Check_ChangingAnotherUnitsOrTheAgencysPoint_IsRefused(int id)
    {
        var edited = Stored();
        Point(edited, id).Title = "改寫";

        Assert.Equal(PlanMessages.UnitScope, UnitPlanEdits.Check(Stored(), edited, IsOwn));
    }

    [Fact]
    public void Check_RemovingAnotherUnitsPoint_IsRefused()
    {
        var edited = Stored();
        edited.FocusPoints.RemoveAll(p => p.Id == 2);

        Assert.Equal(PlanMessages.UnitScope, UnitPlanEdits.Check(Stored(), edited, IsOwn));
    }

    [Fact]
    public void Check_AddingOwnUnitToAnotherUnitsPoint_IsRefused()
    {
        var edited = Stored();
        Point(edited, 2).UnitNames.Add(Own);

        Assert.Equal(PlanMessages.UnitScope, UnitPlanEdits.Check(Stored(), edited, IsOwn));
    }

    [Fact]
    public void Check_OwnPointHandedToAnotherUnit_IsRefused()
    {
        var edited = Stored();
        Point(edited, 1).UnitNames = ["秘書室"];

        Assert.Equal(PlanMessages.PointMustNameUnit, UnitPlanEdits.Check(Stored(), edited, IsOwn));
    }

    [Fact]
    public void Check_NewPointWithoutOwnUnit_IsRefused()
    {
        var edited = Stored();
        edited.FocusPoints.Add(new FocusPointInput { SubItemCode = "4.1", Title = "替別人寫的", UnitNames = ["秘書室"] });

        Assert.Equal(PlanMessages.PointMustNameUnit, UnitPlanEdits.Check(Stored(), edited, IsOwn));
    }

    [Fact]
    public void Check_TitleDeclarationOrUnplacedTextChanged_IsRefused()
    {
        var title = Stored();
        title.Title = "改名";
        var declared = Stored();
        declared.NotApplicable.Add(new NotApplicableInput { SubItemCode = "6.3", Reason = "不適用" });
        var placed = Stored();
        placed.Unplaced.Clear();

        Assert.Equal(PlanMessages.UnitScope, UnitPlanEdits.Check(Stored(), title, IsOwn));
        Assert.Equal(PlanMessages.UnitScope, UnitPlanEdits.Check(Stored(), declared, IsOwn));
        Assert.Equal(PlanMessages.UnitScope, UnitPlanEdits.Check(Stored(), placed, IsOwn));
    }

    [Fact]
    public void Check_AnotherUnitsPointDuplicatedUnderItsId_IsRefused()
    {
        var edited = Stored();
        edited.FocusPoints.Add(new FocusPointInput { Id = 2, SubItemCode = "1.2", Title = "複製", UnitNames = [Own] });

        Assert.Equal(PlanMessages.UnitScope, UnitPlanEdits.Check(Stored(), edited, IsOwn));
    }
}

using HighServiceDashboard.Domain.Access;
using HighServiceDashboard.Domain.Agencies;

namespace HighServiceDashboard.Tests.Domain;

public class AccessPolicyTests
{
    // 1 city; 2 財政局 over 3 稅捐稽徵處 and 4 動產質借所; 5 工務局 over 6 建築管理處; 7 鳥松區公所.
    private static readonly AccessPolicy Policy = new(
    [
        (1, null, AgencyLevel.City),
        (2, 1, AgencyLevel.FirstLevel),
        (3, 2, AgencyLevel.SecondLevel),
        (4, 2, AgencyLevel.SecondLevel),
        (5, 1, AgencyLevel.FirstLevel),
        (6, 5, AgencyLevel.SecondLevel),
        (7, 1, AgencyLevel.FirstLevel),
    ]);

    private static readonly Principal Admin = new("admin", Role.CommissionAdmin, 1);
    private static readonly Principal Reviewer = new("reviewer", Role.CommissionReviewer, 1);
    private static readonly Principal FinanceHead = new("head", Role.AgencyHead, 2);
    private static readonly Principal FinanceCoordinator = new("coordinator", Role.AgencyCoordinator, 2);
    private static readonly Principal PawnshopStaff = new("staff", Role.UnitStaff, 4, UnitId: 40);

    [Theory]
    [InlineData(2, true)]
    [InlineData(3, true)]
    [InlineData(4, true)]
    [InlineData(5, false)]
    [InlineData(6, false)]
    [InlineData(7, false)]
    public void CanRead_AgencyHead_OwnAgencyAndSubordinatesOnly(int agencyId, bool expected) =>
        Assert.Equal(expected, Policy.CanRead(FinanceHead, agencyId));

    [Fact]
    public void CanRead_UnitStaff_OwnAgencyOnly()
    {
        Assert.True(Policy.CanRead(PawnshopStaff, 4));
        Assert.False(Policy.CanRead(PawnshopStaff, 2));
        Assert.False(Policy.CanRead(PawnshopStaff, 3));
    }

    [Fact]
    public void CanRead_Commission_Everything() =>
        Assert.All(Enumerable.Range(1, 7), id => Assert.True(Policy.CanRead(Reviewer, id)));

    [Fact]
    public void CanEditAgencyContent_HeadEditsOwnButNotSubordinates_ReviewerEditsNothing()
    {
        Assert.True(Policy.CanEditAgencyContent(FinanceHead, 2));
        Assert.False(Policy.CanEditAgencyContent(FinanceHead, 4));
        Assert.True(Policy.CanEditAgencyContent(FinanceCoordinator, 2));
        Assert.False(Policy.CanEditAgencyContent(Reviewer, 2));
        Assert.True(Policy.CanEditAgencyContent(Admin, 6));
        Assert.False(Policy.CanEditAgencyContent(PawnshopStaff, 4));
    }

    [Fact]
    public void CanEditUnitContent_StaffOnlyForTheirUnit()
    {
        Assert.True(Policy.CanEditUnitContent(PawnshopStaff, 4, [40, 41]));
        Assert.False(Policy.CanEditUnitContent(PawnshopStaff, 4, [41]));
        Assert.False(Policy.CanEditUnitContent(PawnshopStaff, 3, [40]));
    }

    [Fact]
    public void CanReview_SecondLevelByParentHead_FirstLevelByCommission()
    {
        Assert.True(Policy.CanReview(FinanceHead, 4));
        Assert.False(Policy.CanReview(FinanceHead, 6));
        Assert.False(Policy.CanReview(FinanceHead, 2));
        Assert.True(Policy.CanReview(Reviewer, 2));
        Assert.False(Policy.CanReview(Reviewer, 4));
        Assert.True(Policy.CanReview(Admin, 4));
        Assert.False(Policy.CanReview(PawnshopStaff, 4));
    }

    [Fact]
    public void MayDecideOn_OwnSubmission_IsRefused()
    {
        Assert.False(AccessPolicy.MayDecideOn(Admin, "admin"));
        Assert.True(AccessPolicy.MayDecideOn(Admin, "head"));
    }

    [Fact]
    public void ReadableAgencies_Head_IsTheSubtree_CommissionIsUnbounded()
    {
        Assert.Equal(new HashSet<int> { 2, 3, 4 }, Policy.ReadableAgencies(FinanceHead));
        Assert.Null(Policy.ReadableAgencies(Reviewer));
    }

    [Fact]
    public void CanAdminister_OnlyCommissionAdmin()
    {
        Assert.True(AccessPolicy.CanAdminister(Admin));
        Assert.False(AccessPolicy.CanAdminister(Reviewer));
        Assert.True(AccessPolicy.CanEnterPhoneTests(Reviewer));
        Assert.False(AccessPolicy.CanEnterPhoneTests(FinanceHead));
    }
}

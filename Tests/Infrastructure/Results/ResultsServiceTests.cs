using HighServiceDashboard.Domain.Results;
using HighServiceDashboard.Domain.Schedule;
using HighServiceDashboard.Infrastructure.Results;
using HighServiceDashboard.Tests.Support;
using Microsoft.EntityFrameworkCore;
using static HighServiceDashboard.Tests.Support.ResultsHarness;

namespace HighServiceDashboard.Tests.Infrastructure.Results;

public class ResultsServiceTests : IAsyncLifetime
{
    private ResultsHarness _h = default!;

    public async Task InitializeAsync()
    {
        _h = await ResultsHarness.CreateAsync();
        // Results of 113 are due in January of 114.
        _h.Schedule.Database.Clock.SetUtcNow(new DateTimeOffset(2025, 1, 8, 2, 0, 0, TimeSpan.Zero));
    }

    public async Task DisposeAsync() => await _h.DisposeAsync();

    private async Task<Obligation> ResultsObligationAsync(string agency)
    {
        var id = await _h.IdOfAsync(agency);
        await using var db = _h.Schedule.Database.Open();
        return await db.Obligations.SingleAsync(o => o.AgencyId == id && o.RocYear == 113 && (o.Kind == ObligationKind.ResultsSubmission || o.Kind == ObligationKind.ResultsToParent));
    }

    [Fact]
    public async Task Workflow_FinanceBureauAndItsSubordinates_EndsAcceptedByTheCommissionWithEveryObligationDone()
    {
        // The tax office submits, is returned, resubmits and is accepted by the bureau.
        Assert.Equal([ResultsMessages.NotStarted], (await _h.ActAsync(TaxOffice, ResultsAction.Submit, "tax.coordinator")).Errors);
        Assert.True((await _h.FillAsync(TaxOffice, "tax.coordinator")).Succeeded);
        Assert.True((await _h.ActAsync(TaxOffice, ResultsAction.Submit, "tax.coordinator")).Succeeded);
        var taxObligation = await ResultsObligationAsync(TaxOffice);
        Assert.Equal(ObligationKind.ResultsToParent, taxObligation.Kind);
        Assert.Equal(ObligationResolution.Done, taxObligation.Resolution);
        Assert.Equal("執行成果已提送上級機關（114/01/08）", taxObligation.Evidence);
        Assert.Equal("tax.coordinator", taxObligation.ResolvedBy);

        Assert.Equal([ResultsMessages.CommentRequired], (await _h.ActAsync(TaxOffice, ResultsAction.Return, "finance.coordinator", "  ")).Errors);
        Assert.True((await _h.ActAsync(TaxOffice, ResultsAction.Return, "finance.coordinator", "請補充2.1的成效數據")).Succeeded);
        Assert.Equal(ResultsStatus.Returned, (await _h.ViewAsync(TaxOffice)).Status);
        Assert.True((await _h.FillAsync(TaxOffice, "tax.coordinator", "已補充")).Succeeded);
        Assert.True((await _h.ActAsync(TaxOffice, ResultsAction.Submit, "tax.coordinator")).Succeeded);

        // The bureau cannot forward while a subordinate's results are not accepted.
        Assert.True((await _h.FillAsync(Bureau, "finance.coordinator")).Succeeded);
        Assert.Equal([ResultsMessages.SubordinatesPending], (await _h.ActAsync(Bureau, ResultsAction.Submit, "finance.coordinator")).Errors);
        Assert.True((await _h.ActAsync(TaxOffice, ResultsAction.Accept, "finance.head")).Succeeded);

        // The pawnshop submits its award application instead, and is accepted.
        var pawnshop = await _h.ViewAsync(Pawnshop);
        Assert.True((await _h.Service.SaveAsync(pawnshop.AgencyId, 113, pawnshop.Version, new ResultsContentInput { SubmitsAwardApplication = true }, "pawnshop.coordinator")).Succeeded);
        Assert.Equal([ResultsMessages.AwardFileMissing], (await _h.ActAsync(Pawnshop, ResultsAction.Submit, "pawnshop.coordinator")).Errors);
        Assert.True((await _h.Service.AddAttachmentAsync(pawnshop.AgencyId, 113, null, AttachmentKind.AwardApplication, "政府服務獎申請書.pdf", SampleFiles.Pdf, "pawnshop.coordinator")).Succeeded);
        Assert.True((await _h.ActAsync(Pawnshop, ResultsAction.Submit, "pawnshop.coordinator")).Succeeded);
        Assert.True((await _h.ActAsync(Pawnshop, ResultsAction.Accept, "finance.coordinator")).Succeeded);

        // The bureau forwards its own with both, and the commission accepts.
        Assert.True((await _h.ActAsync(Bureau, ResultsAction.Submit, "finance.coordinator", "彙送本局及所屬機關成果")).Succeeded);
        var bureauObligation = await ResultsObligationAsync(Bureau);
        Assert.Equal(ObligationKind.ResultsSubmission, bureauObligation.Kind);
        Assert.Equal(ObligationResolution.Done, bureauObligation.Resolution);
        Assert.Equal("執行成果已彙送研考會，含所屬2機關（114/01/08）", bureauObligation.Evidence);
        Assert.Equal(ObligationResolution.Done, (await ResultsObligationAsync(Pawnshop)).Resolution);
        Assert.True((await _h.ActAsync(Bureau, ResultsAction.Accept, "reviewer")).Succeeded);

        var bureau = await _h.ViewAsync(Bureau);
        Assert.Equal(ResultsStatus.Accepted, bureau.Status);
        Assert.Equal([ResultsRoute.ToCommission, null], bureau.History.Select(h => h.Route));
        Assert.Equal([(TaxOffice, ResultsStatus.Accepted), (Pawnshop, ResultsStatus.Accepted)],
            bureau.Subordinates.Select(s => (s.AgencyName, s.Status!.Value)).OrderBy(s => s.AgencyName == Pawnshop));
        var tax = await _h.ViewAsync(TaxOffice);
        Assert.Equal(
            [(ResultsStatus.Submitted, "tax.coordinator", (string?)null), (ResultsStatus.Returned, "finance.coordinator", "請補充2.1的成效數據"), (ResultsStatus.Submitted, "tax.coordinator", null), (ResultsStatus.Accepted, "finance.head", null)],
            tax.History.Select(h => (h.To, h.By, h.Comment)));
        Assert.Equal("已補充：服務品質", tax.Items.Single(i => i.Code == "2.1").Achievement);
    }

    [Fact]
    public async Task ChangeStatusAsync_DecisionOnOwnSubmission_IsRefused()
    {
        await _h.FillAsync(TaxOffice, "finance.coordinator");
        await _h.ActAsync(TaxOffice, ResultsAction.Submit, "finance.coordinator");

        var own = await _h.ActAsync(TaxOffice, ResultsAction.Accept, "finance.coordinator");

        Assert.Equal([ResultsMessages.OwnSubmission], own.Errors);
        Assert.Equal(ResultsStatus.Submitted, (await _h.ViewAsync(TaxOffice)).Status);
    }

    [Fact]
    public async Task SaveAsync_TwoPeopleFromTheSameVersion_SecondGetsAConflictAndNothingIsOverwritten()
    {
        await _h.FillAsync(Bureau, "finance.coordinator");
        var opened = await _h.ViewAsync(Bureau);

        var first = await _h.Service.SaveAsync(opened.AgencyId, 113, opened.Version, new ResultsContentInput { Items = new() { ["1.1"] = "承辦人的版本" } }, "finance.staff");
        var second = await _h.Service.SaveAsync(opened.AgencyId, 113, opened.Version, new ResultsContentInput { Items = new() { ["1.1"] = "首長的版本" } }, "finance.head");

        Assert.True(first.Succeeded);
        Assert.Equal([ResultsMessages.Conflict], second.Errors);
        var item = (await _h.ViewAsync(Bureau)).Items.Single(i => i.Code == "1.1");
        Assert.Equal("承辦人的版本", item.Achievement);
        Assert.Equal("finance.staff", item.UpdatedBy);
    }

    [Fact]
    public async Task SaveAsync_SubItemTheAgencysPlanDoesNotCover_IsRefused()
    {
        var result = await _h.Service.SaveAsync(await _h.IdOfAsync(Bureau), 113, 0, new ResultsContentInput { Items = new() { ["3.1"] = "計畫沒有的子項目" } }, "finance.coordinator");

        Assert.Equal([ResultsMessages.SubItemUnknown], result.Errors);
        Assert.Null((await _h.ViewAsync(Bureau)).Id);
    }

    [Fact]
    public async Task SaveAsync_SubmittedResults_AreNotEditable()
    {
        await _h.FillAsync(Bureau, "finance.coordinator");
        await using (var db = _h.Schedule.Database.Open())
        {
            // The subordinates are retired here so that the bureau submits alone.
            await db.Agencies.Where(a => a.Name == TaxOffice || a.Name == Pawnshop).ExecuteUpdateAsync(s => s.SetProperty(a => a.RetiredOn, new DateOnly(1999, 12, 31)));
        }

        Assert.True((await _h.ActAsync(Bureau, ResultsAction.Submit, "finance.coordinator")).Succeeded);

        Assert.Equal([ResultsMessages.NotEditable], (await _h.FillAsync(Bureau, "finance.coordinator", "改寫")).Errors);
        Assert.Equal("執行成果已提送研考會（114/01/08）", (await ResultsObligationAsync(Bureau)).Evidence);
    }

    [Fact]
    public async Task ChangeStatusAsync_SubordinateWhoseResultsAreWaived_DoesNotHoldTheForwardingBack()
    {
        await _h.FillAsync(TaxOffice, "tax.coordinator");
        await _h.ActAsync(TaxOffice, ResultsAction.Submit, "tax.coordinator");
        await _h.ActAsync(TaxOffice, ResultsAction.Accept, "finance.head");
        await _h.FillAsync(Bureau, "finance.coordinator");
        Assert.Equal([ResultsMessages.SubordinatesPending], (await _h.ActAsync(Bureau, ResultsAction.Submit, "finance.coordinator")).Errors);
        var pawnshop = await ResultsObligationAsync(Pawnshop);
        Assert.True((await _h.Schedule.Obligations.WaiveAsync(pawnshop.Id, new WaiveInput { Reason = "本年度併入財政局辦理" }, "reviewer")).Succeeded);

        var forwarded = await _h.ActAsync(Bureau, ResultsAction.Submit, "finance.coordinator");

        Assert.True(forwarded.Succeeded, string.Join(", ", forwarded.Errors));
        Assert.Equal("執行成果已彙送研考會，含所屬1機關（114/01/08）", (await ResultsObligationAsync(Bureau)).Evidence);
    }
}

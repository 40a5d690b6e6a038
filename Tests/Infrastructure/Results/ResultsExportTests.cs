using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using HighServiceDashboard.Domain.Results;
using HighServiceDashboard.Infrastructure.Results;
using HighServiceDashboard.Tests.Support;
using MiniExcelLibs;
using static HighServiceDashboard.Tests.Support.ResultsHarness;

namespace HighServiceDashboard.Tests.Infrastructure.Results;

public class ResultsExportTests : IAsyncLifetime
{
    private ResultsHarness _h = default!;

    public async Task InitializeAsync()
    {
        _h = await ResultsHarness.CreateAsync();
        await _h.FillAsync(Bureau, "finance.coordinator", "本局");
        await _h.FillAsync(TaxOffice, "tax.coordinator", "稅捐處");
        await _h.Service.AddAttachmentAsync(await _h.IdOfAsync(TaxOffice), 113, "2.1", AttachmentKind.Evidence, "滿意度調查.pdf", SampleFiles.Pdf, "tax.coordinator");
    }

    public async Task DisposeAsync() => await _h.DisposeAsync();

    private async Task<IReadOnlyList<ResultsView>> CompiledAsync(IReadOnlySet<int>? readable = null) =>
        (await new ResultsExport(_h.Queries).CompileAsync(await _h.IdOfAsync(Bureau), 113, readable))!;

    [Fact]
    public async Task ToDocx_BureauAndSubordinates_HasATablePerPillarOfEachAgencyWithWhatWasDone()
    {
        var bytes = ResultsExport.ToDocx(await CompiledAsync());

        using var document = WordprocessingDocument.Open(new MemoryStream(bytes), false);
        var body = document.MainDocumentPart!.Document!.Body!;
        var headings = body.Elements<Paragraph>().Select(p => p.InnerText).ToList();
        Assert.Equal("高雄市政府財政局113年度提升服務執行成果", headings[0]);
        Assert.Contains("高雄市政府財政局（撰寫中）", headings);
        Assert.Contains("高雄市稅捐稽徵處（撰寫中）", headings);
        Assert.Contains("高雄市政府財政局動產質借所（尚未填報）", headings);
        // Three agencies, each with pillars 1 and 2 of its plan: six tables, each a header and one sub-item.
        var tables = body.Elements<Table>().ToList();
        Assert.Equal(6, tables.Count);
        var taxPillar2 = tables[3].Elements<TableRow>().Select(r => r.Elements<TableCell>().Select(c => c.InnerText).ToList()).ToList();
        Assert.Equal(["代碼", "子項目", "執行重點", "達成情形", "佐證資料"], taxPillar2[0]);
        Assert.Equal("2.1", taxPillar2[1][0]);
        Assert.Equal("1. 提升服務品質", taxPillar2[1][2]);
        Assert.Equal("稅捐處：服務品質", taxPillar2[1][3]);
        Assert.Equal("滿意度調查.pdf", taxPillar2[1][4]);
    }

    [Fact]
    public async Task ToXlsx_ReadBack_HoldsARowPerSubItemOfEveryAgencyAndTheSummaries()
    {
        var bytes = ResultsExport.ToXlsx(await CompiledAsync());

        using var stream = new MemoryStream(bytes);
        Assert.Equal(["執行成果", "總結"], MiniExcel.GetSheetNames(stream));
        var rows = MiniExcel.Query(stream, useHeaderRow: true, sheetName: "執行成果").Cast<IDictionary<string, object?>>().ToList();
        Assert.Equal(6, rows.Count);
        var tax = rows.Single(r => (string?)r["機關"] == TaxOffice && (string?)r["代碼"] == "1.1");
        Assert.Equal("稅捐處：流程檢討", tax["達成情形"]);
        Assert.Equal("1. 檢討作業流程（秘書室）", tax["執行重點"]);
        var summaries = MiniExcel.Query(stream, useHeaderRow: true, sheetName: "總結").Cast<IDictionary<string, object?>>().ToList();
        Assert.Equal([Bureau, TaxOffice, Pawnshop], summaries.Select(s => (string?)s["機關"]));
        Assert.Equal("高雄市稅捐稽徵處總結", summaries[1]["總結"]);
        Assert.Equal(["撰寫中", "撰寫中", "尚未填報"], summaries.Select(s => (string?)s["狀態"]));
    }

    [Fact]
    public async Task CompileAsync_ReaderWhoSeesOneSubordinate_LeavesTheOtherOut()
    {
        var compiled = await CompiledAsync(new HashSet<int> { await _h.IdOfAsync(Bureau), await _h.IdOfAsync(TaxOffice) });

        Assert.Equal([Bureau, TaxOffice], compiled.Select(c => c.AgencyName));
    }
}

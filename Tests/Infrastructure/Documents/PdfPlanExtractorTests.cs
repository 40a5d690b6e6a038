using HighServiceDashboard.Domain.Plans.Reading;
using HighServiceDashboard.Infrastructure.Documents;
using UglyToad.PdfPig.Writer;

namespace HighServiceDashboard.Tests.Infrastructure.Documents;

public sealed class PdfPlanExtractorTests
{
    [Fact]
    public void Load_ChinesePdfTableWithWrappedCells_ReadsThePlan()
    {
        // A table as Word prints it: columns at x = 40, 260, 560, 760; cells wrap over several lines.
        var runs = new List<(double, double, string)>
        {
            (40, 550, "高雄市前鎮地政事務所113年度提升服務工作計畫"),
            (40, 520, "執行要項"), (260, 520, "執行重點"), (560, 520, "執行單位"),
            (40, 500, "一、完備基礎服務項目，注重"), (260, 500, "(一)建立業務標準作業流程，維持服"), (560, 500, "訂定標準作業流程"), (760, 500, "登記課"),
            (40, 486, "服務特性差異化"), (260, 486, "務措施處理一致性；確保資訊提供、"), (560, 486, "訂定登記案件標準作業"),
            (260, 472, "問題回應或申辦案件處理的正確性，"), (560, 472, "流程並公開於網站。"),
            (260, 458, "並適時檢討改進流程與作業方式。"),
            (260, 440, "(二)提供民眾易讀、易懂、易用的服"), (560, 440, "線上進度查詢"), (760, 440, "資訊課、"),
            (260, 426, "務申辦資訊及進度查詢管道，提升服"), (560, 426, "每季檢討線上查詢系統。"), (760, 426, "測量課"),
            (260, 412, "務流程透明度。"),
            (40, 380, "伍、推動及管考：依市府排定期程辦理。"),
        };

        var loaded = new PlanDocumentLoader().Load(CjkPdfWriter.Write(runs), "plan.pdf");

        Assert.True(loaded.Succeeded, string.Join(" ", loaded.Findings.Select(f => f.Code)));
        var reading = new PlanReader().Read(loaded.Document!);
        Assert.Equal("高雄市前鎮地政事務所", reading.AgencyName);
        Assert.Equal(113, reading.RocYear);
        Assert.Equal("leap", reading.FrameworkKey);
        Assert.Equal(["1.1", "1.2"], reading.GetCoverage().SubItems.Where(s => s.Status == CoverageStatus.Covered).Select(s => s.Code));
        var sop = reading.FocusPoints.Single(f => f.Code == "1.1");
        Assert.Equal("訂定標準作業流程", sop.Title);
        Assert.Equal("訂定登記案件標準作業流程並公開於網站。", sop.Description);
        Assert.Equal(["登記課"], sop.Units);
        var query = reading.FocusPoints.Single(f => f.Code == "1.2");
        Assert.Equal(["資訊課", "測量課"], query.Units);
        Assert.Equal(CadenceKind.Quarterly, Assert.Single(query.Cadences).Kind);
        Assert.Empty(reading.Unplaced);
    }

    [Fact]
    public void Load_TwoPagePdfWithSubItemSplitAtPageBreak_ReadsOneTable()
    {
        // Page 1 ends inside sub-item 2.3's text; page 2 repeats the header, the running head and has a page number.
        var page1 = new List<(double, double, string)>
        {
            (40, 570, "高雄市政府財政局113年度提升服務執行計畫"),
            (40, 520, "執行要項"), (260, 520, "執行重點"), (560, 520, "執行單位"),
            (40, 500, "二、重視全程意見回饋及參與，"), (260, 500, "(三)依據服務特性辦理滿意度調查，"), (560, 500, "滿意度調查"), (760, 500, "秘書室"),
            (40, 486, "力求服務切合民眾需求"), (260, 486, "瞭解民眾對服務的看法，並據以"), (560, 486, "每年辦理1次。"),
            (400, 30, "1"),
        };
        var page2 = new List<(double, double, string)>
        {
            (40, 570, "高雄市政府財政局113年度提升服務執行計畫"),
            (40, 520, "執行要項"), (260, 520, "執行重點"), (560, 520, "執行單位"),
            (260, 500, "檢討改善既有措施。"), (560, 500, "問卷分析 分析結果於主管會報檢討。"), (760, 500, "各科室"),
            (260, 480, "(四)傾聽民眾意見，積極回應，有效"), (560, 480, "陳情處理 即時回應1999陳情。"), (760, 480, "各科室"),
            (260, 466, "協助民眾解決問題。"),
            (400, 30, "2"),
        };

        var loaded = new PlanDocumentLoader().Load(CjkPdfWriter.WritePages([page1, page2]), "plan.pdf");

        var reading = new PlanReader().Read(loaded.Document!);
        Assert.Equal(["2.3", "2.4"], reading.GetCoverage().SubItems.Where(s => s.Status == CoverageStatus.Covered).Select(s => s.Code));
        Assert.Equal(["滿意度調查", "問卷分析"], reading.FocusPoints.Where(f => f.Code == "2.3").Select(f => f.Title));
        Assert.Empty(reading.Unplaced);
        Assert.DoesNotContain(reading.Findings, f => f.Severity != FindingSeverity.Info);
    }

    [Fact]
    public void Load_PdfWithoutText_GivesNoTextLayerError()
    {
        var builder = new PdfDocumentBuilder();
        builder.AddPage(595, 842);

        var loaded = new PlanDocumentLoader().Load(builder.Build(), "scan.pdf");

        Assert.Null(loaded.Document);
        Assert.Equal(PlanFindingCodes.PdfNoTextLayer, Assert.Single(loaded.Findings).Code);
    }

    [Fact]
    public void Load_DamagedPdf_GivesUnreadableError()
    {
        var loaded = new PlanDocumentLoader().Load("%PDF-1.7\n1 0 obj << /Type /Catalog"u8.ToArray(), "broken.pdf");

        Assert.Null(loaded.Document);
        Assert.Contains(Assert.Single(loaded.Findings).Code, new[] { PlanFindingCodes.PdfUnreadable, PlanFindingCodes.PdfNoTextLayer });
    }
}

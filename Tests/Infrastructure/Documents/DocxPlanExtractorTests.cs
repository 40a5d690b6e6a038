using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using HighServiceDashboard.Domain.Plans.Reading;
using HighServiceDashboard.Infrastructure.Documents;

namespace HighServiceDashboard.Tests.Infrastructure.Documents;

public sealed class DocxPlanExtractorTests
{
    [Fact]
    public void Load_WordPlanWithMergedPillarCell_ReadsPillarOnFirstRowOnly()
    {
        var bytes = BuildPlan();

        var loaded = new PlanDocumentLoader().Load(bytes, "旗津戶政113.docx");

        Assert.True(loaded.Succeeded);
        var table = Assert.Single(loaded.Document!.Blocks.OfType<PlanTable>());
        Assert.Equal("二、重視全程意見回饋及參與，力求服務切合民眾需求", table.Rows[1].Cells[0].Text);
        Assert.Equal(string.Empty, table.Rows[2].Cells[0].Text);
        Assert.Equal(string.Empty, table.Rows[3].Cells[0].Text);

        // The header's first cell spans the pillar and sub-item columns: the next cell is in grid column 2.
        Assert.Equal(2, table.Rows[0].Cells[1].Column);
        Assert.Equal("滿意度調查\n1. 問卷設計納入洽公項目。\n2. 每半年分析調查結果。", table.Rows[2].Cells[2].Text);

        var reading = new PlanReader().Read(loaded.Document);
        Assert.Equal("高雄市旗津區戶政事務所", reading.AgencyName);
        Assert.Equal(108, reading.RocYear);
        Assert.Equal(YearSource.ResultsSentence, reading.YearSource);
        Assert.Equal(["2.1", "2.3", "2.4"], reading.GetCoverage().SubItems.Where(s => s.Status == CoverageStatus.Covered).Select(s => s.Code));
        var survey = reading.FocusPoints.Single(f => f.Code == "2.3");
        Assert.Equal(["戶籍課", "秘書室"], survey.Units);
        Assert.Equal([["戶籍課"], ["秘書室"]], survey.Measures.Select(m => m.Units));
        Assert.Equal(CadenceKind.HalfYearly, Assert.Single(survey.Cadences).Kind);
        Assert.Empty(reading.Unplaced);
        Assert.Equal(reading.Items.Single(i => i.Code == "2").Line, table.Rows[1].Line);
    }

    [Fact]
    public void Load_TableInsideContentControl_IsRead()
    {
        using var stream = new MemoryStream();
        using (var word = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var table = new Table(
                Row(Cell("一、完備基礎服務項目，注重服務特性差異化"), Cell("(一)建立業務標準作業流程，維持服務措施處理一致性；確保資訊提供、問題回應或申辦案件處理的正確性，並適時檢討改進流程與作業方式。"), Cell("標準作業流程 訂定並公開。"), Cell("秘書室")));
            word.AddMainDocumentPart().Document = new Document(new Body(Paragraph("高雄市政府財政局113年度提升服務執行計畫"), new SdtBlock(new SdtContentBlock(table))));
        }

        var loaded = new PlanDocumentLoader().Load(stream.ToArray(), "form.docx");

        var table2 = Assert.Single(loaded.Document!.Blocks.OfType<PlanTable>());
        Assert.Equal("秘書室", table2.Rows[0].Cells[3].Text);
    }

    [Fact]
    public void Load_DocxThatIsNotAZipPackage_GivesUnreadableError()
    {
        var loaded = new PlanDocumentLoader().Load("PK\u0003\u0004 not really a package"u8.ToArray(), "plan.docx");

        Assert.Null(loaded.Document);
        Assert.Equal(PlanFindingCodes.DocxUnreadable, Assert.Single(loaded.Findings).Code);
    }

    internal static byte[] BuildPlan()
    {
        using var stream = new MemoryStream();
        using (var word = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var main = word.AddMainDocumentPart();
            var body = new Body(
                Paragraph("高雄市旗津區戶政事務所提升服務工作計畫"),
                Paragraph("肆、計畫內容"),
                new Table(
                    Row(Cell("執行要項", span: 2), Cell("執行重點"), Cell("辦理單位")),
                    Row(Cell("二、重視全程意見回饋及參與，力求服務切合民眾需求", merge: MergedCellValues.Restart),
                        Cell("(一)納入民眾參與服務設計或邀請民間協力合作，提供符合民眾需求的服務。"),
                        Cell("民眾參與 邀請里長參與戶政服務改善座談。"), Cell("秘書室")),
                    Row(Cell("二、重視全程意見回饋及參與，力求服務切合民眾需求", merge: MergedCellValues.Continue),
                        Cell("(二)依據服務特性辦理滿意度調查，瞭解民眾對服務的看法，並據以檢討改善既有措施。"),
                        NumberedCell("滿意度調查", ["問卷設計納入洽公項目。", "每半年分析調查結果。"]), Cell("1.戶籍課 2.秘書室")),
                    Row(Cell(string.Empty, merge: null, continueMerge: true),
                        Cell("(三)傾聽民眾意見，積極回應，有效協助民眾解決問題。"),
                        Cell("陳情處理 1999陳情案件於3日內回覆。"), Cell("各課室"))),
                Paragraph("伍、推動及管考"),
                Paragraph("本所於109年1月提送年度執行成果。"));
            main.Document = new Document(body);
            AddNumbering(main);
            main.Document.Save();
        }

        return stream.ToArray();
    }

    private static Paragraph Paragraph(string text) => new(new Run(new Text(text)));

    private static TableRow Row(params TableCell[] cells) => new(cells);

    private static TableCell Cell(string text, int span = 1, MergedCellValues? merge = null, bool continueMerge = false)
    {
        var properties = new TableCellProperties();
        if (span > 1)
        {
            properties.Append(new GridSpan { Val = span });
        }

        if (merge is { } value)
        {
            properties.Append(new VerticalMerge { Val = value });
        }
        else if (continueMerge)
        {
            properties.Append(new VerticalMerge());
        }

        return new TableCell(properties, Paragraph(text));
    }

    private static TableCell NumberedCell(string title, string[] items)
    {
        var cell = new TableCell(Paragraph(title));
        foreach (var item in items)
        {
            cell.Append(new Paragraph(
                new ParagraphProperties(new NumberingProperties(new NumberingLevelReference { Val = 0 }, new NumberingId { Val = 1 })),
                new Run(new Text(item))));
        }

        return cell;
    }

    private static void AddNumbering(MainDocumentPart main)
    {
        var numbering = main.AddNewPart<NumberingDefinitionsPart>();
        numbering.Numbering = new Numbering(
            new AbstractNum(new Level(new NumberingFormat { Val = NumberFormatValues.Decimal }, new LevelText { Val = "%1." }) { LevelIndex = 0 }) { AbstractNumberId = 1 },
            new NumberingInstance(new AbstractNumId { Val = 1 }) { NumberID = 1 });
        numbering.Numbering.Save();
    }
}

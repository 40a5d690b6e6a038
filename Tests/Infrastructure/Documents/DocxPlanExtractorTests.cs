using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using HighServiceDashboard.Domain.Plans.Reading;
using HighServiceDashboard.Infrastructure.Documents;
using HighServiceDashboard.Tests.Support;

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

    [Fact]
    public void Load_RunsWithTabsBreaksSymbolsRevisionsAndFields_ReadsWhatWordShows()
    {
        var bytes = DocxBuilder.Package(
            "<w:p><w:r><w:t>甲</w:t><w:tab/><w:t>乙</w:t><w:br/><w:t>丙</w:t><w:cr/><w:sym w:font=\"Wingdings\" w:char=\"F0FC\"/></w:r>" +
            "<w:del><w:r><w:delText>刪除的字</w:delText></w:r></w:del><w:ins><w:r><w:t>新增的字</w:t></w:r></w:ins>" +
            "<w:r><w:fldChar w:fldCharType=\"begin\"/></w:r><w:r><w:instrText xml:space=\"preserve\"> PAGE </w:instrText></w:r>" +
            "<w:r><w:fldChar w:fldCharType=\"separate\"/></w:r><w:r><w:t>3</w:t></w:r><w:r><w:fldChar w:fldCharType=\"end\"/></w:r></w:p>");

        var loaded = new PlanDocumentLoader().Load(bytes, "runs.docx");

        Assert.Equal("甲 乙\n丙\n新增的字3", Assert.IsType<PlanParagraph>(Assert.Single(loaded.Document!.Blocks)).Text);
    }

    [Fact]
    public void Load_ContentControlsAtRunRowAndCellLevel_AreReadInPlace()
    {
        var bytes = DocxBuilder.Package(
            "<w:p><w:sdt><w:sdtPr><w:alias w:val=\"機關\"/></w:sdtPr><w:sdtContent><w:r><w:t>高雄市政府財政局</w:t></w:r></w:sdtContent></w:sdt><w:r><w:t>計畫</w:t></w:r></w:p>" +
            "<w:tbl><w:sdt><w:sdtContent><w:tr><w:tc>" + DocxBuilder.P("甲") + "</w:tc><w:sdt><w:sdtContent><w:tc>" + DocxBuilder.P("乙") + "</w:tc></w:sdtContent></w:sdt></w:tr></w:sdtContent></w:sdt></w:tbl>");

        var blocks = new PlanDocumentLoader().Load(bytes, "controls.docx").Document!.Blocks;

        Assert.Equal("高雄市政府財政局計畫", Assert.IsType<PlanParagraph>(blocks[0]).Text);
        var row = Assert.Single(Assert.IsType<PlanTable>(blocks[1]).Rows);
        Assert.Equal([("甲", 0), ("乙", 1)], row.Cells.Select(c => (c.Text, c.Column)));
    }

    [Fact]
    public void Load_ContentControlShowingItsPlaceholder_IsNotRead()
    {
        var bytes = DocxBuilder.Package(
            "<w:sdt><w:sdtPr><w:placeholder><w:docPart w:val=\"DefaultPlaceholder\"/></w:placeholder><w:showingPlcHdr/></w:sdtPr><w:sdtContent>" + DocxBuilder.P("按一下或點選這裡以輸入文字。") + "</w:sdtContent></w:sdt>" +
            "<w:sdt><w:sdtPr><w:alias w:val=\"辦理單位\"/></w:sdtPr><w:sdtContent>" + DocxBuilder.P("秘書室") + "</w:sdtContent></w:sdt>");

        var blocks = new PlanDocumentLoader().Load(bytes, "form.docx").Document!.Blocks;

        Assert.Equal("秘書室", Assert.IsType<PlanParagraph>(Assert.Single(blocks)).Text);
    }

    [Fact]
    public void Load_GridBeforeAndSpans_PlaceCellsInGridColumns()
    {
        var bytes = DocxBuilder.Package("<w:tbl><w:tr><w:trPr><w:gridBefore w:val=\"1\"/></w:trPr><w:tc><w:tcPr><w:gridSpan w:val=\"2\"/></w:tcPr>" + DocxBuilder.P("跨兩欄") +
            "</w:tc><w:tc>" + DocxBuilder.P("第四欄") + "</w:tc></w:tr></w:tbl>");

        var row = Assert.Single(Assert.IsType<PlanTable>(Assert.Single(new PlanDocumentLoader().Load(bytes, "grid.docx").Document!.Blocks)).Rows);

        Assert.Equal([("跨兩欄", 1), ("第四欄", 3)], row.Cells.Select(c => (c.Text, c.Column)));
    }

    [Fact]
    public void Load_TableInsideACell_IsJoinedIntoTheCellText()
    {
        var bytes = DocxBuilder.Package("<w:tbl><w:tr><w:tc>" + DocxBuilder.P("辦理單位") +
            "<w:tbl><w:tr><w:tc>" + DocxBuilder.P("秘書室") + "</w:tc><w:tc>" + DocxBuilder.P("每季") + "</w:tc></w:tr>" +
            "<w:tr><w:tc>" + DocxBuilder.P("戶籍課") + "</w:tc><w:tc>" + DocxBuilder.P("每月") + "</w:tc></w:tr></w:tbl>" + DocxBuilder.P("") + "</w:tc></w:tr></w:tbl>");

        var table = Assert.IsType<PlanTable>(Assert.Single(new PlanDocumentLoader().Load(bytes, "nested.docx").Document!.Blocks));

        Assert.Equal("辦理單位\n秘書室 每季\n戶籍課 每月", Assert.Single(Assert.Single(table.Rows).Cells).Text);
    }

    [Fact]
    public void Load_TextBoxes_ReadOnceAfterTheirParagraphOrInsideTheirCell()
    {
        // Word writes a text box twice: as DrawingML (the choice) and as VML (the fallback).
        var box = "<w:r><mc:AlternateContent><mc:Choice Requires=\"wps\"><w:drawing><wp:anchor><a:graphic><a:graphicData><wps:wsp><wps:txbx><w:txbxContent>" +
            DocxBuilder.P("框內的字") + "</w:txbxContent></wps:txbx></wps:wsp></a:graphicData></a:graphic></wp:anchor></w:drawing></mc:Choice>" +
            "<mc:Fallback><w:pict><v:shape><v:textbox><w:txbxContent>" + DocxBuilder.P("框內的字") + "</w:txbxContent></v:textbox></v:shape></w:pict></mc:Fallback></mc:AlternateContent></w:r>";
        var bytes = DocxBuilder.Package("<w:p><w:r><w:t>本文</w:t></w:r>" + box + "</w:p>" + DocxBuilder.P("下一段") +
            "<w:tbl><w:tr><w:tc><w:p><w:r><w:t>格內</w:t></w:r><w:r><w:pict><v:shape><v:textbox><w:txbxContent>" + DocxBuilder.P("格內框") +
            "</w:txbxContent></v:textbox></v:shape></w:pict></w:r></w:p></w:tc></w:tr></w:tbl>");

        var blocks = new PlanDocumentLoader().Load(bytes, "boxes.docx").Document!.Blocks;

        Assert.Equal(["本文", "框內的字", "下一段"], blocks.OfType<PlanParagraph>().Select(p => p.Text));
        Assert.Equal([1, 2, 3], blocks.OfType<PlanParagraph>().Select(p => p.Line));
        Assert.Equal("格內\n格內框", blocks.OfType<PlanTable>().Single().Rows[0].Cells[0].Text);
    }

    [Fact]
    public void Load_AutomaticNumbering_ReadsTheLabelsWordShows()
    {
        var numbering = DocxBuilder.Numbering($"<w:numbering xmlns:w=\"{DocxBuilder.WordNamespace}\">" +
            "<w:abstractNum w:abstractNumId=\"1\">" +
            Level(0, "taiwaneseCountingThousand", "%1、", suffix: "nothing") + Level(1, "taiwaneseCountingThousand", "(%2)", suffix: "nothing") +
            Level(2, "decimal", "%3.") + Level(3, "decimalFullWidth", "（%4）", suffix: "nothing", start: 11) + "</w:abstractNum>" +
            "<w:abstractNum w:abstractNumId=\"2\">" + Level(0, "ideographLegalTraditional", "%1、", suffix: "nothing") + "</w:abstractNum>" +
            "<w:abstractNum w:abstractNumId=\"3\">" + Level(0, "taiwaneseCountingThousand", "%1、", suffix: "nothing", start: 10) + "</w:abstractNum>" +
            "<w:num w:numId=\"1\"><w:abstractNumId w:val=\"1\"/></w:num><w:num w:numId=\"2\"><w:abstractNumId w:val=\"2\"/></w:num>" +
            "<w:num w:numId=\"3\"><w:abstractNumId w:val=\"3\"/></w:num>" +
            "<w:num w:numId=\"4\"><w:abstractNumId w:val=\"1\"/><w:lvlOverride w:ilvl=\"2\"><w:startOverride w:val=\"5\"/></w:lvlOverride></w:num></w:numbering>");
        var styles = DocxBuilder.Styles($"<w:styles xmlns:w=\"{DocxBuilder.WordNamespace}\"><w:style w:type=\"paragraph\" w:styleId=\"1\"><w:pPr><w:numPr><w:numId w:val=\"2\"/></w:numPr></w:pPr></w:style>" +
            "<w:style w:type=\"paragraph\" w:styleId=\"Heading\"><w:basedOn w:val=\"1\"/></w:style></w:styles>");
        var bytes = DocxBuilder.Package(
            Styled("Heading", "計畫依據") + Numbered(1, 0, "完備基礎服務項目") + Numbered(1, 1, "建立標準作業流程") + Numbered(1, 1, "提供多元服務") +
            Numbered(1, 2, "訂定流程") + Numbered(1, 2, "公開流程") + Numbered(1, 3, "全形") + Numbered(1, 0, "重視意見回饋") + Numbered(1, 1, "納入民眾參與") +
            Numbered(4, 2, "重新起算") + Styled("Heading", "計畫目標") + Numbered(3, 0, "第十項") + Numbered(3, 0, "第十一項") + Numbered(9, 0, "沒有定義"),
            numbering, styles);

        var blocks = new PlanDocumentLoader().Load(bytes, "numbered.docx").Document!.Blocks;

        Assert.Equal(
            ["壹、計畫依據", "一、完備基礎服務項目", "(一)建立標準作業流程", "(二)提供多元服務", "1. 訂定流程", "2. 公開流程", "（１１）全形", "二、重視意見回饋", "(一)納入民眾參與",
             "5. 重新起算", "貳、計畫目標", "十、第十項", "十一、第十一項", "沒有定義"],
            blocks.OfType<PlanParagraph>().Select(p => p.Text));

        static string Level(int index, string format, string text, string? suffix = null, int start = 1) =>
            $"<w:lvl w:ilvl=\"{index}\"><w:start w:val=\"{start}\"/><w:numFmt w:val=\"{format}\"/><w:lvlText w:val=\"{text}\"/>" + (suffix is null ? "" : $"<w:suff w:val=\"{suffix}\"/>") + "</w:lvl>";

        static string Numbered(int numberingId, int level, string text) =>
            $"<w:p><w:pPr><w:numPr><w:ilvl w:val=\"{level}\"/><w:numId w:val=\"{numberingId}\"/></w:numPr></w:pPr><w:r><w:t>{text}</w:t></w:r></w:p>";

        static string Styled(string style, string text) => $"<w:p><w:pPr><w:pStyle w:val=\"{style}\"/></w:pPr><w:r><w:t>{text}</w:t></w:r></w:p>";
    }

    [Fact]
    public void Load_NumberedCellWithoutNumberingPart_CountsWithinTheCellAsBefore()
    {
        var item = "<w:p><w:pPr><w:numPr><w:ilvl w:val=\"{0}\"/><w:numId w:val=\"5\"/></w:numPr></w:pPr><w:r><w:t>{1}</w:t></w:r></w:p>";
        var bytes = DocxBuilder.Package("<w:tbl><w:tr><w:tc>" + string.Format(item, 0, "甲") + string.Format(item, 1, "乙") + string.Format(item, 0, "丙") + "</w:tc>" +
            "<w:tc>" + string.Format(item, 0, "丁") + "</w:tc></w:tr></w:tbl>" + string.Format(item, 0, "本文"));

        var blocks = new PlanDocumentLoader().Load(bytes, "plain.docx").Document!.Blocks;

        Assert.Equal(["1. 甲\n(1)乙\n2. 丙", "1. 丁"], blocks.OfType<PlanTable>().Single().Rows[0].Cells.Select(c => c.Text));
        Assert.Equal("本文", blocks.OfType<PlanParagraph>().Single().Text);
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

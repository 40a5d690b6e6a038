using System.Diagnostics;
using System.IO.Compression;
using System.Text;
using HighServiceDashboard.Domain.Plans.Reading;
using HighServiceDashboard.Infrastructure.Documents;
using HighServiceDashboard.Tests.Support;

namespace HighServiceDashboard.Tests.Infrastructure.Documents;

public sealed class OdtPlanExtractorTests
{
    private static string P(string text) => $"<text:p>{text}</text:p>";

    private static string Cell(string text, string attributes = "") => $"<table:table-cell {attributes} office:value-type=\"string\">{P(text)}</table:table-cell>";

    private const string Covered = "<table:covered-table-cell/>";

    private static string Row(params string[] cells) => "<table:table-row>" + string.Concat(cells) + "</table:table-row>";

    private static string Table(params string[] rows) => "<table:table table:name=\"T\"><table:table-column table:number-columns-repeated=\"4\"/>" + string.Concat(rows) + "</table:table>";

    private static PlanTextDocument Read(string body, string automaticStyles = "", string? styles = null)
    {
        var loaded = OdtPlanExtractor.Extract(OdtPackage.Build(body, automaticStyles, styles), "plan.odt", CancellationToken.None);
        Assert.True(loaded.Succeeded, string.Join(" ", loaded.Findings.Select(f => f.Code + " " + f.MessageEn)));
        Assert.Empty(loaded.Findings);
        return loaded.Document!;
    }

    private static List<(string Text, int Column)> Cells(PlanRow row) => row.Cells.Select(c => (c.Text, c.Column)).ToList();

    [Fact]
    public void Extract_SpansAndCoveredCells_PlacesEachCellOnItsGridColumn()
    {
        var document = Read(Table(
            Row(Cell("實施要項", "table:number-columns-spanned=\"2\""), Covered, Cell("方法"), Cell("單位")),
            Row(Cell("一、完備基礎服務", "table:number-rows-spanned=\"2\""), Cell("(一)建立標準"), Cell("1. 服務人員"), Cell("秘書室")),
            Row(Covered, Cell("(二)提供資訊"), Cell("2. 一次完整服務", "table:number-columns-spanned=\"2\""), Covered),
            Row(Cell("五、開放政府", "table:number-rows-spanned=\"2\" table:number-columns-spanned=\"2\""), Covered, Cell("甲"), Cell("乙")),
            Row(Covered, Covered, Cell("丙"), Cell("丁"))));

        var rows = Assert.IsType<PlanTable>(Assert.Single(document.Blocks)).Rows;
        Assert.Equal([("實施要項", 0), ("方法", 2), ("單位", 3)], Cells(rows[0]));
        Assert.Equal([("一、完備基礎服務", 0), ("(一)建立標準", 1), ("1. 服務人員", 2), ("秘書室", 3)], Cells(rows[1]));

        // Covered from above: an empty cell on column 0, as a Word merge continuation reads.
        Assert.Equal([("", 0), ("(二)提供資訊", 1), ("2. 一次完整服務", 2)], Cells(rows[2]));
        Assert.Equal([("五、開放政府", 0), ("甲", 2), ("乙", 3)], Cells(rows[3]));

        // Covered by a cell two columns wide and two rows high: one empty cell, the next cell on column 2.
        Assert.Equal([("", 0), ("丙", 2), ("丁", 3)], Cells(rows[4]));
        // Lines are paragraph numbers: each cell holds one paragraph, a covered cell none.
        Assert.Equal([1, 4, 8, 10, 13], rows.Select(r => r.Line));
    }

    [Fact]
    public void Extract_RepeatedCells_RepeatsThemUpToTheCap()
    {
        var document = Read(Table(
            Row(Cell("同", "table:number-columns-repeated=\"3\""), Cell("尾")),
            Row(Cell("", "table:number-columns-repeated=\"100000\""), Cell("末"))));

        var rows = ((PlanTable)document.Blocks[0]).Rows;
        Assert.Equal([("同", 0), ("同", 1), ("同", 2), ("尾", 3)], Cells(rows[0]));
        Assert.Equal(257, rows[1].Cells.Count);
        Assert.Equal(("末", 256), (rows[1].Cells[^1].Text, rows[1].Cells[^1].Column));
    }

    [Fact]
    public void Extract_HeaderRowsAndRowGroups_ReadInDocumentOrder()
    {
        var document = Read("<table:table><table:table-column table:number-columns-repeated=\"2\"/>" +
            "<table:table-header-rows>" + Row(Cell("實施要項"), Cell("實施方法")) + "</table:table-header-rows>" +
            "<table:table-rows>" + Row(Cell("一、完備"), Cell("1. 服務")) + "</table:table-rows>" +
            "<text:soft-page-break/>" +
            "<table:table-row-group>" + Row(Cell("二、重視"), Cell("2. 意見")) + "</table:table-row-group></table:table>");

        var rows = ((PlanTable)Assert.Single(document.Blocks)).Rows;
        Assert.Equal([["實施要項", "實施方法"], ["一、完備", "1. 服務"], ["二、重視", "2. 意見"]], rows.Select(r => r.Cells.Select(c => c.Text).ToArray()));
        Assert.Equal([1, 3, 5], rows.Select(r => r.Line));
    }

    [Fact]
    public void Extract_SpacesTabsAndLineBreaks_ReadAsTheyShow()
    {
        var document = Read(Table(Row(
            "<table:table-cell>" + P("甲<text:line-break/>乙<text:s text:c=\"3\"/>丙<text:tab/>丁") + P("  前後  <text:span>空白</text:span>\n   收合  ") + "</table:table-cell>")));

        var cell = ((PlanTable)document.Blocks[0]).Rows[0].Cells[0];
        Assert.Equal("甲\n乙   丙 丁\n前後 空白 收合", cell.Text);
    }

    [Fact]
    public void Extract_ListsWithoutStyle_WriteNumbersAsWordNumberingReads()
    {
        var list = "<text:list>" +
            "<text:list-item>" + P("服務資訊公開") + "<text:list><text:list-item>" + P("網站更新") + "</text:list-item><text:list-item>" + P("電話諮詢") + "</text:list-item></text:list></text:list-item>" +
            "<text:list-item>" + P("臨櫃引導") + P("同一項的第二段") + "<text:list><text:list-item>" + P("主動招呼") + "</text:list-item></text:list></text:list-item>" +
            "</text:list>";

        var document = Read(Table(Row("<table:table-cell>" + P("服務措施") + list + "</table:table-cell>")) + list);

        Assert.Equal("服務措施\n1. 服務資訊公開\n(1)網站更新\n(2)電話諮詢\n2. 臨櫃引導\n同一項的第二段\n(1)主動招呼", ((PlanTable)document.Blocks[0]).Rows[0].Cells[0].Text);
        Assert.Equal(["1. 服務資訊公開", "(1)網站更新", "(2)電話諮詢", "2. 臨櫃引導", "同一項的第二段", "(1)主動招呼"], document.Blocks.Skip(1).Cast<PlanParagraph>().Select(p => p.Text));
    }

    [Fact]
    public void Extract_ListStyles_WriteTheStyleLabels()
    {
        const string automatic =
            "<text:list-style style:name=\"L1\">" +
            "<text:list-level-style-number text:level=\"1\" style:num-format=\"一, 二, 三, ...\" style:num-suffix=\"、\"/>" +
            "<text:list-level-style-number text:level=\"2\" style:num-prefix=\"(\" style:num-format=\"一, 二, 三, ...\" style:num-suffix=\")\"/>" +
            "</text:list-style>" +
            "<text:list-style style:name=\"L2\"><text:list-level-style-bullet text:level=\"1\" text:bullet-char=\"•\"/></text:list-style>";
        const string named =
            "<text:list-style style:name=\"Numbering_20_123\"><text:list-level-style-number text:level=\"1\" style:num-format=\"1\" style:num-suffix=\".\" text:start-value=\"3\"/>" +
            "<text:list-level-style-number text:level=\"2\" style:num-format=\"1\" style:num-suffix=\".\" text:display-levels=\"2\"/></text:list-style>";
        var items = string.Concat(Enumerable.Range(1, 11).Select(i => $"<text:list-item>{P("項" + i)}</text:list-item>"));

        var document = Read(
            "<text:list text:style-name=\"L1\">" + items.Replace("<text:list-item><text:p>項2</text:p></text:list-item>", "<text:list-item><text:p>項2</text:p><text:list><text:list-item><text:p>子</text:p></text:list-item></text:list></text:list-item>") + "</text:list>" +
            "<text:list text:style-name=\"L2\"><text:list-item>" + P("圓點") + "</text:list-item></text:list>" +
            "<text:list text:style-name=\"Numbering_20_123\"><text:list-item>" + P("第三") + "<text:list><text:list-item>" + P("分項") + "</text:list-item></text:list></text:list-item></text:list>" +
            P("中斷") +
            "<text:list text:style-name=\"Numbering_20_123\" text:continue-numbering=\"true\"><text:list-item>" + P("接續") + "</text:list-item></text:list>",
            automatic, named);

        var texts = document.Blocks.Cast<PlanParagraph>().Select(p => p.Text).ToList();
        Assert.Equal(["一、項1", "二、項2", "(一)子", "三、項3"], texts.Take(4));
        Assert.Equal("十、項10", texts[10]);
        Assert.Equal("十一、項11", texts[11]);
        Assert.Equal(["圓點", "3. 第三", "3.1. 分項", "中斷", "4. 接續"], texts.Skip(12));
    }

    [Fact]
    public void Extract_NestedTableInCell_JoinsItsRowsIntoTheCell()
    {
        var nested = "<table:table>" + Row(Cell("甲"), Cell("乙")) + Row(Cell("丙"), Cell("丁")) + "</table:table>";

        var document = Read(Table(Row("<table:table-cell>" + P("外層") + nested + "</table:table-cell>", Cell("右"))));

        var row = ((PlanTable)Assert.Single(document.Blocks)).Rows.Single();
        Assert.Equal([("外層\n甲 乙\n丙 丁", 0), ("右", 1)], Cells(row));
    }

    [Fact]
    public void Extract_TextBoxes_ReadAfterTheirAnchorParagraph_PicturesAndNotesLeftOut()
    {
        var document = Read(
            "<text:h text:outline-level=\"1\">高雄市政府財政局動產質借所</text:h>" +
            P("錨定段落<draw:frame draw:name=\"框\"><draw:text-box>" + P("框內第一段") + P("框內第二段") + "</draw:text-box></draw:frame>，續文") +
            P("<draw:frame><draw:image xlink:href=\"Pictures/a.png\"><office:binary-data>iVBORw0KGgo=</office:binary-data></draw:image><svg:title>標誌圖</svg:title><svg:desc>說明</svg:desc></draw:frame>") +
            P("正文<text:note text:note-class=\"footnote\"><text:note-citation>1</text:note-citation><text:note-body>" + P("註腳") + "</text:note-body></text:note>結束") +
            P("<office:annotation><text:p>批註</text:p></office:annotation>留下") +
            "<text:tracked-changes><text:changed-region><text:deletion>" + P("刪除的文字") + "</text:deletion></text:changed-region></text:tracked-changes>" +
            P("114年度提升服務工作計畫"));

        Assert.Equal(
            [(1, "高雄市政府財政局動產質借所"), (2, "錨定段落，續文"), (3, "框內第一段"), (4, "框內第二段"), (6, "正文結束"), (7, "留下"), (8, "114年度提升服務工作計畫")],
            document.Blocks.Cast<PlanParagraph>().Select(p => (p.Line, p.Text)));
    }

    [Fact]
    public void Extract_Spreadsheet_IsRefusedAsUnsupported()
    {
        var ods = OdtPackage.Build("<table:table/>", mimeType: "application/vnd.oasis.opendocument.spreadsheet", bodyKind: "spreadsheet");

        var loaded = new PlanDocumentLoader().Load(ods, "plan.ods");

        var finding = Assert.Single(loaded.Findings);
        Assert.Equal(PlanFindingCodes.UnsupportedFormat, finding.Code);
        Assert.Contains("試算表（.ods）", finding.Message);
        Assert.Contains("spreadsheet (.ods)", finding.MessageEn);
    }

    [Fact]
    public void Load_OdtNamedDocx_IsReadAsOpenDocument()
    {
        var loaded = new PlanDocumentLoader().Load(OdtPackage.Build(P("114年度提升服務工作計畫")), "plan.docx");

        Assert.Equal("114年度提升服務工作計畫", Assert.IsType<PlanParagraph>(Assert.Single(loaded.Document!.Blocks)).Text);
    }

    [Fact]
    public void Load_DocxNamedOdt_IsReadAsWord()
    {
        var loaded = new PlanDocumentLoader().Load(SampleFiles.Docx("佐證資料"), "plan.odt");

        Assert.Equal("佐證資料", Assert.IsType<PlanParagraph>(Assert.Single(loaded.Document!.Blocks)).Text);
    }

    [Fact]
    public void Load_ZipWithoutContentNamedOdt_GivesOdtUnreadable()
    {
        var loaded = new PlanDocumentLoader().Load(OdtPackage.Zip(OdtPackage.TextMimeType, [("styles.xml", "<x/>")]), "plan.odt");

        Assert.Equal(PlanFindingCodes.OdtUnreadable, Assert.Single(loaded.Findings).Code);
        Assert.Contains("content.xml", loaded.Findings[0].MessageEn);
    }

    [Fact]
    public void Load_DamagedOdt_GivesOdtUnreadable()
    {
        var whole = OdtPackage.Build(Table(Row(Cell("一、完備"), Cell("1. 服務"))));
        var brokenXml = OdtPackage.Zip(OdtPackage.TextMimeType, [("content.xml", "<office:document-content xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\"><office:body><office:text><text:p>")]);
        var random = new Random(77);
        var loader = new PlanDocumentLoader();

        Assert.Equal(PlanFindingCodes.OdtUnreadable, Assert.Single(loader.Load(whole[..(whole.Length / 2)], "plan.odt").Findings).Code);
        Assert.Equal(PlanFindingCodes.OdtUnreadable, Assert.Single(loader.Load(brokenXml, "plan.odt").Findings).Code);
        for (var i = 0; i < 40; i++)
        {
            var bytes = (byte[])whole.Clone();
            for (var n = 0; n < 3; n++)
            {
                bytes[random.Next(40, bytes.Length)] ^= (byte)random.Next(1, 256);
            }

            var loaded = loader.Load(bytes, "plan.odt");

            Assert.True(loaded.Succeeded || loaded.Findings.Any(f => f.Severity == FindingSeverity.Error), $"#{i}");
        }
    }

    [Fact]
    public void Extract_NestedTwentyThousandLevels_IsRefusedQuicklyWithoutStackOverflow()
    {
        var deep = new StringBuilder();
        for (var i = 0; i < 10_000; i++)
        {
            deep.Append("<text:list><text:list-item>");
        }

        deep.Append(P("最深"));
        for (var i = 0; i < 10_000; i++)
        {
            deep.Append("</text:list-item></text:list>");
        }

        var tables = string.Concat(Enumerable.Repeat("<table:table><table:table-row><table:table-cell>", 7_000)) + P("表") + string.Concat(Enumerable.Repeat("</table:table-cell></table:table-row></table:table>", 7_000));
        var clock = Stopwatch.StartNew();

        var lists = OdtPlanExtractor.Extract(OdtPackage.Build(deep.ToString()), "deep.odt", CancellationToken.None);
        var nestedTables = OdtPlanExtractor.Extract(OdtPackage.Build(tables), "deep.odt", CancellationToken.None);

        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5), clock.Elapsed.ToString());
        foreach (var loaded in new[] { lists, nestedTables })
        {
            var finding = Assert.Single(loaded.Findings);
            Assert.Equal(PlanFindingCodes.OdtUnreadable, finding.Code);
            Assert.Contains("100", finding.MessageEn);
        }
    }

    [Fact]
    public void Extract_ZipBomb_IsRefusedBeforeReading()
    {
        var clock = Stopwatch.StartNew();
        var large = Bomb(OdtPlanExtractor.MaxContentBytes + 1024 * 1024);
        var dense = Bomb(8 * 1024 * 1024);
        clock.Restart();

        var loadedLarge = OdtPlanExtractor.Extract(large, "bomb.odt", CancellationToken.None);
        var loadedDense = OdtPlanExtractor.Extract(dense, "bomb.odt", CancellationToken.None);

        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(1), clock.Elapsed.ToString());
        Assert.True(large.Length < 200 * 1024 && dense.Length < 50 * 1024, $"{large.Length} {dense.Length}");
        Assert.Equal(PlanFindingCodes.FileTooLarge, Assert.Single(loadedLarge.Findings).Code);
        Assert.Equal(PlanFindingCodes.FileTooLarge, Assert.Single(loadedDense.Findings).Code);
        Assert.Contains("compression ratio", loadedDense.Findings[0].MessageEn);
    }

    [Fact]
    public void Extract_MoreCellsThanTheCap_IsRefused()
    {
        // 8 rows repeated 100 times, of 256 repeated cells: 204,800 cells from a few hundred bytes.
        var row = "<table:table-row table:number-rows-repeated=\"100\">" + Cell("格", "table:number-columns-repeated=\"256\"") + "</table:table-row>";

        var loaded = OdtPlanExtractor.Extract(OdtPackage.Build(Table(Enumerable.Repeat(row, 8).ToArray())), "cells.odt", CancellationToken.None);

        Assert.Equal(PlanFindingCodes.FileTooLarge, Assert.Single(loaded.Findings).Code);
        Assert.Contains("200,000", loaded.Findings[0].MessageEn);
    }

    [Fact]
    public void Extract_Cancelled_Throws()
    {
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();

        Assert.Throws<OperationCanceledException>(() => OdtPlanExtractor.Extract(OdtPackage.Build(P("計畫")), "plan.odt", cancelled.Token));
    }

    [SeedTheory]
    [InlineData("finance-bureau-113.txt")]
    [InlineData("niaosong-district-113.txt")]
    [InlineData("pawnshop-114.txt")]
    public void Load_SeedPlanSavedAsOdtByLibreOffice_ReadsTheSameCoverage(string file)
    {
        var text = PlanTextDocument.FromText(File.ReadAllText(SeedPlans.Path(file)), file);

        var loaded = new PlanDocumentLoader().Load(File.ReadAllBytes(OfficeFixtures.Path(Path.ChangeExtension(file, ".odt"))), Path.ChangeExtension(file, ".odt"));

        Assert.True(loaded.Succeeded, string.Join(" ", loaded.Findings.Select(f => f.Code)));
        OfficeFixtures.AssertSameCoverage(text, loaded.Document!);
    }

    [Fact]
    public void Load_PawnshopOdt_ReadsThePillarCellSpanningRowsOnItsFirstRow()
    {
        var loaded = new PlanDocumentLoader().Load(File.ReadAllBytes(OfficeFixtures.Path("pawnshop-114.odt")), "pawnshop-114.odt");

        // LibreOffice wrote the pillar cell spanning its rows: the rows below read an empty first cell.
        var table = loaded.Document!.Blocks.OfType<PlanTable>().Single();
        var pillar = table.Rows.Select((r, i) => (r, i)).First(x => x.r.Cells[0].Text.StartsWith("一、完備基礎服務項目", StringComparison.Ordinal)).i;
        Assert.Equal((string.Empty, 0), (table.Rows[pillar + 1].Cells[0].Text, table.Rows[pillar + 1].Cells[0].Column));
        Assert.Equal(2, table.Rows[pillar + 1].Cells[2].Column);
    }

    // content.xml of white space inside one paragraph: megabytes that deflate to almost nothing.
    private static byte[] Bomb(long size)
    {
        using var stream = new MemoryStream();
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            using (var mime = new StreamWriter(zip.CreateEntry("mimetype", CompressionLevel.NoCompression).Open()))
            {
                mime.Write(OdtPackage.TextMimeType);
            }

            using var content = zip.CreateEntry("content.xml", CompressionLevel.SmallestSize).Open();
            content.Write("<office:document-content xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\" xmlns:text=\"urn:oasis:names:tc:opendocument:xmlns:text:1.0\"><office:body><office:text><text:p>"u8);
            var spaces = new byte[1024 * 1024];
            Array.Fill(spaces, (byte)' ');
            for (long written = 0; written < size; written += spaces.Length)
            {
                content.Write(spaces);
            }

            content.Write("</text:p></office:text></office:body></office:document-content>"u8);
        }

        return stream.ToArray();
    }
}

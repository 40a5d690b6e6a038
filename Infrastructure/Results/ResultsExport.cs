using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using HighServiceDashboard.Domain.Calendar;
using HighServiceDashboard.Domain.Results;
using HighServiceDashboard.Infrastructure.Coverage;

namespace HighServiceDashboard.Infrastructure.Results;

/// <summary>
/// The compiled results of an agency and its subordinates (彙整): a .docx with a table per pillar, as
/// agencies are used to (子項目 | 執行重點 | 達成情形 | 佐證資料), and the same rows as .xlsx.
/// </summary>
public sealed class ResultsExport(ResultsQueries queries)
{
    private static readonly string[] Columns = ["代碼", "子項目", "執行重點", "達成情形", "佐證資料"];

    /// <summary>The agency's results and those of its subordinates in <paramref name="readable"/> (null: all), the agency first; null when there is no such agency or year.</summary>
    public async Task<IReadOnlyList<ResultsView>?> CompileAsync(int agencyId, int rocYear, IReadOnlySet<int>? readable, CancellationToken ct = default)
    {
        if (await queries.GetAsync(agencyId, rocYear, ct) is not { } own)
        {
            return null;
        }

        var all = new List<ResultsView> { own };
        foreach (var sub in own.Subordinates.Where(s => readable is null || readable.Contains(s.AgencyId)))
        {
            if (await queries.GetAsync(sub.AgencyId, rocYear, ct) is { } view)
            {
                all.Add(view);
            }
        }

        return all;
    }

    public static byte[] ToDocx(IReadOnlyList<ResultsView> compiled)
    {
        using var stream = new MemoryStream();
        using (var document = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var main = document.AddMainDocumentPart();
            var body = new Body();
            var first = compiled[0];
            body.Append(Heading($"{first.AgencyName}{first.RocYear}年度提升服務執行成果", 32));
            foreach (var results in compiled)
            {
                body.Append(Heading($"{results.AgencyName}（{StatusText(results.Id is null ? null : results.Status)}）", 28));
                if (results.SubmitsAwardApplication)
                {
                    body.Append(Text("本機關以政府服務獎申請書代替執行成果：" + string.Join("、", results.OverallAttachments.Where(a => a.Kind == AttachmentKind.AwardApplication).Select(a => a.FileName))));
                }

                body.Append(Text("總結：" + (results.Summary.Length == 0 ? "（未填）" : results.Summary)));
                if (results.OverallAttachments.Count > 0)
                {
                    body.Append(Text("整體佐證資料：" + string.Join("、", results.OverallAttachments.Select(a => a.FileName))));
                }

                if (!results.HasPlan)
                {
                    body.Append(Text("（本年度無執行計畫）"));
                }

                foreach (var pillar in results.Pillars)
                {
                    body.Append(Heading($"{pillar.Code}、{pillar.Title}", 24));
                    body.Append(Table(pillar.Items.Select(Row)));
                }
            }

            body.Append(new SectionProperties(new PageSize { Width = 16838, Height = 11906, Orient = PageOrientationValues.Landscape }));
            main.Document = new Document(body);
            main.Document.Save();
        }

        return stream.ToArray();
    }

    public static byte[] ToXlsx(IReadOnlyList<ResultsView> compiled)
    {
        var rows = compiled.SelectMany(r => r.Pillars.SelectMany(p => p.Items.Select(i =>
            new XlsxCell[] { r.AgencyName, $"{p.Code} {p.Title}", i.Code, i.Text, FocusText(i), i.Achievement, FilesText(i.Attachments) })));
        var summaries = compiled.Select(r => new XlsxCell[]
        {
            r.AgencyName,
            StatusText(r.Id is null ? null : r.Status),
            r.History.Where(h => h.To == ResultsStatus.Submitted).MaxBy(h => h.At) is { } s ? RocCalendar.FormatDate(TaipeiTime.DayOf(s.At)) : "",
            r.SubmitsAwardApplication ? "是" : "否",
            r.Summary,
            FilesText(r.OverallAttachments),
        });
        return new XlsxBook()
            .AddSheet("執行成果", ["機關", "執行要項", .. Columns], rows, 28, 30, 8, 40, 40, 60, 30)
            .AddSheet("總結", ["機關", "狀態", "提送日期", "以申請書代替", "總結", "整體佐證資料"], summaries, 28, 10, 12, 12, 60, 30)
            .ToBytes();
    }

    public static string StatusText(ResultsStatus? status) => status switch
    {
        ResultsStatus.Submitted => "已提送",
        ResultsStatus.Returned => "退回修正",
        ResultsStatus.Accepted => "已收件",
        ResultsStatus.Draft => "撰寫中",
        _ => "尚未填報",
    };

    private static string FocusText(ResultsItemView item) =>
        string.Join("\n", item.FocusPoints.Select((f, n) => f.Units.Count == 0 ? $"{n + 1}. {f.Title}" : $"{n + 1}. {f.Title}（{string.Join("、", f.Units)}）"));

    private static string FilesText(IEnumerable<ResultsAttachment> files) => string.Join("、", files.Select(a => a.FileName));

    private static string[] Row(ResultsItemView item) => [item.Code, item.Text, FocusText(item), item.Achievement, FilesText(item.Attachments)];

    private static Paragraph Heading(string text, int halfPoints) =>
        new(new Run(new RunProperties(new Bold(), new FontSize { Val = halfPoints.ToString(System.Globalization.CultureInfo.InvariantCulture) }), new Text(text)));

    private static Paragraph Text(string text) => new(new Run(new Text(text) { Space = SpaceProcessingModeValues.Preserve }));

    private static Table Table(IEnumerable<string[]> rows)
    {
        var border = new TableBorders(
            new TopBorder { Val = BorderValues.Single, Size = 4 }, new BottomBorder { Val = BorderValues.Single, Size = 4 },
            new LeftBorder { Val = BorderValues.Single, Size = 4 }, new RightBorder { Val = BorderValues.Single, Size = 4 },
            new InsideHorizontalBorder { Val = BorderValues.Single, Size = 4 }, new InsideVerticalBorder { Val = BorderValues.Single, Size = 4 });
        var table = new Table(new TableProperties(border, new TableWidth { Type = TableWidthUnitValues.Pct, Width = "5000" }));
        table.Append(TableRow(Columns, header: true));
        foreach (var row in rows)
        {
            table.Append(TableRow(row, header: false));
        }

        return table;
    }

    private static TableRow TableRow(IEnumerable<string> cells, bool header)
    {
        var row = new TableRow();
        if (header)
        {
            row.Append(new TableRowProperties(new TableHeader()));
        }

        foreach (var cell in cells)
        {
            var paragraphs = cell.Split('\n').Select(line =>
                new Paragraph(new Run(header ? new RunProperties(new Bold()) : new RunProperties(), new Text(line) { Space = SpaceProcessingModeValues.Preserve })));
            row.Append(new TableCell(paragraphs));
        }

        return row;
    }
}

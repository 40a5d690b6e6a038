using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using HighServiceDashboard.Domain.Plans.Reading;

namespace HighServiceDashboard.Infrastructure.Documents;

/// <summary>
/// Extracts a Word plan: body paragraphs as lines, tables as rows of cells in grid columns. A
/// vertically merged cell reads on its first row only (the pillar label on the first row of its
/// group, as in the text form); automatic list numbers are written out (1. / (1)), since the reader
/// splits focus points on them. Line numbers are paragraph numbers in document order.
/// </summary>
public static class DocxPlanExtractor
{
    public static PlanLoadResult Extract(byte[] bytes, string fileName)
    {
        try
        {
            using var stream = new MemoryStream(bytes, writable: false);
            using var word = WordprocessingDocument.Open(stream, false);
            var body = word.MainDocumentPart?.Document?.Body;
            if (body is null)
            {
                return PlanDocumentLoader.Fail(PlanFindingCodes.DocxUnreadable, "Word 檔沒有內文。", "The Word file has no document body.");
            }

            var blocks = new List<PlanBlock>();
            var paragraphNumber = 0;
            ReadBlocks(body.ChildElements, blocks, ref paragraphNumber);
            return new PlanLoadResult(new PlanTextDocument(fileName, blocks), []);
        }
        catch (Exception ex) when (ex is not OperationCanceledException and not OutOfMemoryException)
        {
            // A damaged package throws from System.IO.Packaging, the zip reader, the XML reader or
            // OpenXml itself, each with its own type; all of them mean "cannot read this file".
            return PlanDocumentLoader.Fail(PlanFindingCodes.DocxUnreadable, "無法開啟 Word 檔，檔案可能已損毀。", "The Word file cannot be opened; it may be damaged.");
        }
    }

    private static void ReadBlocks(IEnumerable<OpenXmlElement> elements, List<PlanBlock> blocks, ref int paragraphNumber)
    {
        foreach (var element in elements)
        {
            switch (element)
            {
                case Paragraph paragraph:
                    paragraphNumber++;
                    var text = ParagraphText(paragraph, null);
                    if (!string.IsNullOrWhiteSpace(text))
                    {
                        blocks.Add(new PlanParagraph(paragraphNumber, text));
                    }

                    break;
                case Table table:
                    var rows = ReadTable(table, ref paragraphNumber);
                    if (rows.Count > 0)
                    {
                        blocks.Add(new PlanTable(rows[0].Line, rows));
                    }

                    break;

                // Content controls (forms agencies fill in) wrap paragraphs and tables.
                case SdtBlock sdt when sdt.SdtContentBlock is { } content:
                    ReadBlocks(content.ChildElements, blocks, ref paragraphNumber);
                    break;
            }
        }
    }

    private static List<PlanRow> ReadTable(Table table, ref int paragraphNumber)
    {
        var rows = new List<PlanRow>();
        foreach (var row in table.Elements<TableRow>())
        {
            var cells = new List<PlanCell>();
            var column = 0;
            var rowLine = paragraphNumber + 1;
            foreach (var cell in row.Elements<TableCell>())
            {
                var properties = cell.TableCellProperties;
                var span = properties?.GridSpan?.Val?.Value ?? 1;
                var merge = properties?.VerticalMerge;

                // A continuation of a vertical merge has no value (or "continue"): its text was read on the first row.
                var continues = merge is not null && (merge.Val is null || merge.Val.Value == MergedCellValues.Continue);
                var line = paragraphNumber + 1;
                var text = CellText(cell, ref paragraphNumber);
                cells.Add(new PlanCell(continues ? string.Empty : text, line, column));
                column += Math.Max(1, span);
            }

            rows.Add(new PlanRow(rowLine, cells));
        }

        return rows;
    }

    private static string CellText(TableCell cell, ref int paragraphNumber)
    {
        var lines = new List<string>();
        var counters = new Dictionary<(int, int), int>();
        foreach (var element in cell.ChildElements.SelectMany(e => e is SdtBlock { SdtContentBlock: { } content } ? content.ChildElements : (IEnumerable<OpenXmlElement>)[e]))
        {
            if (element is Paragraph paragraph)
            {
                paragraphNumber++;
                lines.Add(ParagraphText(paragraph, counters));
            }
            else if (element is Table nested)
            {
                foreach (var row in ReadTable(nested, ref paragraphNumber))
                {
                    lines.Add(string.Join(" ", row.Cells.Select(c => c.Text)));
                }
            }
        }

        return string.Join("\n", lines.Where(l => l.Length > 0));
    }

    private static string ParagraphText(Paragraph paragraph, Dictionary<(int, int), int>? counters)
    {
        var builder = new StringBuilder();
        foreach (var run in paragraph.Descendants())
        {
            switch (run)
            {
                case Text t:
                    builder.Append(t.Text);
                    break;
                case TabChar:
                    builder.Append(' ');
                    break;
                case Break or CarriageReturn:
                    builder.Append('\n');
                    break;
            }
        }

        var numbering = paragraph.ParagraphProperties?.NumberingProperties;
        if (counters is not null && numbering?.NumberingId?.Val?.Value is { } numId && numId != 0)
        {
            var level = numbering.NumberingLevelReference?.Val?.Value ?? 0;
            var key = (numId, level);
            counters[key] = counters.GetValueOrDefault(key) + 1;
            foreach (var deeper in counters.Keys.Where(k => k.Item1 == numId && k.Item2 > level).ToList())
            {
                counters.Remove(deeper);
            }

            var n = counters[key];
            builder.Insert(0, level == 0 ? $"{n}. " : $"({n})");
        }

        return builder.ToString();
    }
}

using System.Text;
using HighServiceDashboard.Domain.Plans.Reading;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Content;

namespace HighServiceDashboard.Infrastructure.Documents;

/// <summary>
/// Extracts a PDF plan from its text layer: letters grouped into lines by their baseline, ordered by
/// position; a wide horizontal gap becomes a tab (a column boundary), so that the text parser reads
/// the table as tab-separated rows. A scanned PDF (no text layer) is reported, not guessed at.
/// </summary>
public static class PdfPlanExtractor
{
    public static PlanLoadResult Extract(byte[] bytes, string fileName)
    {
        try
        {
            using var pdf = PdfDocument.Open(bytes);
            var pages = pdf.GetPages().Select(page => page.Letters.Where(l => !string.IsNullOrWhiteSpace(l.Value)).ToList()).ToList();
            var letters = pages.Sum(p => p.Count);
            var size = letters == 0 ? 10 : Median(pages.SelectMany(p => p).Select(l => Math.Max(l.PointSize, 1)));
            var lines = pages.Select(p => GroupLines(p, size).Select(l => Segments(l, size)).ToList()).ToList();

            // Columns are found over the whole document: a table runs over pages with one layout.
            var columns = ColumnStarts(lines.SelectMany(p => p), size);
            var text = new StringBuilder();
            foreach (var page in lines)
            {
                foreach (var line in Render(page, columns, size))
                {
                    text.Append(line).Append('\n');
                }

                text.Append('\n');
            }

            if (letters == 0 || text.ToString().Trim().Length == 0)
            {
                return PlanDocumentLoader.Fail(PlanFindingCodes.PdfNoTextLayer, "PDF 沒有文字層（可能是掃描影像），請上傳 Word 檔或可選取文字的 PDF。",
                    "The PDF has no text layer (it may be a scanned image); upload the Word file or a PDF with selectable text.");
            }

            return new PlanLoadResult(PlanTextParser.Parse(text.ToString(), fileName), []);
        }
        catch (Exception ex) when (ex is not OperationCanceledException and not OutOfMemoryException)
        {
            // PdfPig throws many exception types on damaged files; any of them means "cannot read".
            return PlanDocumentLoader.Fail(PlanFindingCodes.PdfUnreadable, "無法開啟 PDF 檔，檔案可能已損毀或加密。", "The PDF cannot be opened; it may be damaged or encrypted.");
        }
    }

    private static List<List<Letter>> GroupLines(List<Letter> letters, double size)
    {
        var lines = new List<List<Letter>>();
        foreach (var letter in letters.OrderByDescending(l => l.StartBaseLine.Y).ThenBy(l => l.StartBaseLine.X))
        {
            var line = lines.Count > 0 && Math.Abs(lines[^1][0].StartBaseLine.Y - letter.StartBaseLine.Y) <= size * 0.4 ? lines[^1] : null;
            if (line is null)
            {
                line = [];
                lines.Add(line);
            }

            line.Add(letter);
        }

        return lines;
    }

    private static IEnumerable<string> Render(List<List<(double X, string Text)>> lines, List<double> columns, double size)
    {
        // Lines between the first and the last with several cells are table rows, even where only one
        // cell has text on that line (a wrapped pillar heading): they keep their column position.
        var first = lines.FindIndex(s => s.Count > 1);
        var last = lines.FindLastIndex(s => s.Count > 1);
        for (var i = 0; i < lines.Count; i++)
        {
            var segments = lines[i];
            if (first < 0 || i < first || i > last || columns.Count < 2)
            {
                yield return string.Join("\t", segments.Select(s => s.Text));
                continue;
            }

            var cells = new string[columns.Count];
            foreach (var (x, text) in segments)
            {
                var column = Math.Max(0, columns.FindLastIndex(c => c <= x + size));
                cells[column] = cells[column] is null ? text : cells[column] + " " + text;
            }

            yield return string.Join("\t", cells.Select(c => c ?? string.Empty)) + (segments.Count == 1 ? "\t" : string.Empty);
        }
    }

    // Runs of letters on one line; a gap wider than a few characters separates cells.
    private static List<(double X, string Text)> Segments(List<Letter> line, double size)
    {
        var ordered = line.OrderBy(l => l.StartBaseLine.X).ToList();
        var segments = new List<(double X, string Text)>();
        var builder = new StringBuilder();
        var start = ordered[0].StartBaseLine.X;
        for (var i = 0; i < ordered.Count; i++)
        {
            if (i > 0)
            {
                var gap = ordered[i].StartBaseLine.X - ordered[i - 1].EndBaseLine.X;
                if (gap > size * 2.5)
                {
                    segments.Add((start, builder.ToString()));
                    builder.Clear();
                    start = ordered[i].StartBaseLine.X;
                }
                else if (gap > size * 0.2)
                {
                    builder.Append(' ');
                }
            }

            builder.Append(ordered[i].Value);
        }

        segments.Add((start, builder.ToString()));
        return segments;
    }

    // Column starts: left edges shared by several lines (a table's columns align), or where a cell
    // begins after a wide gap on its line (a column boundary even if that column has one cell).
    private static List<double> ColumnStarts(IEnumerable<List<(double X, string Text)>> lines, double size)
    {
        var lefts = lines.SelectMany(line => line.Select((s, i) => (s.X, AfterGap: i > 0))).OrderBy(l => l.X).ToList();
        var clusters = new List<List<(double X, bool AfterGap)>>();
        foreach (var left in lefts)
        {
            if (clusters.Count > 0 && left.X - clusters[^1][^1].X <= size)
            {
                clusters[^1].Add(left);
            }
            else
            {
                clusters.Add([left]);
            }
        }

        return clusters.Where(c => c.Count >= 2 || c.Any(l => l.AfterGap)).Select(c => c.Min(l => l.X)).ToList();
    }

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.OrderBy(v => v).ToList();
        return sorted[sorted.Count / 2];
    }
}

using HighServiceDashboard.Domain.Plans.Reading;

namespace HighServiceDashboard.Infrastructure.Documents.Pdf;

/// <summary>
/// Reads a table that draws no lines (a borderless table, or a PDF that paints its borders some other
/// way) by where its text starts: a wide gap on a line separates cells, left edges shared by several
/// lines are columns, and each line between the first and the last line of several cells is a row.
/// Wrapped cells thus give several rows, which the reader joins like sentences broken at a page break.
/// </summary>
internal static class TextAlignment
{
    /// <summary>A gap wider than this many letters separates cells.</summary>
    public const double CellGap = 2.5;

    /// <summary>One page: its lines outside the table as paragraphs, the table as one block.</summary>
    public static List<PlanBlock> Blocks(List<TextLine> lines, List<double> columns, double size, ref int lineNumber)
    {
        var segments = lines.Select(l => l.Segments(size, CellGap)).ToList();

        // Lines between the first and the last with several cells are table rows, even where only one
        // cell has text on that line (a wrapped pillar heading): they keep their column position.
        var first = segments.FindIndex(s => s.Count > 1);
        var last = segments.FindLastIndex(s => s.Count > 1);
        var blocks = new List<PlanBlock>();
        var rows = new List<PlanRow>();
        for (var i = 0; i < lines.Count; i++)
        {
            var line = ++lineNumber;
            if (first < 0 || i < first || i > last || columns.Count < 2)
            {
                blocks.Add(new PlanParagraph(line, string.Join(" ", segments[i].Select(s => s.Text))));
                continue;
            }

            var cells = new string?[columns.Count];
            foreach (var (x, text) in segments[i])
            {
                var column = Math.Max(0, columns.FindLastIndex(c => c <= x + size));
                cells[column] = cells[column] is null ? text : cells[column] + " " + text;
            }

            rows.Add(new PlanRow(line, cells.Select((c, column) => new PlanCell(c ?? string.Empty, line, column)).ToList()));
            if (i == last)
            {
                blocks.Add(new PlanTable(rows[0].Line, rows));
            }
        }

        return blocks;
    }

    /// <summary>
    /// Column starts: left edges shared by several lines (a table's columns align), or where a cell
    /// begins after a wide gap on its line (a column boundary even if that column has one cell).
    /// </summary>
    public static List<double> ColumnStarts(IEnumerable<List<(double X, string Text)>> lines, double size)
    {
        var lefts = lines.SelectMany(line => line.Select((s, i) => (s.X, AfterGap: i > 0)));
        return PdfRulings.Cluster(lefts, l => l.X, size)
            .Where(c => c.Count >= 2 || c.Any(l => l.AfterGap))
            .Select(c => c.Min(l => l.X))
            .ToList();
    }
}

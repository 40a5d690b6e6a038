using HighServiceDashboard.Domain.Plans.Reading;

namespace HighServiceDashboard.Infrastructure.Documents.Pdf;

/// <summary>
/// Reads a table that draws no lines (a borderless table, or a PDF that paints its borders some other
/// way) by where its text starts: a wide gap on a line separates cells, left edges shared by several
/// lines are columns, and the lines between the first and the last line of several cells (and those
/// just below it that start in a later column: the last cell's wrapped text) are the table. Its lines
/// are grouped into rows by the wider gaps between rows where the table shows them; otherwise each
/// line is a row, and the reader joins wrapped cells like sentences broken at a page break.
/// </summary>
internal static class TextAlignment
{
    /// <summary>
    /// A gap wider than this many letters separates cells: Word keeps about a letter between cells (its
    /// cell margins), while the letters of a CJK line touch and a space is a third of a letter.
    /// </summary>
    public const double CellGap = 0.8;

    /// <summary>A gap between lines this many times the closest one separates rows.</summary>
    private const double RowGap = 1.2;

    /// <summary>One page: its lines outside the table as paragraphs, the table as one block.</summary>
    public static List<PlanBlock> Blocks(List<TextLine> lines, List<double> columns, double size, ref int lineNumber)
    {
        var segments = lines.Select(l => l.Segments(size, CellGap)).ToList();

        // Lines between the first and the last with several cells are table rows, even where only one
        // cell has text on that line (a wrapped pillar heading): they keep their column position.
        var first = segments.FindIndex(s => s.Count > 1);
        var last = segments.FindLastIndex(s => s.Count > 1);

        // Just below the last such line, lines starting at a later column still wrap that column's cell
        // (a page number further down, or centred, does not).
        while (first >= 0 && columns.Count > 1 && last + 1 < lines.Count
            && lines[last].Baseline - lines[last + 1].Baseline <= size * 3
            && columns.Skip(1).Any(c => Math.Abs(segments[last + 1][0].X - c) <= size))
        {
            last++;
        }

        var blocks = new List<PlanBlock>();
        var tableLines = new List<(int Line, double Baseline, (double Right, string Text)?[] Cells)>();
        for (var i = 0; i < lines.Count; i++)
        {
            var line = ++lineNumber;
            if (first < 0 || i < first || i > last || columns.Count < 2)
            {
                blocks.Add(new PlanParagraph(line, string.Join(" ", segments[i].Select(s => s.Text))));
                continue;
            }

            var cells = new (double Right, string Text)?[columns.Count];
            foreach (var segment in segments[i])
            {
                var column = Math.Max(0, columns.FindLastIndex(c => c <= segment.X + size));
                cells[column] = cells[column] is { } before ? (segment.Right, before.Text + " " + segment.Text) : (segment.Right, segment.Text);
            }

            tableLines.Add((line, lines[i].Baseline, cells));
            if (i == last)
            {
                blocks.Add(new PlanTable(tableLines[0].Line, Rows(tableLines, columns, size)));
            }
        }

        return blocks;
    }

    // Lines of one row sit a line's pitch apart; between rows the cell margins (or paragraph spacing)
    // widen the gap. Where the table shows such wider gaps, lines closer than that are one row, their
    // cells' lines joined; where all gaps are alike, each line stays a row of its own.
    private static List<PlanRow> Rows(List<(int Line, double Baseline, (double Right, string Text)?[] Cells)> lines, List<double> columns, double size)
    {
        var gaps = lines.Zip(lines.Skip(1), (a, b) => a.Baseline - b.Baseline).Where(g => g >= size * 0.8).ToList();
        var pitch = gaps.Count > 0 ? gaps.Min() : 0;
        var grouped = gaps.Any(g => g > pitch * RowGap);
        var rows = new List<(int Line, List<(double Right, string Text)>[] Cells)>();
        for (var i = 0; i < lines.Count; i++)
        {
            if (i == 0 || !grouped || lines[i - 1].Baseline - lines[i].Baseline > pitch * RowGap)
            {
                rows.Add((lines[i].Line, lines[i].Cells.Select(_ => new List<(double Right, string Text)>()).ToArray()));
            }

            for (var c = 0; c < lines[i].Cells.Length; c++)
            {
                if (lines[i].Cells[c] is { } cell)
                {
                    rows[^1].Cells[c].Add(cell);
                }
            }
        }

        // Without borders a column ends where its longest line does.
        var rightEdges = columns.Select((_, c) => lines.Max(l => l.Cells[c]?.Right ?? 0)).ToList();
        return rows.Select(r => new PlanRow(r.Line, r.Cells.Select((texts, column) =>
            new PlanCell(PdfTextLines.Paragraphs(texts, rightEdges[column], size * 1.2), r.Line, column)).ToList())).ToList();
    }

    /// <summary>
    /// Column starts: left edges shared by several lines (a table's columns align), or where a cell
    /// begins after a wide gap on its line (a column boundary even if that column has one cell).
    /// </summary>
    public static List<double> ColumnStarts(IEnumerable<List<TextSegment>> lines, double size)
    {
        var lefts = lines.SelectMany(line => line.Select((s, i) => (s.X, AfterGap: i > 0)));
        return PdfRulings.Cluster(lefts, l => l.X, size)
            .Where(c => c.Count >= 2 || c.Any(l => l.AfterGap))
            .Select(c => c.Min(l => l.X))
            .ToList();
    }
}

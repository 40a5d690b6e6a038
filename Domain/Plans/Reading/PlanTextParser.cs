using System.Text;
using System.Text.RegularExpressions;

namespace HighServiceDashboard.Domain.Plans.Reading;

/// <summary>
/// Splits the text form of a plan into paragraphs and tables. Three table shapes occur in text taken out
/// of Word and PDF files: tab-separated rows (one row a line), one cell a line (each cell opens with a
/// tab, a blank line ends the row, lines without a tab continue the cell), and Markdown pipe tables.
/// </summary>
public static partial class PlanTextParser
{
    public static PlanTextDocument Parse(string text, string name = "")
    {
        var lines = text.Replace("\r\n", "\n").Replace('\r', '\n').Split('\n');
        var blocks = new List<PlanBlock>();
        var i = 0;
        while (i < lines.Length)
        {
            var line = lines[i];
            if (string.IsNullOrWhiteSpace(line))
            {
                i++;
            }
            else if (StartsCellPerLineRun(lines, i))
            {
                i = ReadCellPerLineTable(lines, i, blocks);
            }
            else if (IsTabRow(line))
            {
                i = ReadTabTable(lines, i, blocks);
            }
            else if (IsPipeRow(line))
            {
                i = ReadPipeTable(lines, i, blocks);
            }
            else
            {
                blocks.Add(new PlanParagraph(i + 1, line));
                i++;
            }
        }

        return new PlanTextDocument(name, blocks);
    }

    /// <summary>
    /// Reads an HTML page (Word's "save as web page", a CMS export): each &lt;table&gt; row becomes a
    /// tab-separated row, block elements outside tables become lines. Markup inside cells stays for the
    /// reader to strip; a cell spanning rows reads on its first row only, as in Word.
    /// </summary>
    public static PlanTextDocument ParseHtml(string html, string name = "")
    {
        var body = HtmlDropped().Replace(html, string.Empty);
        var text = new StringBuilder();
        var at = 0;
        foreach (Match table in HtmlTable().Matches(body))
        {
            text.Append(HtmlBlocks(body[at..table.Index])).Append('\n');
            foreach (var row in HtmlTableRows(table.Value))
            {
                text.Append(row).Append('\n');
            }

            at = table.Index + table.Length;
        }

        text.Append(HtmlBlocks(body[at..]));
        return Parse(text.ToString(), name);
    }

    // Rows as tab-separated lines on the table's grid: a cell spanning columns is followed by empty
    // cells, and a cell spanning rows leaves an empty cell in the rows below.
    private static IEnumerable<string> HtmlTableRows(string table)
    {
        var spanning = new Dictionary<int, int>();
        foreach (Match row in HtmlRow().Matches(table))
        {
            var cells = new List<string>();
            foreach (Match cell in HtmlCell().Matches(row.Value))
            {
                FillSpanned();
                var attributes = cell.Groups["attributes"].Value;
                var columns = Math.Clamp(Span(attributes, "colspan"), 1, 50);
                var rows = Math.Clamp(Span(attributes, "rowspan"), 1, 1000);
                if (rows > 1)
                {
                    for (var c = cells.Count; c < cells.Count + columns; c++)
                    {
                        spanning[c] = rows - 1;
                    }
                }

                cells.Add(Whitespace().Replace(cell.Groups["content"].Value, " ").Trim());
                cells.AddRange(Enumerable.Repeat(string.Empty, columns - 1));
            }

            FillSpanned();
            foreach (var column in spanning.Keys.Where(k => k >= cells.Count).ToList())
            {
                spanning[column]--;
            }

            if (cells.Any(c => c.Length > 0))
            {
                yield return string.Join('\t', cells) + (cells.Count == 1 ? "\t" : string.Empty);
            }

            void FillSpanned()
            {
                while (spanning.TryGetValue(cells.Count, out var left) && left > 0)
                {
                    spanning[cells.Count] = left - 1;
                    cells.Add(string.Empty);
                }
            }
        }
    }

    private static int Span(string attributes, string name)
    {
        var match = Regex.Match(attributes, name + @"\s*=\s*[""']?(\d+)", RegexOptions.IgnoreCase);
        return match.Success && int.TryParse(match.Groups[1].Value, out var n) ? n : 1;
    }

    private static string HtmlBlocks(string html) =>
        HtmlBlockEnd().Replace(Whitespace().Replace(html, " "), "\n");

    /// <summary>Reads comma-separated values (RFC 4180 quoting) as one table.</summary>
    public static PlanTextDocument ParseCsv(string text, string name = "")
    {
        var rows = new List<PlanRow>();
        var cells = new List<PlanCell>();
        var cell = new StringBuilder();
        var line = 1;
        var rowLine = 1;
        var cellLine = 1;
        var quoted = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"')
                {
                    cell.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    if (c == '\n')
                    {
                        line++;
                    }

                    cell.Append(c);
                }
            }
            else if (c == '"' && cell.Length == 0)
            {
                quoted = true;
            }
            else if (c == ',')
            {
                cells.Add(new PlanCell(cell.ToString(), cellLine, cells.Count));
                cell.Clear();
                cellLine = line;
            }
            else if (c is '\n' or '\r')
            {
                if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
                {
                    i++;
                }

                cells.Add(new PlanCell(cell.ToString(), cellLine, cells.Count));
                cell.Clear();
                if (cells.Any(x => !string.IsNullOrWhiteSpace(x.Text)))
                {
                    rows.Add(new PlanRow(rowLine, cells));
                }

                cells = [];
                line++;
                rowLine = cellLine = line;
            }
            else
            {
                cell.Append(c);
            }
        }

        cells.Add(new PlanCell(cell.ToString(), cellLine, cells.Count));
        if (cells.Any(x => !string.IsNullOrWhiteSpace(x.Text)))
        {
            rows.Add(new PlanRow(rowLine, cells));
        }

        // A CSV export puts the title and closing sentences in one-cell rows: keep them as paragraphs.
        var blocks = new List<PlanBlock>();
        var tableRows = new List<PlanRow>();
        foreach (var row in rows)
        {
            var filled = row.Cells.Where(x => !string.IsNullOrWhiteSpace(x.Text)).ToList();
            if (filled.Count == 1 && filled[0].Column == 0 && row.Cells.Count == 1)
            {
                Flush();
                blocks.Add(new PlanParagraph(row.Line, filled[0].Text));
            }
            else
            {
                tableRows.Add(row);
            }
        }

        Flush();
        return new PlanTextDocument(name, blocks);

        void Flush()
        {
            if (tableRows.Count > 0)
            {
                blocks.Add(new PlanTable(tableRows[0].Line, tableRows.ToList()));
                tableRows.Clear();
            }
        }
    }

    // A tab inside the line, or two tabs or more: a row of cells. A lone leading tab is ambiguous (a
    // two-column row with an empty first cell, or one cell of a cell-per-line table); runs decide.
    private static bool IsTabRow(string line) => line.Contains('\t') && (line.IndexOf('\t') > 0 || line.Count(c => c == '\t') >= 2 || line.TrimEnd().Length > 1);

    private static bool IsCellLine(string line) => line.Length > 0 && line[0] == '\t' && line.IndexOf('\t', 1) < 0;

    private static bool StartsCellPerLineRun(string[] lines, int start)
    {
        var run = 0;
        for (var i = start; i < lines.Length && IsCellLine(lines[i]); i++)
        {
            run++;
        }

        return run >= 3 && !TabRowsAhead(lines, start);
    }

    // A table of tab-separated rows whose rows often open with an empty cell ("\t(二)…" under a
    // pillar written once) is not a cell-per-line table: those never hold a tab after the first
    // character. Looks ahead to where the table visibly ends.
    private static bool TabRowsAhead(string[] lines, int start)
    {
        var blanks = 0;
        for (var i = start; i < lines.Length && i < start + 400; i++)
        {
            var line = lines[i];
            if (string.IsNullOrWhiteSpace(line))
            {
                if (++blanks >= 3)
                {
                    return false;
                }

                continue;
            }

            blanks = 0;
            if (line.IndexOf('\t') > 0)
            {
                return true;
            }

            if (!line.StartsWith('\t') && SectionHeading().IsMatch(line.Trim()))
            {
                return false;
            }
        }

        return false;
    }

    private static int ReadTabTable(string[] lines, int start, List<PlanBlock> blocks)
    {
        var rows = new List<PlanRow>();
        var i = start;
        while (i < lines.Length)
        {
            var line = lines[i];
            if (string.IsNullOrWhiteSpace(line))
            {
                i++;
                continue;
            }

            // Rows that open with an empty cell go on in the same table; a cell-per-line table
            // begins after a blank line.
            if (!line.Contains('\t') || (i > start && string.IsNullOrWhiteSpace(lines[i - 1]) && StartsCellPerLineRun(lines, i)))
            {
                break;
            }

            var parts = line.Split('\t');
            rows.Add(new PlanRow(i + 1, parts.Select((p, col) => new PlanCell(p, i + 1, col)).ToList()));
            i++;
        }

        blocks.Add(new PlanTable(rows[0].Line, rows));
        return i;
    }

    private static int ReadCellPerLineTable(string[] lines, int start, List<PlanBlock> blocks)
    {
        var rows = new List<PlanRow>();
        var cells = new List<PlanCell>();
        StringBuilder? cell = null;
        var cellLine = 0;
        var blanks = 0;
        var i = start;
        for (; i < lines.Length; i++)
        {
            var line = lines[i];
            if (string.IsNullOrWhiteSpace(line) && !line.StartsWith('\t'))
            {
                blanks++;
                continue;
            }

            if (line.StartsWith('\t'))
            {
                CloseCell();

                // A blank line ends the row, unless the row is short of the table's width by just
                // the cells that follow: a blank line slipped in between two cells of one row.
                if (blanks > 0 && !(Width() is { } width && cells.Count < width && cells.Count + CellsOfRowAt(lines, i) <= width))
                {
                    CloseRow();
                }

                var parts = line[1..].Split('\t');
                for (var p = 0; p < parts.Length - 1; p++)
                {
                    cells.Add(new PlanCell(parts[p], i + 1, cells.Count));
                }

                cell = new StringBuilder(parts[^1]);
                cellLine = i + 1;
                blanks = 0;
                continue;
            }

            // A line without a tab continues the open cell, unless the table has visibly ended: two
            // blank lines or more, or a section heading (伍、, 陸、 …).
            if (cell is null || blanks >= 2 || SectionHeading().IsMatch(line.Trim()))
            {
                break;
            }

            cell.Append('\n').Append(line);
            blanks = 0;
        }

        CloseCell();
        CloseRow();
        if (rows.Count > 0)
        {
            blocks.Add(new PlanTable(rows[0].Line, rows));
        }

        return i;

        int? Width()
        {
            var sizes = rows.Skip(1).Select(r => r.Cells.Count).ToList();
            return sizes.Count < 2 ? null : sizes.GroupBy(n => n).OrderByDescending(g => g.Count()).ThenByDescending(g => g.Key).First().Key;
        }

        void CloseCell()
        {
            if (cell is not null)
            {
                cells.Add(new PlanCell(cell.ToString(), cellLine, cells.Count));
                cell = null;
            }
        }

        void CloseRow()
        {
            if (cells.Count > 0)
            {
                rows.Add(new PlanRow(cells[0].Line, cells));
                cells = [];
            }
        }
    }

    // The cells of the cell-per-line row that starts at a line: its tab lines up to a blank line that
    // a tab line follows (a blank line before a line without a tab is inside a cell).
    private static int CellsOfRowAt(string[] lines, int start)
    {
        var count = 0;
        var blank = false;
        for (var i = start; i < lines.Length && i < start + 200; i++)
        {
            if (string.IsNullOrWhiteSpace(lines[i]) && !lines[i].StartsWith('\t'))
            {
                blank = true;
                continue;
            }

            if (lines[i].StartsWith('\t'))
            {
                if (blank && count > 0)
                {
                    break;
                }

                count += lines[i][1..].Split('\t').Length;
            }

            blank = false;
        }

        return count;
    }

    private static bool IsPipeRow(string line)
    {
        var trimmed = line.Trim();
        return trimmed.Length > 2 && trimmed[0] == '|' && trimmed[^1] == '|';
    }

    private static int ReadPipeTable(string[] lines, int start, List<PlanBlock> blocks)
    {
        var rows = new List<PlanRow>();
        var i = start;
        for (; i < lines.Length && IsPipeRow(lines[i]); i++)
        {
            var trimmed = lines[i].Trim();
            var parts = trimmed[1..^1].Split('|');
            if (parts.All(p => PipeSeparator().IsMatch(p)))
            {
                continue;
            }

            var line = i + 1;
            rows.Add(new PlanRow(line, parts.Select((p, col) => new PlanCell(p.Replace("<br>", "\n"), line, col)).ToList()));
        }

        if (rows.Count > 0)
        {
            blocks.Add(new PlanTable(rows[0].Line, rows));
        }

        return i;
    }

    [GeneratedRegex(@"^[壹貳參叁肆伍陸柒捌玖拾]+\s*[、.．]")]
    private static partial Regex SectionHeading();

    [GeneratedRegex(@"<(head|script|style)\b.*?</\1\s*>|<!--.*?-->", RegexOptions.IgnoreCase | RegexOptions.Singleline)]
    private static partial Regex HtmlDropped();

    [GeneratedRegex(@"<table\b.*?</table\s*>", RegexOptions.IgnoreCase | RegexOptions.Singleline)]
    private static partial Regex HtmlTable();

    [GeneratedRegex(@"<tr\b.*?(</tr\s*>|(?=<tr\b)|$)", RegexOptions.IgnoreCase | RegexOptions.Singleline)]
    private static partial Regex HtmlRow();

    [GeneratedRegex(@"<t[dh]\b(?<attributes>[^>]*)>(?<content>.*?)(</t[dh]\s*>|(?=<t[dh]\b)|$)", RegexOptions.IgnoreCase | RegexOptions.Singleline)]
    private static partial Regex HtmlCell();

    [GeneratedRegex(@"<br\s*/?>|</(p|div|h[1-6]|li)\s*>", RegexOptions.IgnoreCase)]
    private static partial Regex HtmlBlockEnd();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();

    [GeneratedRegex(@"^\s*:?-{2,}:?\s*$")]
    private static partial Regex PipeSeparator();
}

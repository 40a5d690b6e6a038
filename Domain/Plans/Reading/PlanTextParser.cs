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

        return run >= 3;
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

            if (!line.Contains('\t') || StartsCellPerLineRun(lines, i))
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
                if (blanks > 0)
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

    [GeneratedRegex(@"^\s*:?-{2,}:?\s*$")]
    private static partial Regex PipeSeparator();
}

namespace HighServiceDashboard.Domain.Plans.Reading;

/// <summary>
/// A plan document after format extraction: its paragraphs and tables in reading order, each piece
/// with the line (text files, PDF) or paragraph number (Word) it came from, so that every finding can
/// point back at the source.
/// </summary>
public sealed class PlanTextDocument
{
    public PlanTextDocument(string name, IReadOnlyList<PlanBlock> blocks)
    {
        Name = name;
        Blocks = blocks;
    }

    /// <summary>The file name the document was loaded from (for messages only).</summary>
    public string Name { get; }

    public IReadOnlyList<PlanBlock> Blocks { get; }

    /// <summary>Reads the text form of a plan (tab-separated rows, HTML fragments, Markdown).</summary>
    public static PlanTextDocument FromText(string text, string name = "") => PlanTextParser.Parse(text, name);

    /// <summary>Every non-empty piece of text in the document, in order: paragraphs and table cells.</summary>
    public IEnumerable<PlanCell> AllCells()
    {
        foreach (var block in Blocks)
        {
            switch (block)
            {
                case PlanParagraph paragraph:
                    yield return new PlanCell(paragraph.Text, paragraph.Line, 0);
                    break;
                case PlanTable table:
                    foreach (var cell in table.Rows.SelectMany(r => r.Cells))
                    {
                        yield return cell;
                    }

                    break;
            }
        }
    }
}

/// <summary>A paragraph or a table of the source document.</summary>
public abstract record PlanBlock(int Line);

/// <summary>A line of text outside any table (titles, headings, the closing sections).</summary>
public sealed record PlanParagraph(int Line, string Text) : PlanBlock(Line);

/// <summary>A table: rows of cells, as extracted.</summary>
public sealed record PlanTable(int Line, IReadOnlyList<PlanRow> Rows) : PlanBlock(Line);

/// <summary>A table row; <see cref="Line"/> is where it starts.</summary>
public sealed record PlanRow(int Line, IReadOnlyList<PlanCell> Cells);

/// <summary>
/// One cell: its raw text (markup still in it), the source line where it starts and its grid column
/// (a Word cell spanning columns carries the column it starts in).
/// </summary>
public sealed record PlanCell(string Text, int Line, int Column);

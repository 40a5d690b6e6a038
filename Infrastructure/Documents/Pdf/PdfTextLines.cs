using System.Text;

namespace HighServiceDashboard.Infrastructure.Documents.Pdf;

/// <summary>One visible letter of a page: its text, where its baseline starts and ends, its size.</summary>
internal readonly record struct Glyph(string Value, double X, double EndX, double Baseline, double Size, bool Bold = false)
{
    public double CentreX => (X + EndX) / 2;

    // Letters sit on the baseline and rise about a size's height; their middle is a third of it up.
    public double CentreY => Baseline + (Size * 0.3);
}

/// <summary>A line of letters sharing a baseline, left to right.</summary>
internal sealed class TextLine
{
    public TextLine(List<Glyph> glyphs)
    {
        Glyphs = glyphs;
        Baseline = glyphs.Average(g => g.Baseline);
        Left = glyphs[0].X;
    }

    public List<Glyph> Glyphs { get; }

    public double Baseline { get; }

    public double Left { get; }

    public double Right => Glyphs[^1].EndX;

    /// <summary>The line as text: letters joined, a space where the gap is wider than a fifth of a letter.</summary>
    public string Text(double size) => string.Join(" ", Segments(size, double.PositiveInfinity).Select(s => s.Text));

    /// <summary>
    /// The line as text with its bold runs in &lt;b&gt; tags, as the text form marks them: a bold run
    /// opening a focus cell is the focus point's title ("&lt;b&gt;1. 服務人員專業能力&lt;/b&gt; 注重…").
    /// </summary>
    public string MarkedText(double size)
    {
        var builder = new StringBuilder();
        var bold = false;
        for (var i = 0; i < Glyphs.Count; i++)
        {
            if (bold && !Glyphs[i].Bold)
            {
                builder.Append("</b>");
                bold = false;
            }

            if (i > 0 && Glyphs[i].X - Glyphs[i - 1].EndX > size * 0.2)
            {
                builder.Append(' ');
            }

            if (!bold && Glyphs[i].Bold)
            {
                builder.Append("<b>");
                bold = true;
            }

            builder.Append(Glyphs[i].Value);
        }

        return bold ? builder.Append("</b>").ToString() : builder.ToString();
    }

    /// <summary>Runs of letters; a gap wider than <paramref name="cellGap"/> letters starts a new run.</summary>
    public List<TextSegment> Segments(double size, double cellGap)
    {
        var segments = new List<TextSegment>();
        var builder = new StringBuilder();
        var start = Glyphs[0].X;
        for (var i = 0; i < Glyphs.Count; i++)
        {
            if (i > 0)
            {
                var gap = Glyphs[i].X - Glyphs[i - 1].EndX;
                if (gap > size * cellGap)
                {
                    segments.Add(new TextSegment(start, Glyphs[i - 1].EndX, builder.ToString()));
                    builder.Clear();
                    start = Glyphs[i].X;
                }
                else if (gap > size * 0.2)
                {
                    builder.Append(' ');
                }
            }

            builder.Append(Glyphs[i].Value);
        }

        segments.Add(new TextSegment(start, Glyphs[^1].EndX, builder.ToString()));
        return segments;
    }
}

/// <summary>A run of letters on a line: where it starts and ends, and its text.</summary>
internal readonly record struct TextSegment(double X, double Right, string Text);

/// <summary>Groups letters into lines by their baseline.</summary>
internal static class PdfTextLines
{
    /// <summary>The lines of <paramref name="glyphs"/>, top to bottom, each ordered left to right.</summary>
    public static List<TextLine> Group(IEnumerable<Glyph> glyphs, double size)
    {
        var lines = new List<List<Glyph>>();
        var lineBaseline = double.NaN;
        foreach (var glyph in glyphs.OrderByDescending(g => g.Baseline).ThenBy(g => g.X))
        {
            if (lines.Count == 0 || Math.Abs(lineBaseline - glyph.Baseline) > size * 0.4)
            {
                lines.Add([]);
                lineBaseline = glyph.Baseline;
            }

            lines[^1].Add(glyph);
        }

        return lines.Select(l => new TextLine(l.OrderBy(g => g.X).ToList())).ToList();
    }

    /// <summary>
    /// A cell's lines as its paragraphs, one a line: a line that runs to the cell's right edge was
    /// wrapped there by the layout, so the next line continues it; a line ending short of the edge ends
    /// its paragraph. Between CJK characters the wrap joins without a space, unless the line ends with
    /// a unit's name (…科, …課, …室): the PDF cannot tell a wrap inside a word (社會|課) from one at the
    /// space between two units (各課室|各課室), and the space keeps units apart as the text form does.
    /// </summary>
    public static string Paragraphs(IReadOnlyList<(double Right, string Text)> lines, double rightEdge, double slack)
    {
        var text = new StringBuilder();
        for (var i = 0; i < lines.Count; i++)
        {
            if (i > 0)
            {
                var previous = Unmarked(lines[i - 1].Text);
                var next = Unmarked(lines[i].Text);
                if (rightEdge - lines[i - 1].Right > slack)
                {
                    text.Append('\n');
                }
                else if (previous.Length == 0 || next.Length == 0 || !(IsWide(previous[^1]) && IsWide(next[0])) || UnitEnd(previous))
                {
                    text.Append(' ');
                }
            }

            text.Append(lines[i].Text);
        }

        // A bold run wrapped over two lines is one run.
        return text.Replace("</b> <b>", " ").Replace("</b><b>", string.Empty).ToString();
    }

    /// <summary>The median letter size (1 at least), so that tolerances follow the document's type size.</summary>
    public static double MedianSize(IReadOnlyCollection<Glyph> glyphs)
    {
        if (glyphs.Count == 0)
        {
            return 10;
        }

        var sorted = glyphs.Select(g => Math.Max(g.Size, 1)).Order().ToList();
        return sorted[sorted.Count / 2];
    }

    // CJK ideographs, punctuation and full-width forms.
    private static bool IsWide(char c) =>
        c is >= '\u2E80' and <= '\u9FFF' or >= '\uF900' and <= '\uFAFF' or >= '\uFF00' and <= '\uFFEF' or >= '\u3000' and <= '\u303F';

    private static string Unmarked(string text) => text.Replace("<b>", string.Empty).Replace("</b>", string.Empty);

    private static bool UnitEnd(string line) => line[^1] is '科' or '室' or '課' or '組' or '處' or '局' or '所' or '隊' or '股' || line.EndsWith("中心", StringComparison.Ordinal);
}

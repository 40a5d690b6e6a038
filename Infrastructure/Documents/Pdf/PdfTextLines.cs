using System.Text;

namespace HighServiceDashboard.Infrastructure.Documents.Pdf;

/// <summary>One visible letter of a page: its text, where its baseline starts and ends, its size.</summary>
internal readonly record struct Glyph(string Value, double X, double EndX, double Baseline, double Size)
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

    /// <summary>The line as text: letters joined, a space where the gap is wider than a fifth of a letter.</summary>
    public string Text(double size) => string.Join(" ", Segments(size, double.PositiveInfinity).Select(s => s.Text));

    /// <summary>Runs of letters; a gap wider than <paramref name="cellGap"/> letters starts a new run.</summary>
    public List<(double X, string Text)> Segments(double size, double cellGap)
    {
        var segments = new List<(double X, string Text)>();
        var builder = new StringBuilder();
        var start = Glyphs[0].X;
        for (var i = 0; i < Glyphs.Count; i++)
        {
            if (i > 0)
            {
                var gap = Glyphs[i].X - Glyphs[i - 1].EndX;
                if (gap > size * cellGap)
                {
                    segments.Add((start, builder.ToString()));
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

        segments.Add((start, builder.ToString()));
        return segments;
    }
}

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
}

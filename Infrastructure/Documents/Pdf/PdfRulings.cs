using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.Graphics;
using UglyToad.PdfPig.Graphics.Colors;

namespace HighServiceDashboard.Infrastructure.Documents.Pdf;

/// <summary>
/// A horizontal or vertical ruling line: <see cref="Position"/> is its y (horizontal) or x (vertical),
/// <see cref="Start"/> and <see cref="End"/> the extent along it (Start &lt; End).
/// </summary>
internal readonly record struct Ruling(double Position, double Start, double End)
{
    public double Length => End - Start;
}

/// <summary>
/// The ruling lines a page draws: stroked straight segments (also the sides of stroked rectangles)
/// and thin filled rectangles, which is how Word and LibreOffice draw cell borders; collinear pieces
/// (each cell's border drawn on its own) are merged into one line.
/// </summary>
internal static class PdfRulings
{
    /// <summary>How far a segment may lean and still count as horizontal or vertical.</summary>
    private const double AxisTolerance = 0.6;

    /// <summary>A filled rectangle at most this thick is a line, a thicker one is shading.</summary>
    private const double ThinFill = 3;

    /// <summary>Lines this close across are one line (a double border, a border drawn twice).</summary>
    public const double SnapTolerance = 2.5;

    /// <summary>Collinear pieces with a gap this small join (the corners where cell borders meet).</summary>
    private const double JoinTolerance = 3;

    /// <summary>Shorter lines are no cell border (a hyphen drawn as a path, a dot).</summary>
    private const double MinLength = 3;

    public static (List<Ruling> Horizontal, List<Ruling> Vertical) Find(IEnumerable<PdfPath> paths)
    {
        var horizontal = new List<Ruling>();
        var vertical = new List<Ruling>();
        foreach (var path in paths)
        {
            var stroked = path.IsStroked && !IsWhite(path.StrokeColor);
            var filled = path.IsFilled && !IsWhite(path.FillColor);
            if (!stroked && !filled)
            {
                continue;
            }

            foreach (var subpath in path)
            {
                if (stroked)
                {
                    AddStrokes(subpath, horizontal, vertical);
                }

                if (filled && subpath.GetBoundingRectangle() is { } box)
                {
                    if (box.Height <= ThinFill && box.Width > box.Height)
                    {
                        horizontal.Add(new Ruling((box.Bottom + box.Top) / 2, box.Left, box.Right));
                    }
                    else if (box.Width <= ThinFill && box.Height > box.Width)
                    {
                        vertical.Add(new Ruling((box.Left + box.Right) / 2, box.Bottom, box.Top));
                    }
                }
            }
        }

        return (Merge(horizontal), Merge(vertical));
    }

    private static void AddStrokes(PdfSubpath subpath, List<Ruling> horizontal, List<Ruling> vertical)
    {
        PdfPoint? start = null;
        PdfPoint? current = null;
        foreach (var command in subpath.Commands)
        {
            switch (command)
            {
                case PdfSubpath.Move move:
                    start = current = move.Location;
                    break;
                case PdfSubpath.Line line:
                    Add(line.From, line.To, horizontal, vertical);
                    start ??= line.From;
                    current = line.To;
                    break;
                case PdfSubpath.BezierCurve curve:
                    start ??= curve.StartPoint;
                    current = curve.EndPoint;
                    break;
                case PdfSubpath.Close when start is { } first && current is { } last:
                    Add(last, first, horizontal, vertical);
                    current = first;
                    break;
            }
        }
    }

    private static void Add(PdfPoint from, PdfPoint to, List<Ruling> horizontal, List<Ruling> vertical)
    {
        if (Math.Abs(from.Y - to.Y) <= AxisTolerance && Math.Abs(from.X - to.X) > AxisTolerance)
        {
            horizontal.Add(new Ruling((from.Y + to.Y) / 2, Math.Min(from.X, to.X), Math.Max(from.X, to.X)));
        }
        else if (Math.Abs(from.X - to.X) <= AxisTolerance && Math.Abs(from.Y - to.Y) > AxisTolerance)
        {
            vertical.Add(new Ruling((from.X + to.X) / 2, Math.Min(from.Y, to.Y), Math.Max(from.Y, to.Y)));
        }
    }

    /// <summary>Lines at (nearly) one position whose extents touch or overlap become one line.</summary>
    public static List<Ruling> Merge(List<Ruling> rulings)
    {
        var merged = new List<Ruling>();
        foreach (var group in Cluster(rulings, r => r.Position, SnapTolerance))
        {
            var position = group.Average(r => r.Position);
            Ruling? open = null;
            foreach (var ruling in group.OrderBy(r => r.Start))
            {
                if (open is { } o && ruling.Start <= o.End + JoinTolerance)
                {
                    open = o with { End = Math.Max(o.End, ruling.End) };
                    continue;
                }

                if (open is { Length: >= MinLength } done)
                {
                    merged.Add(done);
                }

                open = new Ruling(position, ruling.Start, ruling.End);
            }

            if (open is { Length: >= MinLength } last)
            {
                merged.Add(last);
            }
        }

        return merged;
    }

    /// <summary>Groups values whose neighbours (in sorted order) are at most <paramref name="tolerance"/> apart.</summary>
    public static List<List<T>> Cluster<T>(IEnumerable<T> items, Func<T, double> key, double tolerance)
    {
        var clusters = new List<List<T>>();
        var last = double.NegativeInfinity;
        foreach (var item in items.OrderBy(key))
        {
            var value = key(item);
            if (clusters.Count == 0 || value - last > tolerance)
            {
                clusters.Add([]);
            }

            clusters[^1].Add(item);
            last = value;
        }

        return clusters;
    }

    // White lines draw nothing a reader sees (Word paints white rules over removed borders).
    private static bool IsWhite(IColor? color)
    {
        if (color is null)
        {
            return false;
        }

        var (r, g, b) = color.ToRGBValues();
        return r >= 0.95 && g >= 0.95 && b >= 0.95;
    }
}

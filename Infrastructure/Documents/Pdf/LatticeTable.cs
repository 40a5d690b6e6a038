namespace HighServiceDashboard.Infrastructure.Documents.Pdf;

/// <summary>
/// A table found from its ruling lines (the lattice method of Tabula and Camelot): the x and y
/// positions of its lines make a grid, and a cell is each rectangle closed by lines on its four sides,
/// so a missing vertical line joins grid columns (a column span) and a missing horizontal line joins
/// grid rows (a row span). Letters are placed in the cell that holds their centre.
/// </summary>
internal sealed class LatticeTable
{
    /// <summary>How near a line must come to another to meet it (corners are drawn a little short or long).</summary>
    private const double MeetTolerance = 3;

    /// <summary>Share of a grid edge a line must cover to close the cells on either side.</summary>
    private const double EdgeCover = 0.5;

    private readonly int[] _regionOfCell;

    private LatticeTable(double[] xs, double[] ys, int[] regionOfCell, List<LatticeCell> cells)
    {
        Xs = xs;
        Ys = ys;
        _regionOfCell = regionOfCell;
        Cells = cells;
    }

    /// <summary>Column boundaries, left to right (one more than the grid columns).</summary>
    public double[] Xs { get; }

    /// <summary>Row boundaries, top to bottom (one more than the grid rows).</summary>
    public double[] Ys { get; }

    public int RowCount => Ys.Length - 1;

    public int ColumnCount => Xs.Length - 1;

    public double Left => Xs[0];

    public double Right => Xs[^1];

    public double Top => Ys[0];

    public double Bottom => Ys[^1];

    /// <summary>The cells, each with its first grid row and column and how many it spans.</summary>
    public List<LatticeCell> Cells { get; }

    /// <summary>
    /// More lines than this across one way in a table is a drawing (a chart, a hatched area), not a
    /// form's table; the work of meeting every line with every other grows with their product.
    /// </summary>
    private const int MaxLines = 1000;

    /// <summary>The tables drawn by these rulings: each set of lines that meet, with a grid of two cells at least.</summary>
    public static List<LatticeTable> Find(List<Ruling> horizontal, List<Ruling> vertical)
    {
        if (horizontal.Count > MaxLines || vertical.Count > MaxLines)
        {
            return [];
        }

        // Lines that meet belong to one table: union-find over horizontal (0..h-1) and vertical (h..) lines.
        var parent = Enumerable.Range(0, horizontal.Count + vertical.Count).ToArray();
        for (var h = 0; h < horizontal.Count; h++)
        {
            for (var v = 0; v < vertical.Count; v++)
            {
                if (Meet(horizontal[h], vertical[v]))
                {
                    Union(parent, h, horizontal.Count + v);
                }
            }
        }

        var tables = new List<LatticeTable>();
        var groups = Enumerable.Range(0, parent.Length).GroupBy(i => Root(parent, i));
        foreach (var group in groups)
        {
            var hs = group.Where(i => i < horizontal.Count).Select(i => horizontal[i]).ToList();
            var vs = group.Where(i => i >= horizontal.Count).Select(i => vertical[i - horizontal.Count]).ToList();
            if (hs.Count >= 2 && vs.Count >= 2 && Build(hs, vs) is { } table)
            {
                tables.Add(table);
            }
        }

        return tables;
    }

    /// <summary>The cell holding a point, or null outside the table.</summary>
    public LatticeCell? CellAt(double x, double y)
    {
        if (x < Left || x > Right || y > Top || y < Bottom)
        {
            return null;
        }

        var column = Math.Clamp(LastAtOrBelow(Xs, x), 0, ColumnCount - 1);
        var row = 0;
        while (row < RowCount - 1 && y < Ys[row + 1])
        {
            row++;
        }

        return Cells[_regionOfCell[(row * ColumnCount) + column]];
    }

    private static LatticeTable? Build(List<Ruling> hs, List<Ruling> vs)
    {
        // The grid: where the vertical lines stand and the horizontal lines lie. A frame left undrawn (a
        // table without outer borders, a row cut by the page break with no line under it) is closed at the
        // ends of the lines that cross it.
        var xs = Positions(vs.Select(v => v.Position), hs.Min(h => h.Start), hs.Max(h => h.End));
        var ys = Positions(hs.Select(h => h.Position), vs.Min(v => v.Start), vs.Max(v => v.End));
        Array.Reverse(ys);
        var columns = xs.Length - 1;
        var rows = ys.Length - 1;
        if (columns < 1 || rows < 1)
        {
            return null;
        }

        var parent = Enumerable.Range(0, rows * columns).ToArray();
        for (var r = 0; r < rows; r++)
        {
            for (var c = 0; c < columns; c++)
            {
                if (c + 1 < columns && !Covered(vs, xs[c + 1], ys[r + 1], ys[r]))
                {
                    Union(parent, (r * columns) + c, (r * columns) + c + 1);
                }

                if (r + 1 < rows && !Covered(hs, ys[r + 1], xs[c], xs[c + 1]))
                {
                    Union(parent, (r * columns) + c, ((r + 1) * columns) + c);
                }
            }
        }

        var regionOfCell = new int[rows * columns];
        var regions = new Dictionary<int, int>();
        var cells = new List<LatticeCell>();
        for (var i = 0; i < regionOfCell.Length; i++)
        {
            var root = Root(parent, i);
            if (!regions.TryGetValue(root, out var region))
            {
                region = cells.Count;
                regions[root] = region;
                cells.Add(new LatticeCell(i / columns, i % columns));
            }

            regionOfCell[i] = region;
            cells[region].Include(i / columns, i % columns);
        }

        // One closed box is a frame around text (a bordered title, a page border), not a table.
        return cells.Count < 2 ? null : new LatticeTable(xs, ys, regionOfCell, cells);
    }

    private static double[] Positions(IEnumerable<double> lines, double min, double max)
    {
        var positions = PdfRulings.Cluster(lines, p => p, PdfRulings.SnapTolerance).Select(c => c.Average()).ToList();
        if (min < positions[0] - MeetTolerance)
        {
            positions.Insert(0, min);
        }

        if (max > positions[^1] + MeetTolerance)
        {
            positions.Add(max);
        }

        return positions.ToArray();
    }

    // Whether lines at this position cover enough of the edge from start to end.
    private static bool Covered(List<Ruling> lines, double position, double start, double end)
    {
        var covered = 0.0;
        foreach (var line in lines)
        {
            if (Math.Abs(line.Position - position) <= PdfRulings.SnapTolerance)
            {
                covered += Math.Max(0, Math.Min(end, line.End) - Math.Max(start, line.Start));
            }
        }

        return covered >= (end - start) * EdgeCover;
    }

    private static bool Meet(Ruling horizontal, Ruling vertical) =>
        vertical.Position >= horizontal.Start - MeetTolerance && vertical.Position <= horizontal.End + MeetTolerance
        && horizontal.Position >= vertical.Start - MeetTolerance && horizontal.Position <= vertical.End + MeetTolerance;

    private static int LastAtOrBelow(double[] sorted, double value)
    {
        var index = Array.BinarySearch(sorted, value);
        return index >= 0 ? index : ~index - 1;
    }

    private static int Root(int[] parent, int i)
    {
        while (parent[i] != i)
        {
            parent[i] = parent[parent[i]];
            i = parent[i];
        }

        return i;
    }

    private static void Union(int[] parent, int a, int b)
    {
        var ra = Root(parent, a);
        var rb = Root(parent, b);
        if (ra != rb)
        {
            parent[Math.Max(ra, rb)] = Math.Min(ra, rb);
        }
    }
}

/// <summary>A cell of a <see cref="LatticeTable"/>: the grid rows and columns it covers, and its letters.</summary>
internal sealed class LatticeCell
{
    public LatticeCell(int row, int column)
    {
        Row = LastRow = row;
        Column = LastColumn = column;
    }

    public int Row { get; private set; }

    public int Column { get; private set; }

    public int LastRow { get; private set; }

    public int LastColumn { get; private set; }

    public List<Glyph> Glyphs { get; } = [];

    public void Include(int row, int column)
    {
        Row = Math.Min(Row, row);
        Column = Math.Min(Column, column);
        LastRow = Math.Max(LastRow, row);
        LastColumn = Math.Max(LastColumn, column);
    }
}

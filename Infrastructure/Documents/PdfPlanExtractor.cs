using System.Globalization;
using HighServiceDashboard.Domain.Plans.Reading;
using HighServiceDashboard.Infrastructure.Documents.Pdf;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Content;

namespace HighServiceDashboard.Infrastructure.Documents;

/// <summary>How much a plan PDF may hold before <see cref="PdfPlanExtractor"/> refuses it.</summary>
public sealed record PdfExtractionLimits
{
    public static PdfExtractionLimits Default { get; } = new();

    /// <summary>A plan runs to tens of pages; more is another kind of document (default 500).</summary>
    public int MaxPages { get; init; } = 500;

    /// <summary>Letters over the whole document (default 2,000,000).</summary>
    public long MaxLetters { get; init; } = 2_000_000;

    /// <summary>Drawn shapes (subpaths) on one page (default 50,000); a table page draws a few hundred.</summary>
    public int MaxPathsPerPage { get; init; } = 50_000;
}

/// <summary>
/// Extracts a PDF plan from its text layer into the reader's table model. Where a page draws its table
/// (Word and LibreOffice draw every cell border), the table is read from its ruling lines: each
/// rectangle closed on four sides is a cell, letters go to the cell holding their centre, and each
/// page's table is a table of its own (the reader joins them). Pages without ruling lines are read by
/// text alignment: columns where text starts, one row a line. Text outside tables becomes paragraphs,
/// one a line. A scanned PDF (no text layer) and oversized input are reported, not guessed at.
/// </summary>
public static class PdfPlanExtractor
{
    /// <summary>Tables on different pages whose outer edges are this close are one table broken by the page.</summary>
    private const double SameTableTolerance = 6;

    public static PlanLoadResult Extract(byte[] bytes, string fileName, CancellationToken ct) =>
        Extract(bytes, fileName, PdfExtractionLimits.Default, ct);

    public static PlanLoadResult Extract(byte[] bytes, string fileName, PdfExtractionLimits limits, CancellationToken ct)
    {
        try
        {
            using var pdf = PdfDocument.Open(bytes);
            if (pdf.NumberOfPages > limits.MaxPages)
            {
                return PlanDocumentLoader.Fail(PlanFindingCodes.PdfTooManyPages,
                    $"PDF 共 {pdf.NumberOfPages} 頁，超過 {limits.MaxPages} 頁的上限；請只上傳計畫本文。",
                    $"The PDF has {pdf.NumberOfPages} pages, more than the limit of {limits.MaxPages}; upload the plan itself only.");
            }

            var pages = new List<PageContent>();
            long letters = 0;
            for (var number = 1; number <= pdf.NumberOfPages; number++)
            {
                ct.ThrowIfCancellationRequested();
                var page = pdf.GetPage(number);
                letters += page.Letters.Count;
                if (letters > limits.MaxLetters)
                {
                    return PlanDocumentLoader.Fail(PlanFindingCodes.PdfTooManyLetters,
                        string.Create(CultureInfo.InvariantCulture, $"PDF 的文字超過 {limits.MaxLetters:N0} 個字元的上限，無法讀取；請只上傳計畫本文。"),
                        string.Create(CultureInfo.InvariantCulture, $"The PDF holds more than {limits.MaxLetters:N0} letters, the limit; upload the plan itself only."));
                }

                var paths = page.Paths;
                if (paths.Sum(p => p.Count) > limits.MaxPathsPerPage)
                {
                    return PlanDocumentLoader.Fail(PlanFindingCodes.PdfPageTooComplex,
                        string.Create(CultureInfo.InvariantCulture, $"PDF 第 {number} 頁的圖形過於複雜（超過 {limits.MaxPathsPerPage:N0} 個繪圖路徑），無法讀取；請上傳 Word 檔或較簡單的 PDF。"),
                        string.Create(CultureInfo.InvariantCulture, $"Page {number} of the PDF draws too many shapes (more than {limits.MaxPathsPerPage:N0} paths) to be read; upload the Word file or a simpler PDF."));
                }

                pages.Add(PageContent.Read(Glyphs(page), paths));
            }

            var blocks = pages.Sum(p => p.Glyphs.Count) == 0 ? [] : new DocumentWriter(pages).Write();
            if (blocks.Count == 0)
            {
                return PlanDocumentLoader.Fail(PlanFindingCodes.PdfNoTextLayer, "PDF 沒有文字層（可能是掃描影像），請上傳 Word 檔或可選取文字的 PDF。",
                    "The PDF has no text layer (it may be a scanned image); upload the Word file or a PDF with selectable text.");
            }

            return new PlanLoadResult(new PlanTextDocument(fileName, blocks), []);
        }
        catch (Exception ex) when (ex is not OperationCanceledException and not OutOfMemoryException)
        {
            // PdfPig throws many exception types on damaged files; any of them means "cannot read".
            return PlanDocumentLoader.Fail(PlanFindingCodes.PdfUnreadable, "無法開啟 PDF 檔，檔案可能已損毀或加密。", "The PDF cannot be opened; it may be damaged or encrypted.");
        }
    }

    private static List<Glyph> Glyphs(Page page) =>
        page.Letters.Where(l => !string.IsNullOrWhiteSpace(l.Value))
            .Select(l => new Glyph(l.Value, l.StartBaseLine.X, l.EndBaseLine.X, l.StartBaseLine.Y, Math.Max(l.PointSize, 1),
                l.FontDetails is { } font && (font.IsBold || font.Name?.Contains("Bold", StringComparison.OrdinalIgnoreCase) == true)))
            .ToList();

    /// <summary>What one page holds: its tables with their letters placed in cells, and the lines of text outside them.</summary>
    private sealed class PageContent
    {
        private PageContent(List<Glyph> glyphs, List<LatticeTable> tables, List<TextLine> lines, double size)
        {
            Glyphs = glyphs;
            Tables = tables;
            Lines = lines;
            Size = size;
        }

        public List<Glyph> Glyphs { get; }

        public List<LatticeTable> Tables { get; }

        /// <summary>Lines outside the tables (all lines on a page without ruled tables).</summary>
        public List<TextLine> Lines { get; }

        public double Size { get; }

        public static PageContent Read(List<Glyph> glyphs, IReadOnlyList<UglyToad.PdfPig.Graphics.PdfPath> paths)
        {
            var size = PdfTextLines.MedianSize(glyphs);
            var (horizontal, vertical) = PdfRulings.Find(paths);
            var tables = LatticeTable.Find(horizontal, vertical);
            var outside = new List<Glyph>();
            foreach (var glyph in glyphs)
            {
                var cell = tables.Select(t => t.CellAt(glyph.CentreX, glyph.CentreY)).FirstOrDefault(c => c is not null);
                if (cell is null)
                {
                    outside.Add(glyph);
                }
                else
                {
                    cell.Glyphs.Add(glyph);
                }
            }

            return new PageContent(glyphs, tables, PdfTextLines.Group(outside, size), size);
        }
    }

    /// <summary>Turns the pages into blocks in reading order, numbering lines over the whole document.</summary>
    private sealed class DocumentWriter
    {
        private readonly List<PageContent> _pages;
        private readonly Dictionary<LatticeTable, double[]> _columnsOf = [];
        private readonly List<double> _alignedColumns;
        private readonly double _size;
        private int _line;

        public DocumentWriter(List<PageContent> pages)
        {
            _pages = pages;

            // A table broken over pages must keep its column numbers from page to page, even where one
            // page's part has a line the others lack: columns are counted over all parts of a table.
            var tables = pages.SelectMany(p => p.Tables).ToList();
            foreach (var group in tables.GroupBy(t => tables.First(o => Math.Abs(o.Left - t.Left) <= SameTableTolerance && Math.Abs(o.Right - t.Right) <= SameTableTolerance)))
            {
                var columns = PdfRulings.Cluster(group.SelectMany(t => t.Xs.Take(t.Xs.Length - 1)), x => x, PdfRulings.SnapTolerance).Select(c => c.Average()).ToArray();
                foreach (var table in group)
                {
                    _columnsOf[table] = columns;
                }
            }

            // Text alignment: a table runs over pages with one layout, so its columns are found over the
            // whole document (the pages without ruled tables).
            _size = PdfTextLines.MedianSize(pages.SelectMany(p => p.Glyphs).ToList());
            var aligned = pages.Where(p => p.Tables.Count == 0).SelectMany(p => p.Lines);
            _alignedColumns = TextAlignment.ColumnStarts(aligned.Select(l => l.Segments(_size, TextAlignment.CellGap)), _size);
        }

        public List<PlanBlock> Write()
        {
            var blocks = new List<PlanBlock>();
            foreach (var page in _pages)
            {
                if (page.Tables.Count == 0)
                {
                    blocks.AddRange(TextAlignment.Blocks(page.Lines, _alignedColumns, _size, ref _line));
                    continue;
                }

                var items = page.Lines.Select(l => (Top: l.Baseline + page.Size, Item: (object)l))
                    .Concat(page.Tables.Select(t => (Top: t.Top, Item: (object)t)))
                    .OrderByDescending(i => i.Top);
                foreach (var (_, item) in items)
                {
                    if (item is TextLine line)
                    {
                        blocks.Add(new PlanParagraph(++_line, line.Text(page.Size)));
                    }
                    else if (Table((LatticeTable)item, page.Size) is { } table)
                    {
                        blocks.Add(table);
                    }
                }
            }

            return blocks;
        }

        // Rows of the grid; a cell reads on its first row and leaves an empty cell on the rows it spans
        // below (a Word vMerge continuation); a cell spanning columns carries the column it starts in.
        private PlanTable? Table(LatticeTable table, double size)
        {
            var columns = _columnsOf[table];
            var texts = table.Cells.ToDictionary(c => c, c => CellLines(table, c, size));
            var rows = new List<PlanRow>();
            for (var r = 0; r < table.RowCount; r++)
            {
                var cells = table.Cells.Where(c => c.Row <= r && c.LastRow >= r).OrderBy(c => c.Column).ToList();
                if (cells.All(c => c.Row != r || texts[c].Count == 0))
                {
                    continue;
                }

                var line = _line + 1;
                _line += Math.Max(1, cells.Where(c => c.Row == r).Max(c => texts[c].Count));
                rows.Add(new PlanRow(line, cells.Select(c => new PlanCell(c.Row == r ? string.Join("\n", texts[c]) : string.Empty, line, Column(columns, table.Xs[c.Column]))).ToList()));
            }

            return rows.Count == 0 ? null : new PlanTable(rows[0].Line, rows);
        }

        // The cell's paragraphs, one a line. Its text keeps about as far from the right border as from
        // the left (the cell margins): a line that comes that close to the right border was wrapped.
        private static List<string> CellLines(LatticeTable table, LatticeCell cell, double size)
        {
            var lines = PdfTextLines.Group(cell.Glyphs, size);
            if (lines.Count == 0)
            {
                return [];
            }

            var margin = Math.Max(0, lines.Min(l => l.Left) - table.Xs[cell.Column]);
            var text = PdfTextLines.Paragraphs(lines.Select(l => (l.Right, l.MarkedText(size))).ToList(), table.Xs[cell.LastColumn + 1] - margin, size * 1.5);
            return text.Split('\n').ToList();
        }

        private static int Column(double[] columns, double x)
        {
            var best = 0;
            for (var i = 1; i < columns.Length; i++)
            {
                if (Math.Abs(columns[i] - x) < Math.Abs(columns[best] - x))
                {
                    best = i;
                }
            }

            return best;
        }
    }
}

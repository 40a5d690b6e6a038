using System.Globalization;
using System.Text;

namespace HighServiceDashboard.Tests.Infrastructure.Documents;

/// <summary>
/// Writes a small PDF whose text layer holds Chinese text: a Type0 font (Identity-H) with a
/// ToUnicode map and no embedded glyphs, which is all a text extractor reads. No CJK TrueType font
/// is on this machine (only OpenType collections, which PdfPig's builder cannot embed), so the
/// builder is not used.
/// </summary>
public static class CjkPdfWriter
{
    public static byte[] Write(IEnumerable<(double X, double Y, string Text)> runs, double fontSize = 10) => WritePages([runs.ToList()], fontSize);

    /// <summary>
    /// Several pages, each a list of text runs placed at (x, y) on an A4 landscape page; a page's
    /// <paramref name="drawings"/> (content-stream operators such as "40 500 200 0.5 re f") are painted
    /// on it before its text.
    /// </summary>
    public static byte[] WritePages(IReadOnlyList<IReadOnlyList<(double X, double Y, string Text)>> pages, double fontSize = 10, IReadOnlyList<string>? drawings = null)
    {
        var codes = new Dictionary<char, int>();
        foreach (var c in pages.SelectMany(p => p).SelectMany(r => r.Text))
        {
            if (!codes.ContainsKey(c))
            {
                codes[c] = codes.Count + 1;
            }
        }

        var contents = pages.Select((page, index) =>
        {
            var content = new StringBuilder();
            if (drawings is not null && index < drawings.Count)
            {
                content.Append(drawings[index]).Append('\n');
            }

            foreach (var (x, y, text) in page)
            {
                content.Append(CultureInfo.InvariantCulture, $"BT /F1 {fontSize} Tf 1 0 0 1 {x} {y} Tm <");
                foreach (var c in text)
                {
                    content.Append(codes[c].ToString("X4", CultureInfo.InvariantCulture));
                }

                content.Append("> Tj ET\n");
            }

            return content.ToString();
        }).ToList();

        var cmap = new StringBuilder();
        cmap.Append("/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n");
        cmap.Append("/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n");
        cmap.Append("1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n");
        foreach (var chunk in codes.Chunk(100))
        {
            cmap.Append(CultureInfo.InvariantCulture, $"{chunk.Length} beginbfchar\n");
            foreach (var (c, code) in chunk)
            {
                cmap.Append(CultureInfo.InvariantCulture, $"<{code:X4}> <{(int)c:X4}>\n");
            }

            cmap.Append("endbfchar\n");
        }

        cmap.Append("endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n");

        // Half-width characters are half as wide as ideographs.
        var widths = string.Join(" ", codes.Where(kv => kv.Key < 0x2E80).Select(kv => $"{kv.Value} [500]"));
        // Objects 1-5: catalog, page tree, font, descendant font, ToUnicode map, descriptor; then a page and its content per page.
        const int firstPage = 7;
        var kids = string.Join(" ", pages.Select((_, i) => $"{firstPage + (2 * i)} 0 R"));
        var objects = new List<string>
        {
            "<< /Type /Catalog /Pages 2 0 R >>",
            $"<< /Type /Pages /Kids [{kids}] /Count {pages.Count} >>",
            "<< /Type /Font /Subtype /Type0 /BaseFont /MingLiU /Encoding /Identity-H /DescendantFonts [4 0 R] /ToUnicode 5 0 R >>",
            $"<< /Type /Font /Subtype /CIDFontType2 /BaseFont /MingLiU /CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> /FontDescriptor 6 0 R /DW 1000 /W [{widths}] /CIDToGIDMap /Identity >>",
            Stream(cmap.ToString()),
            "<< /Type /FontDescriptor /FontName /MingLiU /Flags 4 /FontBBox [0 -200 1000 800] /ItalicAngle 0 /Ascent 800 /Descent -200 /CapHeight 700 /StemV 80 >>",
        };
        for (var i = 0; i < pages.Count; i++)
        {
            objects.Add($"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 842 595] /Resources << /Font << /F1 3 0 R >> >> /Contents {firstPage + (2 * i) + 1} 0 R >>");
            objects.Add(Stream(contents[i]));
        }

        var pdf = new StringBuilder("%PDF-1.4\n");
        var offsets = new List<int>();
        for (var i = 0; i < objects.Count; i++)
        {
            offsets.Add(Encoding.ASCII.GetByteCount(pdf.ToString()));
            pdf.Append(CultureInfo.InvariantCulture, $"{i + 1} 0 obj\n{objects[i]}\nendobj\n");
        }

        var xref = Encoding.ASCII.GetByteCount(pdf.ToString());
        pdf.Append(CultureInfo.InvariantCulture, $"xref\n0 {objects.Count + 1}\n0000000000 65535 f \n");
        foreach (var offset in offsets)
        {
            pdf.Append(CultureInfo.InvariantCulture, $"{offset:D10} 00000 n \n");
        }

        pdf.Append(CultureInfo.InvariantCulture, $"trailer\n<< /Size {objects.Count + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n");
        return Encoding.ASCII.GetBytes(pdf.ToString());
    }

    private static string Stream(string body) =>
        string.Create(CultureInfo.InvariantCulture, $"<< /Length {Encoding.ASCII.GetByteCount(body)} >>\nstream\n{body}endstream");
}

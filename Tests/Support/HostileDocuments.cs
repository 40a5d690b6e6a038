using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;
using static HighServiceDashboard.Tests.Support.DocxBuilder;

namespace HighServiceDashboard.Tests.Support;

/// <summary>
/// Documents built to hurt the reader: nesting that overflows a recursive reader, parts that expand
/// to hundreds of megabytes, a million cells, a 20 MB line. Built in memory by each test (nothing of
/// this size is committed); the names are what the tests and the browser journey pass around.
/// </summary>
public static class HostileDocuments
{
    public const int Deep = 20_000;

    public static readonly string[] Names =
    [
        "nested-sdt.docx", "nested-tables.docx", "nested-run-sdt.docx", "deep-numbering.docx", "huge-comments.docx", "large-comments-read-past.docx",
        "zip-bomb-entry.docx", "zip-bomb-body.docx", "many-entries.docx", "million-cells.docx", "million-cells-stored.docx", "long-paragraph.docx",
        "million-cells.txt", "million-cells.csv", "many-cells.txt", "twenty-mb-line.txt", "deep-html.html", "unclosed-html.html", "unclosed-comments.html",
        "near-limit-cells.docx", "near-limit-text.txt", "near-limit-paragraph.docx", "many-empty-paragraphs.docx", "oversized-body.docx",
        "lying-sizes.docx",
    ];

    public static byte[] Build(string name) => name switch
    {
        // 20,000 content controls inside each other: about 3 KB compressed, as the tester's file.
        "nested-sdt.docx" => Package(Nested("<w:sdt><w:sdtContent>", P("內容控制項"), "</w:sdtContent></w:sdt>", Deep)),
        "nested-tables.docx" => Package(Nested("<w:tbl><w:tr><w:tc>", P("表格"), "</w:tc></w:tr></w:tbl>", Deep)),
        "nested-run-sdt.docx" => Package("<w:p>" + Nested("<w:sdt><w:sdtContent>", "<w:r><w:t>x</w:t></w:r>", "</w:sdtContent></w:sdt>", Deep) + "</w:p>"),
        "deep-numbering.docx" => Package(P("計畫"), Numbering($"<w:numbering xmlns:w=\"{WordNamespace}\">" + Nested("<w:abstractNum w:abstractNumId=\"1\">", "", "</w:abstractNum>", Deep) + "</w:numbering>")),

        // 200 MB of comments in a 200 KB file: refused before anything is unpacked.
        "huge-comments.docx" => Package(s => Utf8(s, Document(P("計畫"))), CompressionLevel.Optimal, Comments(s => CommentsXml(s, 200L * 1024 * 1024))),

        // 40 MB of varied comments, within every package bound: must not be read at all.
        "large-comments-read-past.docx" => Package(s => Utf8(s, Document(P("高雄市政府財政局113年度提升服務執行計畫"))), CompressionLevel.Optimal,
            Comments(s => VariedCommentsXml(s, 40L * 1024 * 1024))),
        "zip-bomb-entry.docx" => Package(s => Utf8(s, Document(P("計畫"))), CompressionLevel.Optimal,
            new Part("word/media/bomb.bin", "application/octet-stream", "http://schemas.openxmlformats.org/officeDocument/2006/relationships/image", s => Zeros(s, 200L * 1024 * 1024), CompressionLevel.Fastest)),
        "zip-bomb-body.docx" => Package(s => Repeat(s, Document("")[..^"<w:sectPr/></w:body></w:document>".Length], _ => "<w:p/>", "</w:body></w:document>", 200L * 1024 * 1024), CompressionLevel.Fastest),
        "many-entries.docx" => ManyEntries(5_000),

        // 1000 rows of 1000 cells: compressed it is refused as a bomb, stored it reaches the cell bound.
        "million-cells.docx" => Package(s => Cells(s), CompressionLevel.Optimal),
        "million-cells-stored.docx" => Package(s => Cells(s), CompressionLevel.NoCompression),
        "long-paragraph.docx" => Package(s => Repeat(s, Document("")[..^"<w:sectPr/></w:body></w:document>".Length] + "<w:p><w:r><w:t>", i => "服務" + (i % 10), "</w:t></w:r></w:p></w:body></w:document>", 7_000_000), CompressionLevel.NoCompression),
        "million-cells.txt" => Encoding.UTF8.GetBytes(string.Join('\n', Enumerable.Range(0, 1000).Select(_ => string.Join('\t', Enumerable.Repeat("x", 1000))))),
        "million-cells.csv" => Encoding.UTF8.GetBytes(string.Join('\n', Enumerable.Range(0, 1000).Select(_ => string.Join(',', Enumerable.Repeat("x", 1000))))),
        "many-cells.txt" => Encoding.UTF8.GetBytes(string.Join('\n', Enumerable.Range(0, 300).Select(_ => string.Join('\t', Enumerable.Repeat("x", 100))))),
        "twenty-mb-line.txt" => Encoding.UTF8.GetBytes(new string('服', 20_000_000 / 3)),
        "deep-html.html" => Encoding.UTF8.GetBytes(Nested("<div><table><tr><td>", "計畫", "</td></tr></table></div>", Deep)),
        "unclosed-html.html" => Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat("<table><tr><td>計畫", 20_000))),

        // Just within the bounds: these are read, and the reading too must stay within time and memory.
        "unclosed-comments.html" => Encoding.UTF8.GetBytes("<p>計畫</p>" + string.Concat(Enumerable.Repeat("<!-- x ", 40_000))),
        "near-limit-cells.docx" => Package(s => Cells(s, 3_900, 4, "<w:tc><w:p><w:r><w:t>各課室</w:t></w:r></w:p></w:tc>"), CompressionLevel.NoCompression),
        "near-limit-text.txt" => Encoding.UTF8.GetBytes(string.Join('\n', Enumerable.Range(0, 1_800).Select(r => string.Join('\t', Enumerable.Range(0, 10).Select(c => $"(一)服務{r}-{c}"))))),
        "near-limit-paragraph.docx" => Package(s => Repeat(s, Document("")[..^"<w:sectPr/></w:body></w:document>".Length] + "<w:p><w:r><w:t>",
            i => i % 50 == 0 ? "(一)服務各課室。" : "辦理滿意度調查，", "</w:t></w:r></w:p></w:body></w:document>", 1_450_000), CompressionLevel.NoCompression),

        // A quarter of a million empty paragraphs, just within the part bound: nothing to keep, but a lot of XML to walk through.
        "many-empty-paragraphs.docx" => EmptyParagraphs(7_500_000),
        "oversized-body.docx" => EmptyParagraphs(9_000_000),

        // 200 MB of body whose zip directory says 1 KB: past the guard, stopped while reading.
        "lying-sizes.docx" => Lie(Package(s => Repeat(s, Document("")[..^"<w:sectPr/></w:body></w:document>".Length], _ => "<w:p/>", "</w:body></w:document>", 200L * 1024 * 1024), CompressionLevel.Fastest), "word/document.xml", 1024),
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, "No such hostile document."),
    };

    // Rewrites an entry's uncompressed size in the central directory and in its local header.
    private static byte[] Lie(byte[] zip, string entry, uint size)
    {
        var name = Encoding.UTF8.GetBytes(entry);
        for (var i = 0; i + 46 < zip.Length; i++)
        {
            if (BinaryPrimitives.ReadUInt32LittleEndian(zip.AsSpan(i)) == 0x02014b50 && zip.AsSpan(i + 46, name.Length).SequenceEqual(name))
            {
                BinaryPrimitives.WriteUInt32LittleEndian(zip.AsSpan(i + 24), size);
                var local = (int)BinaryPrimitives.ReadUInt32LittleEndian(zip.AsSpan(i + 42));
                BinaryPrimitives.WriteUInt32LittleEndian(zip.AsSpan(local + 22), size);
            }
        }

        return zip;
    }

    private static byte[] EmptyParagraphs(long bytes) => Package(
        s => Repeat(s, Document("")[..^"<w:sectPr/></w:body></w:document>".Length], _ => "<w:p><w:pPr><w:jc w:val=\"left\"/></w:pPr></w:p>", "</w:body></w:document>", bytes),
        CompressionLevel.NoCompression);

    private static string Nested(string open, string inner, string close, int depth)
    {
        var builder = new StringBuilder((open.Length + close.Length) * depth + inner.Length);
        for (var i = 0; i < depth; i++)
        {
            builder.Append(open);
        }

        builder.Append(inner);
        for (var i = 0; i < depth; i++)
        {
            builder.Append(close);
        }

        return builder.ToString();
    }

    private static void CommentsXml(Stream stream, long bytes) => Repeat(stream, $"<?xml version=\"1.0\" encoding=\"UTF-8\"?><w:comments xmlns:w=\"{WordNamespace}\">",
        _ => "<w:comment w:id=\"1\" w:author=\"a\"><w:p><w:r><w:t>意見</w:t></w:r></w:p></w:comment>", "</w:comments>", bytes);

    // Words drawn at random compress about 5:1, under the guard's ratio: only never opening the part keeps it cheap.
    private static void VariedCommentsXml(Stream stream, long bytes)
    {
        var random = new Random(7);
        string[] words = ["服務", "民眾", "滿意度", "流程", "改善", "申辦", "回應", "檢討", "each", "plan", "unit", "review", "意見", "表單", "線上", "電話"];
        Repeat(stream, $"<?xml version=\"1.0\" encoding=\"UTF-8\"?><w:comments xmlns:w=\"{WordNamespace}\">",
            i => $"<w:comment w:id=\"{i}\"><w:p><w:r><w:t>{words[random.Next(words.Length)]}{random.Next(100000)}{words[random.Next(words.Length)]}{random.Next(1000)}</w:t></w:r></w:p></w:comment>",
            "</w:comments>", bytes);
    }

    private static void Zeros(Stream stream, long bytes)
    {
        var zeros = new byte[1 << 20];
        for (long written = 0; written < bytes; written += zeros.Length)
        {
            stream.Write(zeros);
        }
    }

    private static void Cells(Stream stream, int rows = 1000, int columns = 1000, string cell = "<w:tc><w:p/></w:tc>")
    {
        Utf8(stream, Document("")[..^"<w:sectPr/></w:body></w:document>".Length] + "<w:tbl>");
        var row = "<w:tr>" + string.Concat(Enumerable.Repeat(cell, columns)) + "</w:tr>";
        for (var i = 0; i < rows; i++)
        {
            Utf8(stream, row);
        }

        Utf8(stream, "</w:tbl></w:body></w:document>");
    }

    private static byte[] ManyEntries(int count)
    {
        var plain = Package(P("計畫"));
        using var output = new MemoryStream();
        output.Write(plain);
        using (var zip = new ZipArchive(output, ZipArchiveMode.Update, leaveOpen: true))
        {
            for (var i = 0; i < count; i++)
            {
                zip.CreateEntry($"customXml/item{i}.xml", CompressionLevel.NoCompression);
            }
        }

        return output.ToArray();
    }
}

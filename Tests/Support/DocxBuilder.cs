using System.IO.Compression;
using System.Security;
using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using HighServiceDashboard.Domain.Plans.Reading;

namespace HighServiceDashboard.Tests.Support;

/// <summary>
/// Word packages written zip entry by zip entry, so that a test says exactly what document.xml holds
/// (hostile nesting, a part of hundreds of megabytes) without OpenXml's DOM in the way; and the
/// sample plans written back into Word as agencies keep them.
/// </summary>
public static class DocxBuilder
{
    public const string WordNamespace = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";

    private const string DocumentRelationships = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

    /// <summary>A part beside document.xml, written by <see cref="Write"/> (which may stream hundreds of megabytes).</summary>
    public sealed record Part(string Path, string ContentType, string RelationshipType, Action<Stream> Write, CompressionLevel Compression = CompressionLevel.Fastest);

    public static Part Comments(Action<Stream> write, CompressionLevel compression = CompressionLevel.Fastest) => new(
        "word/comments.xml", "application/vnd.openxmlformats-officedocument.wordprocessingml.comments+xml",
        DocumentRelationships + "/comments", write, compression);

    public static Part Numbering(string xml) => new(
        "word/numbering.xml", "application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml",
        DocumentRelationships + "/numbering", s => Utf8(s, xml));

    public static Part Styles(string xml) => new(
        "word/styles.xml", "application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml",
        DocumentRelationships + "/styles", s => Utf8(s, xml));

    /// <summary>A package whose body is <paramref name="body"/> (the children of w:body).</summary>
    public static byte[] Package(string body, params Part[] parts) => Package(s => Utf8(s, Document(body)), CompressionLevel.Optimal, parts);

    /// <summary>A package whose document.xml is written by <paramref name="document"/>, compressed as said.</summary>
    public static byte[] Package(Action<Stream> document, CompressionLevel compression, params Part[] parts)
    {
        using var output = new MemoryStream();
        using (var zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true))
        {
            var types = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">")
                .Append("<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>")
                .Append("<Default Extension=\"xml\" ContentType=\"application/xml\"/>")
                .Append("<Override PartName=\"/word/document.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/>");
            var relationships = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">");
            for (var i = 0; i < parts.Length; i++)
            {
                types.Append($"<Override PartName=\"/{parts[i].Path}\" ContentType=\"{parts[i].ContentType}\"/>");
                relationships.Append($"<Relationship Id=\"rId{i + 1}\" Type=\"{parts[i].RelationshipType}\" Target=\"{parts[i].Path["word/".Length..]}\"/>");
            }

            Entry(zip, "[Content_Types].xml", CompressionLevel.Optimal, s => Utf8(s, types.Append("</Types>").ToString()));
            Entry(zip, "_rels/.rels", CompressionLevel.Optimal, s => Utf8(s, "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">" +
                "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"word/document.xml\"/></Relationships>"));
            Entry(zip, "word/document.xml", compression, document);
            Entry(zip, "word/_rels/document.xml.rels", CompressionLevel.Optimal, s => Utf8(s, relationships.Append("</Relationships>").ToString()));
            foreach (var part in parts)
            {
                Entry(zip, part.Path, part.Compression, part.Write);
            }
        }

        return output.ToArray();
    }

    /// <summary>document.xml around the given body content.</summary>
    public static string Document(string body) =>
        $"<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?><w:document xmlns:w=\"{WordNamespace}\" " +
        "xmlns:mc=\"http://schemas.openxmlformats.org/markup-compatibility/2006\" xmlns:wps=\"http://schemas.microsoft.com/office/word/2010/wordprocessingShape\" " +
        "xmlns:v=\"urn:schemas-microsoft-com:vml\" xmlns:wp=\"http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing\" " +
        "xmlns:a=\"http://schemas.openxmlformats.org/drawingml/2006/main\" mc:Ignorable=\"wps\">" +
        $"<w:body>{body}<w:sectPr/></w:body></w:document>";

    public static string P(string text) => $"<w:p><w:r><w:t xml:space=\"preserve\">{SecurityElement.Escape(text)}</w:t></w:r></w:p>";

    public static void Utf8(Stream stream, string text)
    {
        var bytes = new UTF8Encoding(false).GetBytes(text);
        stream.Write(bytes);
    }

    /// <summary>Writes <paramref name="piece"/> over and over until <paramref name="bytes"/> are written.</summary>
    public static void Repeat(Stream stream, string head, Func<int, string> piece, string tail, long bytes)
    {
        Utf8(stream, head);
        long written = Encoding.UTF8.GetByteCount(head);
        var buffer = new StringBuilder();
        for (var i = 0; written < bytes; i++)
        {
            var text = piece(i);
            buffer.Append(text);
            written += Encoding.UTF8.GetByteCount(text);
            if (buffer.Length > 1 << 16)
            {
                Utf8(stream, buffer.ToString());
                buffer.Clear();
            }
        }

        Utf8(stream, buffer.Append(tail).ToString());
    }

    /// <summary>The same package with its entries in another order.</summary>
    public static byte[] Shuffled(byte[] package, Random random)
    {
        using var input = new ZipArchive(new MemoryStream(package), ZipArchiveMode.Read);
        var entries = input.Entries.Select(e => (e.FullName, Content: ReadAll(e))).OrderBy(_ => random.Next()).ToList();
        return Rezip(entries);
    }

    /// <summary>The same package with document.xml changed by <paramref name="change"/>.</summary>
    public static byte[] WithDocumentXml(byte[] package, Func<string, string> change)
    {
        using var input = new ZipArchive(new MemoryStream(package), ZipArchiveMode.Read);
        var entries = input.Entries.Select(e => (e.FullName, Content: e.FullName == "word/document.xml"
            ? new UTF8Encoding(false).GetBytes(change(Encoding.UTF8.GetString(ReadAll(e))))
            : ReadAll(e))).ToList();
        return Rezip(entries);
    }

    /// <summary>A sample plan's text form written into Word: each line of a cell a paragraph, the pillar cell merged down its group.</summary>
    public static byte[] FromPlan(PlanTextDocument document)
    {
        using var stream = new MemoryStream();
        using (var word = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var body = new Body();
            foreach (var block in document.Blocks)
            {
                if (block is PlanParagraph paragraph)
                {
                    body.Append(Paragraph(TextNormalizer.Soft(paragraph.Text)));
                    continue;
                }

                var table = new Table();
                var merging = false;
                foreach (var row in ((PlanTable)block).Rows)
                {
                    var tableRow = new TableRow();
                    foreach (var cell in row.Cells)
                    {
                        var lines = TextNormalizer.Soft(cell.Text).Split('\n');
                        var tableCell = new TableCell(lines.Select(Paragraph));
                        if (cell.Column == 0)
                        {
                            var empty = lines.All(l => l.Length == 0);
                            if (!empty)
                            {
                                tableCell.PrependChild(new TableCellProperties(new VerticalMerge { Val = MergedCellValues.Restart }));
                                merging = true;
                            }
                            else if (merging)
                            {
                                tableCell.PrependChild(new TableCellProperties(new VerticalMerge()));
                            }
                        }

                        tableRow.Append(tableCell);
                    }

                    table.Append(tableRow);
                }

                body.Append(table);
            }

            word.AddMainDocumentPart().Document = new Document(body);
        }

        return stream.ToArray();
    }

    private static Paragraph Paragraph(string text) => new(new Run(new Text(text) { Space = SpaceProcessingModeValues.Preserve }));

    private static void Entry(ZipArchive zip, string name, CompressionLevel compression, Action<Stream> write)
    {
        using var stream = zip.CreateEntry(name, compression).Open();
        write(stream);
    }

    private static byte[] Rezip(IEnumerable<(string Name, byte[] Content)> entries)
    {
        using var output = new MemoryStream();
        using (var zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, content) in entries)
            {
                Entry(zip, name, CompressionLevel.Optimal, s => s.Write(content));
            }
        }

        return output.ToArray();
    }

    private static byte[] ReadAll(ZipArchiveEntry entry)
    {
        using var stream = entry.Open();
        using var memory = new MemoryStream();
        stream.CopyTo(memory);
        return memory.ToArray();
    }
}

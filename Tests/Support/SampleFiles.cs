using System.IO.Compression;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace HighServiceDashboard.Tests.Support;

/// <summary>Small files of each kind an agency uploads, and ones that only pretend to be.</summary>
public static class SampleFiles
{
    /// <summary>A one-page PDF that PdfPig opens.</summary>
    public static byte[] Pdf { get; } = OnePagePdf();

    /// <summary>A PDF header with a zip behind it: a polyglot that passes a look at the first bytes.</summary>
    public static byte[] PdfHeaderOverZip() => [.. "%PDF-1.7\n"u8.ToArray(), .. Zip()];

    /// <summary>A zip holding the two entries an Office check looks for by name, and nothing of a real package.</summary>
    public static byte[] FakeDocx() => ZipOf(("[Content_Types].xml", "<Types/>"), ("word/document.xml", "not word"));

    private static byte[] OnePagePdf()
    {
        var builder = new UglyToad.PdfPig.Writer.PdfDocumentBuilder();
        builder.AddPage(595, 842);
        return builder.Build();
    }

    private static byte[] ZipOf(params (string Name, string Content)[] entries)
    {
        using var stream = new MemoryStream();
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, content) in entries)
            {
                using var writer = new StreamWriter(zip.CreateEntry(name).Open());
                writer.Write(content);
            }
        }

        return stream.ToArray();
    }

    public static byte[] Png { get; } = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52];

    /// <summary>A Windows program's first bytes (MZ).</summary>
    public static byte[] Exe { get; } = [0x4D, 0x5A, 0x90, 0x00, 0x03, 0x00, 0x00, 0x00, 0x04, 0x00];

    public static byte[] Docx(string text = "佐證資料")
    {
        using var stream = new MemoryStream();
        using (var document = WordprocessingDocument.Create(stream, DocumentFormat.OpenXml.WordprocessingDocumentType.Document))
        {
            var main = document.AddMainDocumentPart();
            main.Document = new Document(new Body(new Paragraph(new Run(new Text(text)))));
        }

        return stream.ToArray();
    }

    /// <summary>A plain zip with a text file in it: no Office package.</summary>
    public static byte[] Zip()
    {
        using var stream = new MemoryStream();
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            using var writer = new StreamWriter(zip.CreateEntry("readme.txt").Open());
            writer.Write("not a document");
        }

        return stream.ToArray();
    }
}

using System.IO.Compression;
using System.Text;

namespace HighServiceDashboard.Tests.Support;

/// <summary>
/// Builds small OpenDocument text packages (mimetype, content.xml, META-INF/manifest.xml, and styles.xml
/// when given) from a fragment of office:text, with the usual namespace prefixes declared.
/// </summary>
public static class OdtPackage
{
    public const string TextMimeType = "application/vnd.oasis.opendocument.text";

    private const string Namespaces =
        "xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\" " +
        "xmlns:text=\"urn:oasis:names:tc:opendocument:xmlns:text:1.0\" " +
        "xmlns:table=\"urn:oasis:names:tc:opendocument:xmlns:table:1.0\" " +
        "xmlns:style=\"urn:oasis:names:tc:opendocument:xmlns:style:1.0\" " +
        "xmlns:draw=\"urn:oasis:names:tc:opendocument:xmlns:drawing:1.0\" " +
        "xmlns:svg=\"urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0\" " +
        "xmlns:fo=\"urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0\" " +
        "xmlns:xlink=\"http://www.w3.org/1999/xlink\" office:version=\"1.3\"";

    /// <summary>A package whose body (office:text, or <paramref name="bodyKind"/>) holds <paramref name="body"/>.</summary>
    public static byte[] Build(string body, string automaticStyles = "", string? styles = null, string mimeType = TextMimeType, string bodyKind = "text")
    {
        var content = $"<?xml version=\"1.0\" encoding=\"UTF-8\"?><office:document-content {Namespaces}>" +
            $"<office:automatic-styles>{automaticStyles}</office:automatic-styles>" +
            $"<office:body><office:{bodyKind}>{body}</office:{bodyKind}></office:body></office:document-content>";
        var entries = new List<(string, string)> { ("content.xml", content), ("META-INF/manifest.xml", Manifest(mimeType, styles is not null)) };
        if (styles is not null)
        {
            entries.Add(("styles.xml", $"<?xml version=\"1.0\" encoding=\"UTF-8\"?><office:document-styles {Namespaces}><office:styles>{styles}</office:styles></office:document-styles>"));
        }

        return Zip(mimeType, entries);
    }

    /// <summary>A zip with a stored mimetype entry first (as ODF requires) and the given entries deflated.</summary>
    public static byte[] Zip(string? mimeType, IEnumerable<(string Name, string Content)> entries)
    {
        using var stream = new MemoryStream();
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            if (mimeType is not null)
            {
                Write(zip.CreateEntry("mimetype", CompressionLevel.NoCompression), mimeType);
            }

            foreach (var (name, content) in entries)
            {
                Write(zip.CreateEntry(name, CompressionLevel.Optimal), content);
            }
        }

        return stream.ToArray();
    }

    private static void Write(ZipArchiveEntry entry, string content)
    {
        using var writer = entry.Open();
        writer.Write(new UTF8Encoding(false).GetBytes(content));
    }

    private static string Manifest(string mimeType, bool styles) =>
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?><manifest:manifest xmlns:manifest=\"urn:oasis:names:tc:opendocument:xmlns:manifest:1.0\" manifest:version=\"1.3\">" +
        $"<manifest:file-entry manifest:full-path=\"/\" manifest:media-type=\"{mimeType}\"/>" +
        "<manifest:file-entry manifest:full-path=\"content.xml\" manifest:media-type=\"text/xml\"/>" +
        (styles ? "<manifest:file-entry manifest:full-path=\"styles.xml\" manifest:media-type=\"text/xml\"/>" : "") +
        "</manifest:manifest>";
}

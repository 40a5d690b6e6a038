using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Xml;
using DocumentFormat.OpenXml.Packaging;
using UglyToad.PdfPig;

namespace HighServiceDashboard.Infrastructure.Results;

/// <summary>Resource keys of the reasons a file is refused; each is shown with the file's name.</summary>
public static class AttachmentMessages
{
    public const string NameInvalid = "Results.Attachment.NameInvalid";
    public const string TypeNotAllowed = "Results.Attachment.TypeNotAllowed";
    public const string Empty = "Results.Attachment.Empty";
    public const string TooLarge = "Results.Attachment.TooLarge";
    public const string ContentMismatch = "Results.Attachment.ContentMismatch";
    public const string NameHasFormatCharacters = "Results.Attachment.NameHasFormatCharacters";
    public const string DoesNotOpen = "Results.Attachment.DoesNotOpen";
}

/// <summary>
/// Checks an uploaded file before it is stored: a plain name, an extension on the list, a size within
/// the limit, and content that is what the extension says (the magic bytes, and for Office and
/// OpenDocument files the package's own parts), and that opens as that kind of document (PdfPig,
/// OpenXml, the OpenDocument parts). The content type stored and served comes from here,
/// never from the browser.
/// </summary>
public static class AttachmentInspector
{
    private const int MaxNameLength = 200;

    /// <summary>The extensions taken and the type each is stored and served with.</summary>
    public static IReadOnlyDictionary<string, string> ContentTypes { get; } = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
    {
        [".pdf"] = "application/pdf",
        [".docx"] = "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        [".xlsx"] = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        [".pptx"] = "application/vnd.openxmlformats-officedocument.presentationml.presentation",
        [".odt"] = "application/vnd.oasis.opendocument.text",
        [".ods"] = "application/vnd.oasis.opendocument.spreadsheet",
        [".jpg"] = "image/jpeg",
        [".jpeg"] = "image/jpeg",
        [".png"] = "image/png",
    };

    /// <summary>The name as it will be kept (the last path segment, trimmed), or null when it cannot be a file's name.</summary>
    public static string? CleanName(string? fileName)
    {
        var name = Path.GetFileName((fileName ?? "").Replace('\\', '/')).Trim();
        if (HasFormatCharacters(name) || name.Length == 0 || name.Length > MaxNameLength || name.StartsWith('.') || name.Any(c => char.IsControl(c) || c is '/' or ':' or '*' or '?' or '"' or '<' or '>' or '|'))
        {
            return null;
        }

        return name;
    }

    /// <summary>Null when the file may be stored (with <paramref name="contentType"/> set), else the reason's resource key.</summary>
    public static string? Check(string fileName, byte[] content, long maxBytes, out string contentType)
    {
        contentType = "";
        if (HasFormatCharacters(fileName))
        {
            return AttachmentMessages.NameHasFormatCharacters;
        }

        if (CleanName(fileName) is not { } name)
        {
            return AttachmentMessages.NameInvalid;
        }

        var extension = Path.GetExtension(name);
        if (!ContentTypes.TryGetValue(extension, out var type))
        {
            return AttachmentMessages.TypeNotAllowed;
        }

        if (content.Length == 0)
        {
            return AttachmentMessages.Empty;
        }

        if (content.LongLength > maxBytes)
        {
            return AttachmentMessages.TooLarge;
        }

        if (!Matches(extension.ToLowerInvariant(), content))
        {
            return AttachmentMessages.ContentMismatch;
        }

        if (!Opens(extension.ToLowerInvariant(), content))
        {
            return AttachmentMessages.DoesNotOpen;
        }

        contentType = type;
        return null;
    }

    private static bool Matches(string extension, byte[] content) => extension switch
    {
        ".pdf" => StartsWith(content, "%PDF-"u8),
        ".png" => StartsWith(content, [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]),
        ".jpg" or ".jpeg" => StartsWith(content, [0xFF, 0xD8, 0xFF]),
        ".docx" => IsOfficePackage(content, "word/document.xml"),
        ".xlsx" => IsOfficePackage(content, "xl/workbook.xml"),
        ".pptx" => IsOfficePackage(content, "ppt/presentation.xml"),
        ".odt" => IsOpenDocument(content, "application/vnd.oasis.opendocument.text"),
        ".ods" => IsOpenDocument(content, "application/vnd.oasis.opendocument.spreadsheet"),
        _ => false,
    };

    /// <summary>
    /// Bidi overrides and isolates (U+202A–U+202E, U+2066–U+2069), marks (U+200E, U+200F, U+061C),
    /// zero-width and the other format characters (Unicode category Cf): they make a name such as
    /// 報告{U+202E}fdp.exe read as 報告exe.pdf in a list, so no name may hold one.
    /// </summary>
    public static bool HasFormatCharacters(string? fileName) =>
        (fileName ?? "").EnumerateRunes().Any(r => Rune.GetUnicodeCategory(r) == UnicodeCategory.Format);

    /// <summary>
    /// Whether the content opens as the document its extension names: magic bytes are easy to fake
    /// (a <c>%PDF-</c> line before a zip), so the kind's own library must read it.
    /// </summary>
    private static bool Opens(string extension, byte[] content)
    {
        try
        {
            return extension switch
            {
                ".pdf" => IsPdf(content),
                ".docx" => OpensAsOffice(() => WordprocessingDocument.Open(new MemoryStream(content, writable: false), false), p => ((WordprocessingDocument)p).MainDocumentPart is not null),
                ".xlsx" => OpensAsOffice(() => SpreadsheetDocument.Open(new MemoryStream(content, writable: false), false), p => ((SpreadsheetDocument)p).WorkbookPart is not null),
                ".pptx" => OpensAsOffice(() => PresentationDocument.Open(new MemoryStream(content, writable: false), false), p => ((PresentationDocument)p).PresentationPart is not null),
                ".odt" or ".ods" => WithZip(content, HasOpenDocumentContent),
                _ => true,
            };
        }
        catch (Exception)
        {
            // The libraries throw many kinds of exception on a damaged file: each means "does not open", never a 500.
            return false;
        }
    }

    /// <summary>PdfPig opens it and finds its first page, and it is no zip under a PDF header (a polyglot served as a PDF).</summary>
    private static bool IsPdf(byte[] content)
    {
        if (OpensAsZip(content))
        {
            return false;
        }

        using var document = PdfDocument.Open(content);
        return document.NumberOfPages > 0 && document.GetPage(1) is not null;
    }

    private static bool OpensAsZip(byte[] content)
    {
        try
        {
            using var zip = new ZipArchive(new MemoryStream(content, writable: false), ZipArchiveMode.Read);
            return zip.Entries.Count > 0;
        }
        catch (InvalidDataException)
        {
            return false;
        }
    }

    private static bool OpensAsOffice(Func<OpenXmlPackage> open, Func<OpenXmlPackage, bool> hasMainPart)
    {
        using var package = open();
        return hasMainPart(package);
    }

    /// <summary>The content part is there and begins as OpenDocument content (office:document-content).</summary>
    private static bool HasOpenDocumentContent(ZipArchive zip)
    {
        if (zip.GetEntry("content.xml") is not { } entry)
        {
            return false;
        }

        using var reader = XmlReader.Create(entry.Open(), new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null });
        return reader.MoveToContent() == XmlNodeType.Element
            && reader.LocalName == "document-content"
            && reader.NamespaceURI == "urn:oasis:names:tc:opendocument:xmlns:office:1.0";
    }

    private static bool StartsWith(byte[] content, ReadOnlySpan<byte> magic) => content.AsSpan().StartsWith(magic);

    /// <summary>A zip whose [Content_Types].xml and main part are there: a .docx that is an .xlsx, or any other zip, is refused.</summary>
    private static bool IsOfficePackage(byte[] content, string mainPart) =>
        WithZip(content, zip => zip.GetEntry("[Content_Types].xml") is not null && zip.GetEntry(mainPart) is not null);

    private static bool IsOpenDocument(byte[] content, string mimetype) => WithZip(content, zip =>
    {
        if (zip.GetEntry("mimetype") is not { } entry || entry.Length > 200)
        {
            return false;
        }

        using var reader = new StreamReader(entry.Open());
        return reader.ReadToEnd().Trim() == mimetype;
    });

    private static bool WithZip(byte[] content, Func<ZipArchive, bool> test)
    {
        if (!StartsWith(content, "PK\u0003\u0004"u8))
        {
            return false;
        }

        try
        {
            using var zip = new ZipArchive(new MemoryStream(content, writable: false), ZipArchiveMode.Read);
            return test(zip);
        }
        catch (InvalidDataException)
        {
            return false;
        }
    }
}

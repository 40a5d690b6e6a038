using System.IO.Compression;

namespace HighServiceDashboard.Infrastructure.Results;

/// <summary>Resource keys of the reasons a file is refused; each is shown with the file's name.</summary>
public static class AttachmentMessages
{
    public const string NameInvalid = "Results.Attachment.NameInvalid";
    public const string TypeNotAllowed = "Results.Attachment.TypeNotAllowed";
    public const string Empty = "Results.Attachment.Empty";
    public const string TooLarge = "Results.Attachment.TooLarge";
    public const string ContentMismatch = "Results.Attachment.ContentMismatch";
}

/// <summary>
/// Checks an uploaded file before it is stored: a plain name, an extension on the list, a size within
/// the limit, and content that is what the extension says (the magic bytes, and for Office and
/// OpenDocument files the package's own parts). The content type stored and served comes from here,
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
        if (name.Length == 0 || name.Length > MaxNameLength || name.StartsWith('.') || name.Any(c => char.IsControl(c) || c is '/' or ':' or '*' or '?' or '"' or '<' or '>' or '|'))
        {
            return null;
        }

        return name;
    }

    /// <summary>Null when the file may be stored (with <paramref name="contentType"/> set), else the reason's resource key.</summary>
    public static string? Check(string fileName, byte[] content, long maxBytes, out string contentType)
    {
        contentType = "";
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

using System.Text;
using HighServiceDashboard.Domain.Plans.Reading;

namespace HighServiceDashboard.Infrastructure.Documents;

/// <summary>Limits for <see cref="PlanDocumentLoader"/>.</summary>
public sealed record PlanLoadOptions
{
    public const long DefaultMaxBytes = 20L * 1024 * 1024;

    /// <summary>Files larger than this are refused (default 20 MB).</summary>
    public long MaxBytes { get; init; } = DefaultMaxBytes;

    /// <summary>LibreOffice's soffice, which converts .doc and .rtf; null looks on PATH and in Debian's places.</summary>
    public string? SofficePath { get; init; }

    /// <summary>How long converting one .doc or .rtf may take before LibreOffice is stopped (default 60 s).</summary>
    public TimeSpan ConversionTimeout { get; init; } = LegacyDocumentConverter.DefaultTimeout;

    /// <summary>
    /// How long one document may take to extract (default <see cref="PlanLoadLimits.TimeBudget"/>);
    /// past it the document is refused as too complex. The other bounds are in <see cref="PlanLoadLimits"/>.
    /// </summary>
    public TimeSpan TimeBudget { get; init; } = PlanLoadLimits.TimeBudget;
}

/// <summary>The extracted document, or why there is none; loading notes (e.g. "read as Big5") either way.</summary>
public sealed record PlanLoadResult(PlanTextDocument? Document, IReadOnlyList<PlanFinding> Findings)
{
    public bool Succeeded => Document is not null;
}

/// <summary>
/// Turns an uploaded plan file (text, Markdown, TSV/CSV, Word .docx, OpenDocument .odt, PDF with a text
/// layer; old Word .doc and RTF through LibreOffice on the async path) into the reader's
/// <see cref="PlanTextDocument"/>. Bad input gives a finding with a stable code, never an exception.
/// Used by the upload page and the parse-plan command.
/// </summary>
public sealed class PlanDocumentLoader
{
    private static readonly string[] TextExtensions = [".txt", ".md", ".markdown", ".tsv", ".text", ".csv", ".htm", ".html"];

    private readonly PlanLoadOptions _options;
    private readonly LegacyDocumentConverter _converter;

    public PlanDocumentLoader(PlanLoadOptions? options = null)
    {
        _options = options ?? new PlanLoadOptions();
        _converter = new LegacyDocumentConverter(_options.SofficePath, _options.ConversionTimeout);
    }

    public async Task<PlanLoadResult> LoadAsync(Stream stream, string fileName, CancellationToken ct = default)
    {
        if (stream.CanSeek && stream.Length - stream.Position > _options.MaxBytes)
        {
            return TooLarge(stream.Length - stream.Position);
        }

        // Read at most one byte past the limit: enough to know the file is too large.
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await stream.ReadAsync(chunk, ct).ConfigureAwait(false)) > 0)
        {
            buffer.Write(chunk, 0, read);
            if (buffer.Length > _options.MaxBytes)
            {
                return TooLarge(buffer.Length);
            }
        }

        return await LoadAsync(buffer.ToArray(), fileName, ct).ConfigureAwait(false);
    }

    /// <summary>As <see cref="Load"/>, and old Word (.doc) and RTF files are converted by LibreOffice where it is installed.</summary>
    public async Task<PlanLoadResult> LoadAsync(byte[] bytes, string fileName, CancellationToken ct = default)
    {
        var legacy = LegacyDocumentConverter.Detect(bytes);
        if (legacy == LegacyFormat.None || bytes.LongLength > _options.MaxBytes || IsOtherOfficeFile(fileName))
        {
            return Load(bytes, fileName, ct);
        }

        return WithinReadingBounds(await _converter.LoadAsync(bytes, fileName, legacy, ct).ConfigureAwait(false));
    }


    /// <summary>
    /// Reads the file at once (old Word .doc and RTF, which need LibreOffice, are refused here: see
    /// <see cref="LoadAsync(byte[], string, CancellationToken)"/>). Extracts the document within <see cref="PlanLoadOptions.TimeBudget"/> and <see cref="PlanLoadLimits"/>:
    /// past either it gives a finding. Throws only when <paramref name="ct"/> itself is cancelled.
    /// </summary>
    public PlanLoadResult Load(byte[] bytes, string fileName, CancellationToken ct = default)
    {
        using var budget = CancellationTokenSource.CreateLinkedTokenSource(ct);
        budget.CancelAfter(_options.TimeBudget);
        try
        {
            budget.Token.ThrowIfCancellationRequested();
            return WithinReadingBounds(Extract(bytes, fileName, budget.Token));
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            return new PlanLoadResult(null, [PlanLoadLimits.TooComplex(_options.TimeBudget)]);
        }
        catch (PlanLimitExceededException ex)
        {
            return new PlanLoadResult(null, [ex.Finding]);
        }
    }

    // Whatever the format and its extractor, the reader after the loader gets no more than the bounds
    // allow: it takes no cancellation, and its cost grows with cells and characters.
    private static PlanLoadResult WithinReadingBounds(PlanLoadResult loaded)
    {
        if (loaded.Document is not { } document)
        {
            return loaded;
        }

        var pieces = 0;
        long characters = 0;
        foreach (var block in document.Blocks)
        {
            switch (block)
            {
                case PlanParagraph paragraph:
                    pieces++;
                    characters += paragraph.Text.Length;
                    break;
                case PlanTable table:
                    foreach (var row in table.Rows)
                    {
                        pieces += 1 + row.Cells.Count;
                        foreach (var cell in row.Cells)
                        {
                            characters += cell.Text.Length;
                        }
                    }

                    break;
            }
        }

        return pieces > PlanLoadLimits.MaxCells ? new PlanLoadResult(null, [PlanLoadLimits.TooManyCells()])
            : characters > PlanLoadLimits.MaxTextCharacters ? new PlanLoadResult(null, [PlanLoadLimits.TextTooLong()])
            : loaded;
    }

    private PlanLoadResult Extract(byte[] bytes, string fileName, CancellationToken ct)
    {
        if (bytes.LongLength > _options.MaxBytes)
        {
            return TooLarge(bytes.LongLength);
        }

        if (bytes.Length == 0)
        {
            return Fail(PlanFindingCodes.EmptyFile, "檔案是空的。", "The file is empty.");
        }

        var extension = Path.GetExtension(fileName).ToLowerInvariant();

        // The content decides over the extension: a Word file renamed .txt is still a Word file.
        if (StartsWith(bytes, "%PDF"u8))
        {
            return PdfPlanExtractor.Extract(bytes, fileName, ct);
        }

        if (StartsWith(bytes, "PK\u0003\u0004"u8))
        {
            // Every zip package (Word, OpenDocument) is looked at before it is opened.
            if (PackageGuard.Check(bytes) is { } refused)
            {
                return new PlanLoadResult(null, [refused]);
            }

            // An OpenDocument package says what it is in its mimetype entry, whatever its name; a Word
            // package named .odt is still Word.
            var (mimeType, openXml) = OdtPlanExtractor.Probe(bytes);
            if (mimeType?.StartsWith("application/vnd.oasis.opendocument.", StringComparison.Ordinal) == true
                || (!openXml && extension is ".odt" or ".ott" or ".ods" or ".odp" or ".odg"))
            {
                return OdtPlanExtractor.Extract(bytes, fileName, ct);
            }

            return extension is ".xlsx" or ".pptx" or ".zip" ? Unsupported(extension) : DocxPlanExtractor.Extract(bytes, fileName, ct);
        }

        if (LegacyDocumentConverter.Detect(bytes) is var legacy and not LegacyFormat.None)
        {
            return legacy == LegacyFormat.Doc && IsOtherOfficeFile(fileName) ? Unsupported(extension) : LegacyDocumentConverter.Refusal(legacy);
        }

        if (extension is ".docx" or ".pdf")
        {
            return Fail(extension == ".pdf" ? PlanFindingCodes.PdfUnreadable : PlanFindingCodes.DocxUnreadable,
                $"檔案副檔名為 {extension}，但內容不是該格式，可能已損毀。", $"The file is named {extension} but its content is not in that format; it may be damaged.");
        }

        if (extension.Length > 0 && !TextExtensions.Contains(extension))
        {
            return Unsupported(extension);
        }

        // Even four bytes a character would be too many characters: refused before decoding.
        if (bytes.LongLength > 4L * PlanLoadLimits.MaxTextCharacters)
        {
            return new PlanLoadResult(null, [PlanLoadLimits.TextTooLong()]);
        }

        var decoded = TextDecoder.Decode(bytes);
        if (decoded.Text is null)
        {
            return new PlanLoadResult(null, decoded.Findings);
        }

        // The text forms are split line by line and cell by cell: bound what they may hold first.
        if (decoded.Text.Length > PlanLoadLimits.MaxTextCharacters)
        {
            return new PlanLoadResult(null, [PlanLoadLimits.TextTooLong()]);
        }

        if (CountCellBreaks(decoded.Text, extension == ".csv") > PlanLoadLimits.MaxCells)
        {
            return new PlanLoadResult(null, [PlanLoadLimits.TooManyCells()]);
        }

        if (extension is ".htm" or ".html" && !HtmlTagsPaired(decoded.Text))
        {
            return new PlanLoadResult(null, [PlanLoadLimits.MalformedHtml()]);
        }

        ct.ThrowIfCancellationRequested();
        var document = extension switch
        {
            ".csv" => PlanTextParser.ParseCsv(decoded.Text, fileName),
            ".htm" or ".html" => PlanTextParser.ParseHtml(decoded.Text, fileName),
            _ => PlanTextParser.Parse(decoded.Text, fileName),
        };
        return new PlanLoadResult(document, decoded.Findings);
    }

    private static PlanLoadResult Unsupported(string extension) => Fail(PlanFindingCodes.UnsupportedFormat,
        $"不支援的檔案格式（{extension}）；請上傳 .docx、.odt、.pdf 或文字檔。", $"Unsupported file format ({extension}); upload a .docx, .odt, .pdf or text file.");

    // Excel and PowerPoint 97–2003 files are OLE compound files too: no plan to convert in them.
    private static bool IsOtherOfficeFile(string fileName) => Path.GetExtension(fileName).ToLowerInvariant() is ".xls" or ".ppt" or ".msg";

    // Every cell or line ends at a tab, a pipe (Markdown), a comma (CSV) or a line break: at most this many.
    private static int CountCellBreaks(string text, bool commas)
    {
        var breaks = 0;
        foreach (var c in text)
        {
            if (c is '\t' or '\n' or '|' || (commas && c == ','))
            {
                breaks++;
            }
        }

        return breaks;
    }

    // The HTML reader's patterns look for each element's closing tag; an element opened thousands of times
    // and never closed makes each search run to the end of the file (quadratic). A few strays are harmless.
    private static bool HtmlTagsPaired(string html)
    {
        foreach (var tag in (string[])["table", "head", "script", "style"])
        {
            var opened = Occurrences(html, "<" + tag);
            var closed = Occurrences(html, "</" + tag);
            if (opened - closed > 20)
            {
                return false;
            }
        }

        return Occurrences(html, "<!--") - Occurrences(html, "-->") <= 20;

        static int Occurrences(string text, string value)
        {
            var count = 0;
            for (var at = text.IndexOf(value, StringComparison.OrdinalIgnoreCase); at >= 0; at = text.IndexOf(value, at + value.Length, StringComparison.OrdinalIgnoreCase))
            {
                count++;
            }

            return count;
        }
    }

    private PlanLoadResult TooLarge(long size) => Fail(PlanFindingCodes.FileTooLarge,
        $"檔案過大（{size / 1024.0 / 1024.0:0.#} MB），上限為 {_options.MaxBytes / 1024.0 / 1024.0:0.#} MB。",
        $"The file is too large ({size / 1024.0 / 1024.0:0.#} MB); the limit is {_options.MaxBytes / 1024.0 / 1024.0:0.#} MB.");

    internal static PlanLoadResult Fail(string code, string message, string messageEn) =>
        new(null, [PlanFinding.Error(code, message, messageEn)]);

    private static bool StartsWith(byte[] bytes, ReadOnlySpan<byte> prefix) => bytes.AsSpan().StartsWith(prefix);
}

/// <summary>
/// Decodes text files as Taiwanese government offices save them: UTF-8 (with or without BOM),
/// UTF-16 with a BOM, or Big5 (code page 950). Refuses binary content.
/// </summary>
public static class TextDecoder
{
    static TextDecoder()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
    }

    public static (string? Text, IReadOnlyList<PlanFinding> Findings) Decode(byte[] bytes)
    {
        if (bytes.Length >= 2 && ((bytes[0] == 0xFF && bytes[1] == 0xFE) || (bytes[0] == 0xFE && bytes[1] == 0xFF)))
        {
            var encoding = bytes[0] == 0xFF ? Encoding.Unicode : Encoding.BigEndianUnicode;
            return Checked(encoding.GetString(bytes, 2, bytes.Length - 2), PlanFinding.Info(PlanFindingCodes.Utf16Detected, "以 UTF-16 編碼讀取。", "Read as UTF-16."));
        }

        var start = bytes.Length >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF ? 3 : 0;
        if (Array.IndexOf(bytes, (byte)0, start) >= 0 || ControlShare(bytes, start) > 0.05)
        {
            return (null, [Binary()]);
        }

        try
        {
            return Checked(new UTF8Encoding(false, true).GetString(bytes, start, bytes.Length - start), null);
        }
        catch (DecoderFallbackException)
        {
            // Not UTF-8: try Big5 below.
        }

        try
        {
            var big5 = Encoding.GetEncoding(950, EncoderFallback.ExceptionFallback, DecoderFallback.ExceptionFallback);
            return Checked(big5.GetString(bytes), PlanFinding.Info(PlanFindingCodes.Big5Detected, "檔案不是 UTF-8，已以 Big5 編碼讀取。", "The file is not UTF-8; it was read as Big5."));
        }
        catch (DecoderFallbackException)
        {
            return (null, [PlanFinding.Error(PlanFindingCodes.NotUtf8, "檔案不是 UTF-8 編碼（也不是 Big5），無法讀取；請另存為 UTF-8 後再上傳。",
                "The file is not UTF-8 (nor Big5) and cannot be read; save it as UTF-8 and upload again.")]);
        }
    }

    private static (string? Text, IReadOnlyList<PlanFinding> Findings) Checked(string text, PlanFinding? note)
    {
        var controls = text.Count(c => char.IsControl(c) && c is not ('\t' or '\n' or '\r' or '\f'));
        if (text.Contains('\0') || (text.Length > 0 && controls > text.Length / 20))
        {
            return (null, [Binary()]);
        }

        return (text, note is null ? [] : [note]);
    }

    private static double ControlShare(byte[] bytes, int start)
    {
        if (bytes.Length <= start)
        {
            return 0;
        }

        var controls = 0;
        for (var i = start; i < bytes.Length; i++)
        {
            if (bytes[i] < 0x20 && bytes[i] is not ((byte)'\t' or (byte)'\n' or (byte)'\r' or 0x0C))
            {
                controls++;
            }
        }

        return (double)controls / (bytes.Length - start);
    }

    private static PlanFinding Binary() => PlanFinding.Error(PlanFindingCodes.BinaryFile, "檔案內容是二進位資料，不是文字檔。",
        "The file holds binary data, not text.");
}

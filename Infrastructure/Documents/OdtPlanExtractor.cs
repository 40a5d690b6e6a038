using System.IO.Compression;
using System.Text;
using System.Xml;
using HighServiceDashboard.Domain.Plans.Reading;

namespace HighServiceDashboard.Infrastructure.Documents;

/// <summary>
/// Extracts an OpenDocument text (.odt, the format Taiwan's government exchanges documents in):
/// paragraphs and headings as lines, tables as rows of cells in grid columns, read from the package's
/// content.xml with a streaming reader. As in <see cref="DocxPlanExtractor"/>, a cell covered by a row
/// span reads as an empty cell on its grid column, nested tables are joined into their cell, list
/// numbers are written out (1. / (1), or the list style's own labels) and line numbers are paragraph
/// numbers in document order. Hostile packages (zip bombs, nesting thousands of levels deep, millions
/// of cells) are refused with a finding before they cost memory or a stack.
/// </summary>
public static class OdtPlanExtractor
{
    public const string TextMimeType = "application/vnd.oasis.opendocument.text";

    /// <summary>content.xml (or styles.xml) larger than this, uncompressed, is refused unread.</summary>
    public const long MaxContentBytes = 64L * 1024 * 1024;

    /// <summary>An entry that expands more than this many times over (and past 1 MB) is taken for a zip bomb.</summary>
    public const long MaxCompressionRatio = 100;

    public const int MaxCells = 200_000;

    public const int MaxDepth = 100;

    /// <summary>Characters of text extracted, repeated cells counted each time.</summary>
    public const long MaxCharacters = 32L * 1024 * 1024;

    private const int MaxColumnsRepeated = 256;
    private const int MaxRowsRepeated = 100;
    private const int MaxSpaces = 64;

    private const string OfficeNs = "urn:oasis:names:tc:opendocument:xmlns:office:1.0";
    private const string TextNs = "urn:oasis:names:tc:opendocument:xmlns:text:1.0";
    private const string TableNs = "urn:oasis:names:tc:opendocument:xmlns:table:1.0";
    private const string StyleNs = "urn:oasis:names:tc:opendocument:xmlns:style:1.0";
    private const string DrawNs = "urn:oasis:names:tc:opendocument:xmlns:drawing:1.0";
    private const string XmlNs = "http://www.w3.org/XML/1998/namespace";

    // Namespaces whose elements hold no text of the document (images, formulas, 3D scenes, forms, charts).
    private static readonly HashSet<string> SkippedNamespaces =
    [
        "urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0",
        "urn:oasis:names:tc:opendocument:xmlns:dr3d:1.0",
        "urn:oasis:names:tc:opendocument:xmlns:form:1.0",
        "urn:oasis:names:tc:opendocument:xmlns:chart:1.0",
        "urn:oasis:names:tc:opendocument:xmlns:script:1.0",
        "http://www.w3.org/1998/Math/MathML",
    ];

    // Text that is not part of what the page shows: deleted text kept for change tracking, notes and
    // comments (footnotes live outside the body in Word too), ruby annotations, embedded pictures.
    private static readonly HashSet<(string Ns, string Name)> SkippedElements =
    [
        (TextNs, "tracked-changes"), (TextNs, "note"), (TextNs, "ruby-text"), (OfficeNs, "annotation"),
        (OfficeNs, "forms"), (OfficeNs, "binary-data"), (OfficeNs, "scripts"), (OfficeNs, "event-listeners"),
        (DrawNs, "image"), (DrawNs, "object"), (DrawNs, "object-ole"), (DrawNs, "plugin"), (DrawNs, "applet"),
        (TableNs, "table-source"),
    ];

    public static PlanLoadResult Extract(byte[] bytes, string fileName, CancellationToken ct)
    {
        ct.ThrowIfCancellationRequested();
        try
        {
            using var zip = new ZipArchive(new MemoryStream(bytes, writable: false), ZipArchiveMode.Read);
            var mimeType = ReadSmallEntry(zip, "mimetype")?.Trim();
            if (mimeType is not null && !mimeType.StartsWith(TextMimeType, StringComparison.Ordinal))
            {
                return NotText(mimeType);
            }

            var content = zip.GetEntry("content.xml");
            if (content is null)
            {
                return Unreadable("OpenDocument 檔中沒有內文（content.xml），無法讀取。", "The OpenDocument file has no content (content.xml) and cannot be read.");
            }

            if (ReadSmallEntry(zip, "META-INF/manifest.xml") is { } manifest && manifest.Contains("encryption-data", StringComparison.Ordinal))
            {
                return Unreadable("OpenDocument 檔有密碼保護，無法讀取；請移除密碼後再上傳。", "The OpenDocument file is password-protected and cannot be read; remove the password and upload again.");
            }

            if ((TooLarge(content) ?? TooLarge(zip.GetEntry("styles.xml"))) is { } refusal)
            {
                return refusal;
            }

            var styles = new Dictionary<string, ListStyle>(StringComparer.Ordinal);
            if (zip.GetEntry("styles.xml") is { } stylesEntry)
            {
                using var stylesStream = stylesEntry.Open();
                ReadListStyles(stylesStream, styles, ct);
            }

            using var stream = content.Open();
            return new ContentReader(fileName, styles, ct).Read(stream);
        }
        catch (LimitException limit)
        {
            return limit.Result;
        }
        catch (Exception ex) when (ex is not OperationCanceledException and not OutOfMemoryException)
        {
            // The zip reader, inflater and XML reader each throw their own types for a damaged file;
            // all of them mean "cannot read this file".
            return Unreadable("無法開啟 OpenDocument 檔，檔案可能已損毀。", "The OpenDocument file cannot be opened; it may be damaged.");
        }
    }

    /// <summary>
    /// The package's declared type (its mimetype entry, null when none), and whether it is an Office
    /// Open XML package ([Content_Types].xml); (null, false) for what is no zip.
    /// </summary>
    internal static (string? MimeType, bool OpenXml) Probe(byte[] bytes)
    {
        try
        {
            using var zip = new ZipArchive(new MemoryStream(bytes, writable: false), ZipArchiveMode.Read);
            return (ReadSmallEntry(zip, "mimetype")?.Trim(), zip.GetEntry("[Content_Types].xml") is not null);
        }
        catch (Exception ex) when (ex is InvalidDataException or IOException or ArgumentException or NotSupportedException)
        {
            return (null, false);
        }
    }

    private static string? ReadSmallEntry(ZipArchive zip, string name)
    {
        var entry = zip.GetEntry(name);
        if (entry is null || entry.Length > 64 * 1024)
        {
            return null;
        }

        using var reader = new StreamReader(entry.Open(), Encoding.UTF8);
        var buffer = new char[64 * 1024];
        var read = reader.ReadBlock(buffer, 0, buffer.Length);
        return new string(buffer, 0, read);
    }

    private static PlanLoadResult? TooLarge(ZipArchiveEntry? entry)
    {
        if (entry is null)
        {
            return null;
        }

        var ratio = entry.CompressedLength > 0 ? entry.Length / entry.CompressedLength : entry.Length;
        if (entry.Length > MaxContentBytes || (entry.Length > 1024 * 1024 && ratio > MaxCompressionRatio))
        {
            return PlanDocumentLoader.Fail(PlanFindingCodes.FileTooLarge,
                $"OpenDocument 檔的內容解壓後過大（{entry.Name} {entry.Length / 1024.0 / 1024.0:0.#} MB，壓縮比 {ratio}），不予讀取。",
                $"The OpenDocument file's content expands too far ({entry.Name} {entry.Length / 1024.0 / 1024.0:0.#} MB, compression ratio {ratio}); it is not read.");
        }

        return null;
    }

    private static PlanLoadResult NotText(string mimeType)
    {
        var kind = mimeType.StartsWith("application/vnd.oasis.opendocument.", StringComparison.Ordinal) ? mimeType["application/vnd.oasis.opendocument.".Length..] : mimeType;
        var (zh, en, extension) = kind switch
        {
            var k when k.StartsWith("spreadsheet", StringComparison.Ordinal) => ("OpenDocument 試算表", "an OpenDocument spreadsheet", ".ods"),
            var k when k.StartsWith("presentation", StringComparison.Ordinal) => ("OpenDocument 簡報", "an OpenDocument presentation", ".odp"),
            var k when k.StartsWith("graphics", StringComparison.Ordinal) => ("OpenDocument 繪圖", "an OpenDocument drawing", ".odg"),
            _ => ("非文書格式的檔案", "not a text document", mimeType),
        };
        return PlanDocumentLoader.Fail(PlanFindingCodes.UnsupportedFormat,
            $"這是{zh}（{extension}），不是文書檔；請上傳 .odt、.docx、.pdf 或文字檔。",
            $"This is {en} ({extension}), not a text document; upload an .odt, .docx, .pdf or text file.");
    }

    private static PlanLoadResult Unreadable(string message, string messageEn) => PlanDocumentLoader.Fail(PlanFindingCodes.OdtUnreadable, message, messageEn);

    private static XmlReader CreateReader(Stream stream) => XmlReader.Create(stream, new XmlReaderSettings
    {
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        IgnoreComments = true,
        IgnoreProcessingInstructions = true,
        IgnoreWhitespace = false,
        MaxCharactersInDocument = MaxContentBytes,
        MaxCharactersFromEntities = 1024,
    });

    private static void CheckDepth(XmlReader reader)
    {
        if (reader.Depth > MaxDepth)
        {
            throw new LimitException(Unreadable($"OpenDocument 檔的結構巢狀超過 {MaxDepth} 層，不予讀取。",
                $"The OpenDocument file nests deeper than {MaxDepth} levels; it is not read."));
        }
    }

    // styles.xml holds the named list styles (content.xml the automatic ones): only those are read.
    private static void ReadListStyles(Stream stream, Dictionary<string, ListStyle> styles, CancellationToken ct)
    {
        using var reader = CreateReader(stream);
        ListStyle? current = null;
        var nodes = 0;
        while (reader.Read())
        {
            if ((++nodes & 0xFF) == 0)
            {
                ct.ThrowIfCancellationRequested();
            }

            if (reader.NodeType == XmlNodeType.Element)
            {
                CheckDepth(reader);
                current = ReadListStyleElement(reader, styles, current);
            }
            else if (reader.NodeType == XmlNodeType.EndElement && reader.NamespaceURI == TextNs && reader.LocalName == "list-style")
            {
                current = null;
            }
        }
    }

    private static ListStyle? ReadListStyleElement(XmlReader reader, Dictionary<string, ListStyle> styles, ListStyle? current)
    {
        if (reader.NamespaceURI != TextNs)
        {
            return current;
        }

        if (reader.LocalName == "list-style")
        {
            var style = new ListStyle();
            if (reader.GetAttribute("name", StyleNs) is { } name)
            {
                styles[name] = style;
            }

            return reader.IsEmptyElement ? null : style;
        }

        if (current is not null && reader.LocalName.StartsWith("list-level-style-", StringComparison.Ordinal)
            && int.TryParse(reader.GetAttribute("level", TextNs), out var level) && level is >= 1 and <= 10)
        {
            current.Levels[level - 1] = reader.LocalName == "list-level-style-number"
                ? new ListLevel(true, reader.GetAttribute("num-format", StyleNs) ?? "1", reader.GetAttribute("num-prefix", StyleNs) ?? "",
                    reader.GetAttribute("num-suffix", StyleNs) ?? "", Math.Clamp(ParseInt(reader.GetAttribute("display-levels", TextNs), 1), 1, level),
                    Math.Max(0, ParseInt(reader.GetAttribute("start-value", TextNs), 1)))
                : new ListLevel(false, "", "", "", 1, 1);
        }

        return current;
    }

    private static int ParseInt(string? value, int fallback) => int.TryParse(value, out var n) ? n : fallback;

    /// <summary>Writes a list label the way the style shows it; formats it does not know fall back to 1, 2, 3.</summary>
    internal static string FormatNumber(int n, string format)
    {
        const string lower = "一二三四五六七八九";
        const string upper = "壹貳參肆伍陸柒捌玖";
        return format switch
        {
            "" => string.Empty,
            "a" or "A" => Letters(n, format == "A"),
            "i" or "I" => Roman(n, format == "I"),
            _ when format.StartsWith('一') => Chinese(n, lower, '十'),
            _ when format.StartsWith('壹') => Chinese(n, upper, '拾'),
            _ when format.StartsWith('甲') => "甲乙丙丁戊己庚辛壬癸"[(n - 1) % 10].ToString(),
            _ when format.StartsWith('子') => "子丑寅卯辰巳午未申酉戌亥"[(n - 1) % 12].ToString(),
            _ when format.StartsWith('１') => string.Concat(n.ToString(System.Globalization.CultureInfo.InvariantCulture).Select(c => (char)(c - '0' + '０'))),
            _ when format.StartsWith('①') && n <= 20 => ((char)('①' + n - 1)).ToString(),
            _ => n.ToString(System.Globalization.CultureInfo.InvariantCulture),
        };

        static string Chinese(int n, string digits, char ten) => n switch
        {
            < 1 or > 99 => n.ToString(System.Globalization.CultureInfo.InvariantCulture),
            < 10 => digits[n - 1].ToString(),
            _ => (n / 10 == 1 ? "" : digits[n / 10 - 1].ToString()) + ten + (n % 10 == 0 ? "" : digits[n % 10 - 1].ToString()),
        };
    }

    private static string Letters(int n, bool upper)
    {
        if (n < 1)
        {
            return n.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        var builder = new StringBuilder();
        for (; n > 0; n = (n - 1) / 26)
        {
            builder.Insert(0, (char)((upper ? 'A' : 'a') + (n - 1) % 26));
        }

        return builder.ToString();
    }

    private static string Roman(int n, bool upper)
    {
        if (n is < 1 or > 3999)
        {
            return n.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        (int Value, string Symbol)[] numerals = [(1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"), (50, "l"), (40, "xl"), (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i")];
        var builder = new StringBuilder();
        foreach (var (value, symbol) in numerals)
        {
            for (; n >= value; n -= value)
            {
                builder.Append(symbol);
            }
        }

        return upper ? builder.ToString().ToUpperInvariant() : builder.ToString();
    }

    /// <summary>The single pass over content.xml: an explicit stack of open elements, never recursion.</summary>
    private sealed class ContentReader(string fileName, Dictionary<string, ListStyle> styles, CancellationToken ct)
    {
        private readonly List<Frame> _stack = [];
        private readonly List<PlanBlock> _blocks = [];
        private readonly Dictionary<string, ListCounters> _listsById = new(StringComparer.Ordinal);
        private ListCounters? _lastList;
        private ListStyle? _currentStyle;
        private int _paragraphNumber;
        private int _cells;
        private long _characters;
        private bool _sawText;

        public PlanLoadResult Read(Stream stream)
        {
            using var reader = CreateReader(stream);
            var body = new BodySink(this);
            var skipDepth = -1;
            var nodes = 0;
            while (reader.Read())
            {
                if ((++nodes & 0xFF) == 0)
                {
                    ct.ThrowIfCancellationRequested();
                }

                switch (reader.NodeType)
                {
                    case XmlNodeType.Element:
                        CheckDepth(reader);
                        if (skipDepth >= 0)
                        {
                            break;
                        }

                        if (IsSkipped(reader))
                        {
                            skipDepth = reader.IsEmptyElement ? -1 : reader.Depth;
                            break;
                        }

                        var frame = Open(reader, _stack.Count > 0 ? _stack[^1] : null, body);
                        if (reader.IsEmptyElement)
                        {
                            Close(frame);
                        }
                        else
                        {
                            _stack.Add(frame);
                        }

                        break;
                    case XmlNodeType.EndElement:
                        if (skipDepth >= 0)
                        {
                            if (reader.Depth == skipDepth)
                            {
                                skipDepth = -1;
                            }

                            break;
                        }

                        if (_stack.Count > 0)
                        {
                            var closing = _stack[^1];
                            _stack.RemoveAt(_stack.Count - 1);
                            Close(closing);
                        }

                        break;
                    case XmlNodeType.Text or XmlNodeType.CDATA or XmlNodeType.Whitespace or XmlNodeType.SignificantWhitespace:
                        if (skipDepth < 0 && _stack.Count > 0 && _stack[^1].Text is { } paragraph)
                        {
                            paragraph.AppendCollapsed(reader.Value);
                            Count(reader.Value.Length);
                        }

                        break;
                }
            }

            if (!_sawText)
            {
                return Unreadable("OpenDocument 檔中沒有文書內文（office:text）。", "The OpenDocument file has no text body (office:text).");
            }

            return new PlanLoadResult(new PlanTextDocument(fileName, _blocks), []);
        }

        private static bool IsSkipped(XmlReader reader) =>
            SkippedNamespaces.Contains(reader.NamespaceURI)
            || SkippedElements.Contains((reader.NamespaceURI, reader.LocalName))
            || (reader.NamespaceURI == TextNs && (reader.LocalName.EndsWith("-source", StringComparison.Ordinal) || reader.LocalName.EndsWith("-decls", StringComparison.Ordinal)));

        private Frame Open(XmlReader reader, Frame? parent, BodySink body)
        {
            var sink = parent?.Sink ?? body;
            var text = parent?.Text;
            var ns = reader.NamespaceURI;
            var name = reader.LocalName;

            if (ns == OfficeNs && name is "spreadsheet" or "presentation" or "drawing" or "chart" or "image")
            {
                throw new LimitException(NotText("application/vnd.oasis.opendocument." + (name == "drawing" ? "graphics" : name)));
            }

            if (ns == OfficeNs && name == "text")
            {
                _sawText = true;
            }

            if (ns == TextNs)
            {
                _currentStyle = ReadListStyleElement(reader, styles, _currentStyle);
                switch (name)
                {
                    case "p" or "h":
                        _paragraphNumber++;
                        var paragraph = new ParagraphFrame(sink, _paragraphNumber, this);
                        if (parent is ListItemFrame item)
                        {
                            paragraph.Label = item.TakeLabel();
                        }

                        return paragraph;
                    case "s" when text is not null:
                        text.AppendLiteral(new string(' ', Math.Clamp(ParseInt(reader.GetAttribute("c", TextNs), 1), 1, MaxSpaces)));
                        return new Frame(sink, text);
                    case "tab" when text is not null:
                        text.AppendLiteral(" ");
                        return new Frame(sink, text);
                    case "line-break" when text is not null:
                        text.AppendLiteral("\n");
                        return new Frame(sink, text);
                    case "number" when text is not null:
                        // A snapshot of the label the writing program showed: it replaces the one worked out here.
                        text.HasNumber = true;
                        return new Frame(sink, text);
                    case "list":
                        return OpenList(reader, parent, sink);
                    case "list-item" or "list-header" when parent is ListFrame list:
                        return new ListItemFrame(sink, name == "list-item" ? list.Next(ParseInt(reader.GetAttribute("start-value", TextNs), 0)) : null);
                }
            }
            else if (ns == TableNs)
            {
                switch (name)
                {
                    case "table":
                        return new TableFrame(sink);
                    case "table-row" when NearestTable() is { } table:
                        return new RowFrame(this, sink, table, _paragraphNumber + 1, Math.Clamp(ParseInt(reader.GetAttribute("number-rows-repeated", TableNs), 1), 1, MaxRowsRepeated));
                    case "table-cell" or "covered-table-cell" when parent is RowFrame row:
                        return new CellFrame(this, row, _paragraphNumber + 1, name == "covered-table-cell",
                            Math.Clamp(ParseInt(reader.GetAttribute("number-columns-spanned", TableNs), 1), 1, MaxColumnsRepeated),
                            Math.Clamp(ParseInt(reader.GetAttribute("number-rows-spanned", TableNs), 1), 1, 100_000),
                            Math.Clamp(ParseInt(reader.GetAttribute("number-columns-repeated", TableNs), 1), 1, MaxColumnsRepeated));
                }
            }
            else if (ns == DrawNs)
            {
                // Frames, text boxes and shapes: their own text sits in paragraphs, which read after the
                // paragraph they are anchored in; nothing directly inside them is text.
                return new Frame(sink, null);
            }

            return new Frame(sink, text);
        }

        private ListFrame OpenList(XmlReader reader, Frame? parent, ISink sink)
        {
            var styleName = reader.GetAttribute("style-name", TextNs);
            if (parent is ListItemFrame && _stack.Count >= 2 && _stack[^2] is ListFrame outer)
            {
                return new ListFrame(sink, outer.Counters, outer.Level + 1, styleName is not null && styles.TryGetValue(styleName, out var own) ? own : outer.Style);
            }

            var style = styleName is not null ? styles.GetValueOrDefault(styleName) : null;
            ListCounters? counters = null;
            if (reader.GetAttribute("continue-list", TextNs) is { } continued)
            {
                counters = _listsById.GetValueOrDefault(continued);
            }
            else if (reader.GetAttribute("continue-numbering", TextNs) == "true")
            {
                counters = _lastList;
            }

            counters ??= new ListCounters();
            if (reader.GetAttribute("id", XmlNs) is { } id)
            {
                _listsById[id] = counters;
            }

            _lastList = counters;
            return new ListFrame(sink, counters, 0, style);
        }

        // Rows sit in the table or in its header-rows, rows or row-group elements.
        private TableFrame? NearestTable()
        {
            for (var i = _stack.Count - 1; i >= 0; i--)
            {
                switch (_stack[i])
                {
                    case TableFrame table:
                        return table;
                    case CellFrame or ParagraphFrame or RowFrame:
                        return null;
                }
            }

            return null;
        }

        private void Close(Frame frame)
        {
            switch (frame)
            {
                case ParagraphFrame paragraph:
                    paragraph.Emit();
                    break;
                case CellFrame cell:
                    cell.Emit();
                    break;
                case RowFrame row:
                    row.Emit();
                    break;
                case TableFrame table:
                    if (table.Rows.Count > 0)
                    {
                        table.Sink.AddTable(table.Rows);
                    }

                    break;
            }
        }

        public void Count(long characters)
        {
            _characters += characters;
            if (_characters > MaxCharacters)
            {
                throw new LimitException(PlanDocumentLoader.Fail(PlanFindingCodes.FileTooLarge,
                    $"OpenDocument 檔的文字超過 {MaxCharacters / 1024 / 1024} MB 字元，不予讀取。",
                    $"The OpenDocument file holds more than {MaxCharacters / 1024 / 1024} M characters of text; it is not read."));
            }
        }

        public void CountCells(int cells)
        {
            _cells += cells;
            if (_cells > MaxCells)
            {
                throw new LimitException(PlanDocumentLoader.Fail(PlanFindingCodes.FileTooLarge,
                    $"OpenDocument 檔的表格超過 {MaxCells:N0} 格，不予讀取。",
                    $"The OpenDocument file's tables hold more than {MaxCells:N0} cells; it is not read."));
            }
        }

        private sealed class BodySink(ContentReader owner) : ISink
        {
            public void AddParagraph(int line, string text)
            {
                if (!string.IsNullOrWhiteSpace(text))
                {
                    owner._blocks.Add(new PlanParagraph(line, text));
                }
            }

            public void AddTable(IReadOnlyList<PlanRow> rows) => owner._blocks.Add(new PlanTable(rows[0].Line, rows));
        }
    }

    /// <summary>Where finished paragraphs and tables go: the body, a cell, or a paragraph holding a text box.</summary>
    private interface ISink
    {
        void AddParagraph(int line, string text);

        void AddTable(IReadOnlyList<PlanRow> rows);
    }

    /// <summary>An open element; <see cref="Text"/> is the paragraph its text nodes belong to, if any.</summary>
    private class Frame(ISink sink, ParagraphFrame? text)
    {
        public ISink Sink { get; protected init; } = sink;

        public ParagraphFrame? Text { get; protected init; } = text;
    }

    private sealed class ParagraphFrame : Frame, ISink
    {
        private readonly StringBuilder _text = new();
        private readonly ISink _out;
        private readonly int _line;
        private readonly ContentReader _owner;
        private List<Anchored>? _anchored;
        private bool _collapsed;

        public ParagraphFrame(ISink sink, int line, ContentReader owner)
            : base(sink, null)
        {
            _out = sink;
            _line = line;
            _owner = owner;
            Sink = this;
            Text = this;
        }

        public string? Label { get; set; }

        public bool HasNumber { get; set; }

        // ODF collapses each run of white space to one space and drops it at the start of a paragraph.
        public void AppendCollapsed(string value)
        {
            foreach (var c in value)
            {
                if (c is ' ' or '\t' or '\r' or '\n')
                {
                    if (!_collapsed && _text.Length > 0)
                    {
                        _text.Append(' ');
                        _collapsed = true;
                    }
                }
                else
                {
                    _text.Append(c);
                    _collapsed = false;
                }
            }
        }

        public void AppendLiteral(string value)
        {
            _text.Append(value);
            _collapsed = false;
            _owner.Count(value.Length);
        }

        public void AddParagraph(int line, string text) => (_anchored ??= []).Add(new Anchored(line, text, null));

        public void AddTable(IReadOnlyList<PlanRow> rows) => (_anchored ??= []).Add(new Anchored(0, null, rows));

        public void Emit()
        {
            if (_collapsed)
            {
                _text.Length--;
            }

            if (Label is { Length: > 0 } && !HasNumber)
            {
                _text.Insert(0, Label);
            }

            _out.AddParagraph(_line, _text.ToString());
            foreach (var anchored in _anchored ?? [])
            {
                if (anchored.Rows is { } rows)
                {
                    _out.AddTable(rows);
                }
                else
                {
                    _out.AddParagraph(anchored.Line, anchored.Text!);
                }
            }
        }
    }

    private sealed class TableFrame(ISink sink) : Frame(sink, null)
    {
        public List<PlanRow> Rows { get; } = [];

        /// <summary>Grid column → (last row index it covers, columns wide) for cells spanning rows.</summary>
        public Dictionary<int, (int UntilRow, int Width)> RowSpans { get; } = [];
    }

    private sealed class RowFrame(ContentReader owner, ISink sink, TableFrame table, int line, int repeat) : Frame(sink, null)
    {
        public TableFrame Table { get; } = table;

        public List<PlanCell> Cells { get; } = [];

        public int Column { get; set; }

        /// <summary>Covered cells still to come that belong to a cell spanning columns in this row.</summary>
        public int HorizontallyCovered { get; set; }

        public int Index => Table.Rows.Count;

        public void Emit()
        {
            // The cells were counted once as they were read; each repetition of the row counts again.
            owner.CountCells(Cells.Count * (repeat - 1));
            owner.Count(Cells.Sum(c => (long)c.Text.Length) * (repeat - 1));
            for (var i = 0; i < repeat; i++)
            {
                Table.Rows.Add(new PlanRow(line, Cells));
            }
        }
    }

    private sealed class CellFrame : Frame, ISink
    {
        private readonly ContentReader _owner;
        private readonly RowFrame _row;
        private readonly int _line;
        private readonly bool _covered;
        private readonly int _columnSpan;
        private readonly int _rowSpan;
        private readonly int _repeat;
        private readonly List<string> _lines = [];

        public CellFrame(ContentReader owner, RowFrame row, int line, bool covered, int columnSpan, int rowSpan, int repeat)
            : base(row.Sink, null)
        {
            _owner = owner;
            _row = row;
            _line = line;
            _covered = covered;
            _columnSpan = columnSpan;
            _rowSpan = rowSpan;
            _repeat = repeat;
            Sink = this;
        }

        public void AddParagraph(int line, string text) => _lines.Add(text);

        public void AddTable(IReadOnlyList<PlanRow> rows)
        {
            foreach (var row in rows)
            {
                _lines.Add(string.Join(" ", row.Cells.Select(c => c.Text).Where(t => t.Length > 0)));
            }
        }

        public void Emit()
        {
            _owner.CountCells(_repeat);
            var text = _covered ? string.Empty : string.Join("\n", _lines.Where(l => l.Length > 0));
            _owner.Count((long)text.Length * _repeat);
            for (var i = 0; i < _repeat; i++)
            {
                if (!_covered)
                {
                    _row.HorizontallyCovered = _columnSpan - 1;
                    if (_rowSpan > 1)
                    {
                        _row.Table.RowSpans[_row.Column] = (_row.Index + _rowSpan - 1, _columnSpan);
                    }

                    _row.Cells.Add(new PlanCell(text, _line, _row.Column));
                    _row.Column += _columnSpan;
                }
                else if (_row.HorizontallyCovered > 0)
                {
                    // Part of the cell to its left, which spans columns: it takes no column of its own.
                    _row.HorizontallyCovered--;
                }
                else
                {
                    // Covered by a cell above that spans rows: an empty cell on its grid column, as Word's merge continuation.
                    var width = _row.Table.RowSpans.TryGetValue(_row.Column, out var span) && span.UntilRow >= _row.Index ? span.Width : 1;
                    _row.Cells.Add(new PlanCell(string.Empty, _line, _row.Column));
                    _row.Column += width;
                    _row.HorizontallyCovered = width - 1;
                }
            }
        }
    }

    /// <summary>A paragraph or table in a text box, read after the paragraph the box is anchored in.</summary>
    private sealed record Anchored(int Line, string? Text, IReadOnlyList<PlanRow>? Rows);

    private sealed class ListStyle
    {
        public ListLevel?[] Levels { get; } = new ListLevel?[10];
    }

    private sealed record ListLevel(bool Numbered, string Format, string Prefix, string Suffix, int DisplayLevels, int StartValue);

    /// <summary>The running numbers of one list, per level; shared by its nested lists and by lists continuing it.</summary>
    private sealed class ListCounters
    {
        public int[] Values { get; } = new int[10];
    }

    private sealed class ListFrame(ISink sink, ListCounters counters, int level, ListStyle? style) : Frame(sink, null)
    {
        public ListCounters Counters { get; } = counters;

        public int Level { get; } = level;

        public ListStyle? Style { get; } = style;

        /// <summary>Counts the next item and gives its label: the style's, or 1. / (1) as DocxPlanExtractor writes; null for a bullet.</summary>
        public string? Next(int startValue)
        {
            var level = Math.Min(Level, Counters.Values.Length - 1);
            var levelStyle = Style?.Levels[level];
            var values = Counters.Values;
            values[level] = startValue > 0 ? startValue : values[level] == 0 ? levelStyle?.StartValue ?? 1 : values[level] + 1;
            Array.Clear(values, level + 1, values.Length - level - 1);
            if (levelStyle is null)
            {
                return level == 0 ? $"{values[0]}. " : $"({values[level]})";
            }

            if (!levelStyle.Numbered || levelStyle.Format.Length == 0)
            {
                return null;
            }

            var numbers = Enumerable.Range(level - levelStyle.DisplayLevels + 1, levelStyle.DisplayLevels)
                .Select(l => FormatNumber(values[l], Style!.Levels[l]?.Format is { Length: > 0 } format ? format : "1"));
            var label = levelStyle.Prefix + string.Join(".", numbers) + levelStyle.Suffix;

            // "1." takes a space before the text, as DocxPlanExtractor writes it; "(1)" and "一、" do not.
            return label.EndsWith('.') ? label + " " : label;
        }
    }

    private sealed class ListItemFrame(ISink sink, string? label) : Frame(sink, null)
    {
        private string? _label = label;

        /// <summary>The label goes to the item's first paragraph only.</summary>
        public string? TakeLabel()
        {
            var label = _label;
            _label = null;
            return label;
        }
    }

    private sealed class LimitException(PlanLoadResult result) : Exception("The OpenDocument file exceeds a reading limit.")
    {
        public PlanLoadResult Result { get; } = result;
    }
}

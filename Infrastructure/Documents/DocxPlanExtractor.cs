using System.Text;
using System.Xml;
using DocumentFormat.OpenXml.Packaging;
using HighServiceDashboard.Domain.Plans.Reading;

namespace HighServiceDashboard.Infrastructure.Documents;

/// <summary>
/// Extracts a Word plan: body paragraphs as lines, tables as rows of cells in grid columns. A
/// vertically merged cell reads on its first row only (the pillar label on the first row of its
/// group, as in the text form); automatic list numbers are written out as Word shows them ("(一)",
/// "1.", from numbering.xml), since the reader splits focus points on them. Content controls,
/// inserted text and text boxes are read in place; deleted text and field codes are not. Line
/// numbers are paragraph numbers in document order.
/// </summary>
/// <remarks>
/// The body is read as a stream of XML nodes (never OpenXml's DOM, which recurses and holds the whole
/// part) with an explicit stack of open elements, so a document nested 20,000 deep is refused at
/// <see cref="PlanLoadLimits.MaxNestingDepth"/> instead of overflowing the stack. The package is checked
/// by <see cref="PackageGuard"/> before it is opened, and only three parts are read: the body, its
/// numbering and its styles; comments, footnotes, headers and pictures are never opened.
/// </remarks>
public static class DocxPlanExtractor
{
    public static PlanLoadResult Extract(byte[] bytes, string fileName, CancellationToken ct)
    {
        if (PackageGuard.Check(bytes) is { } refused)
        {
            return new PlanLoadResult(null, [refused]);
        }

        try
        {
            using var stream = new MemoryStream(bytes, writable: false);
            using var word = WordprocessingDocument.Open(stream, false, new OpenSettings { MaxCharactersInPart = PlanLoadLimits.MaxPartCharacters });
            if (word.MainDocumentPart is not { } main)
            {
                return NoBody();
            }

            var numbering = WordNumbering.Read(main.NumberingDefinitionsPart, main.StyleDefinitionsPart, ct);
            using var part = new LimitedReadStream(main.GetStream(FileMode.Open, FileAccess.Read), PlanLoadLimits.MaxPartCharacters, PlanLoadLimits.PartTooLarge);
            var blocks = new WordBodyReader(numbering, ct).Read(part);
            return blocks is null ? NoBody() : new PlanLoadResult(new PlanTextDocument(fileName, blocks), []);
        }
        catch (PlanLimitExceededException ex)
        {
            return new PlanLoadResult(null, [ex.Finding]);
        }
        catch (Exception ex) when (ex is not OperationCanceledException and not OutOfMemoryException)
        {
            // A damaged package throws from System.IO.Packaging, the zip reader, the XML reader or
            // OpenXml itself, each with its own type; all of them mean "cannot read this file".
            return PlanDocumentLoader.Fail(PlanFindingCodes.DocxUnreadable, "無法開啟 Word 檔，檔案可能已損毀。", "The Word file cannot be opened; it may be damaged.");
        }
    }

    private static PlanLoadResult NoBody() => PlanDocumentLoader.Fail(PlanFindingCodes.DocxUnreadable, "Word 檔沒有內文。", "The Word file has no document body.");

    internal static XmlReaderSettings ReaderSettings(long maxCharacters) => new()
    {
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        MaxCharactersInDocument = maxCharacters,
        MaxCharactersFromEntities = 1024,
        IgnoreComments = true,
        IgnoreProcessingInstructions = true,
        CloseInput = false,
    };
}

/// <summary>
/// Reads document.xml node by node. Every open element is one entry on <see cref="_open"/>; tables,
/// cells, paragraphs and text boxes also open a frame on <see cref="_frames"/> that collects what is
/// read inside them and hands it to the frame below when the element closes.
/// </summary>
internal sealed class WordBodyReader(WordNumbering numbering, CancellationToken ct)
{
    internal const string Main = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
    internal const string StrictMain = "http://purl.oclc.org/ooxml/wordprocessingml/main";
    private const string MarkupCompatibility = "http://schemas.openxmlformats.org/markup-compatibility/2006";

    // Elements whose content is not the document's text: properties (a content control's are read for
    // whether it shows its placeholder), revisions of properties,
    // deleted text, field instructions, embedded data.
    private static readonly string[] SkippedNames =
    [
        "rPr", "sectPr", "sdtEndPr", "tblPr", "tblGrid", "tblPrEx", "pPrChange", "rPrChange", "tcPrChange", "trPrChange",
        "tblPrChange", "numberingChange", "del", "moveFrom", "delText", "instrText", "delInstrText", "fldData", "sym", "object",
        "footnoteReference", "endnoteReference", "commentReference", "annotationRef", "bookmarkStart", "bookmarkEnd", "proofErr",
    ];

    // Names atomized in the reader's name table: compared by reference, as XmlReader hands them out.
    private HashSet<string> _skipped = [];
    private string _main = Main;
    private string _strict = StrictMain;
    private string _compatibility = MarkupCompatibility;

    private readonly List<Open> _open = [];
    private readonly List<Frame> _frames = [];
    private readonly List<PlanBlock> _blocks = [];
    private int _paragraphs;
    private int _pieces;
    private long _characters;
    private bool _sawBody;

    private enum Kind
    {
        Other,
        Paragraph,
        ParagraphProperties,
        NumberingProperties,
        Run,
        Text,
        Table,
        Row,
        RowProperties,
        Cell,
        CellProperties,
        TextBox,
        AlternateContent,
        ContentControl,
        ContentControlProperties,
    }

    /// <summary>The blocks of the body, or null when the part has none.</summary>
    public List<PlanBlock>? Read(Stream part)
    {
        using var xml = XmlReader.Create(part, DocxPlanExtractor.ReaderSettings(PlanLoadLimits.MaxPartCharacters));
        _skipped = new HashSet<string>(SkippedNames.Select(xml.NameTable.Add), ReferenceEqualityComparer.Instance);
        _main = xml.NameTable.Add(Main);
        _strict = xml.NameTable.Add(StrictMain);
        _compatibility = xml.NameTable.Add(MarkupCompatibility);
        var skipDepth = -1;
        var nodes = 0;
        while (xml.Read())
        {
            if ((++nodes & 0x3FF) == 0)
            {
                ct.ThrowIfCancellationRequested();
            }

            if (xml.NodeType == XmlNodeType.Element && xml.Depth > PlanLoadLimits.MaxNestingDepth)
            {
                throw new PlanLimitExceededException(PlanLoadLimits.TooDeep());
            }

            if (skipDepth >= 0)
            {
                if (xml.NodeType == XmlNodeType.EndElement && xml.Depth == skipDepth)
                {
                    skipDepth = -1;
                }

                continue;
            }

            switch (xml.NodeType)
            {
                case XmlNodeType.Element:
                    var empty = xml.IsEmptyElement;
                    if (!Start(xml))
                    {
                        if (!empty)
                        {
                            skipDepth = xml.Depth;
                        }
                    }
                    else if (empty)
                    {
                        End();
                    }

                    break;
                case XmlNodeType.EndElement:
                    End();
                    break;
                case XmlNodeType.Text or XmlNodeType.Whitespace or XmlNodeType.SignificantWhitespace or XmlNodeType.CDATA:
                    if (_open.Count > 0 && _open[^1].Kind == Kind.Text && _frames.Count > 0 && _frames[^1] is ParagraphFrame paragraph)
                    {
                        Append(paragraph, xml.Value);
                    }

                    break;
            }
        }

        return _sawBody ? _blocks : null;
    }

    // Opens an element: false when its content is to be skipped (nothing is pushed then).
    private bool Start(XmlReader xml)
    {
        var parent = _open.Count > 0 ? _open[^1].Kind : Kind.Other;
        var ns = xml.NamespaceURI;
        if ((object)ns == _compatibility)
        {
            // The first choice of an alternate content is read; the others and the fallback say the same again.
            if (xml.LocalName == "AlternateContent")
            {
                Push(Kind.AlternateContent);
                return true;
            }

            if (parent == Kind.AlternateContent && (xml.LocalName != "Choice" || _open[^1].ChoiceTaken))
            {
                return false;
            }

            if (parent == Kind.AlternateContent)
            {
                _open[^1] = _open[^1] with { ChoiceTaken = true };
            }

            Push(Kind.Other);
            return true;
        }

        if ((object)ns != _main && (object)ns != _strict)
        {
            Push(Kind.Other);
            return true;
        }

        var name = xml.LocalName;
        if (_skipped.Contains(name))
        {
            return false;
        }

        var paragraph = _frames.Count > 0 ? _frames[^1] as ParagraphFrame : null;
        switch (name)
        {
            case "body":
                _sawBody = true;
                break;
            case "p":
                Push(Kind.Paragraph, new ParagraphFrame(++_paragraphs));
                return true;
            case "pPr" when parent == Kind.Paragraph:
                Push(Kind.ParagraphProperties);
                return true;
            case "numPr" when parent == Kind.ParagraphProperties:
                Push(Kind.NumberingProperties);
                return true;
            case "numId" when parent == Kind.NumberingProperties && paragraph is not null:
                paragraph.NumberingId = IntValue(xml);
                break;
            case "ilvl" when parent == Kind.NumberingProperties && paragraph is not null:
                paragraph.Level = IntValue(xml);
                break;
            case "pStyle" when parent == Kind.ParagraphProperties && paragraph is not null:
                paragraph.Style = xml.GetAttribute("val", xml.NamespaceURI);
                break;
            case "r":
                Push(Kind.Run);
                return true;
            case "t" when parent == Kind.Run:
                Push(Kind.Text);
                return true;
            case "tab" or "ptab" when parent == Kind.Run && paragraph is not null:
                Append(paragraph, " ");
                break;
            case "br" or "cr" when parent == Kind.Run && paragraph is not null:
                Append(paragraph, "\n");
                break;
            case "noBreakHyphen" when parent == Kind.Run && paragraph is not null:
                Append(paragraph, "-");
                break;
            case "tbl":
                Count();
                Push(Kind.Table, new TableFrame(_paragraphs + 1));
                return true;
            case "tr" when _frames.Count > 0 && _frames[^1] is TableFrame table:
                Count();
                table.StartRow(_paragraphs + 1);
                Push(Kind.Row);
                return true;
            case "trPr" when parent == Kind.Row:
                Push(Kind.RowProperties);
                return true;
            case "gridBefore" when parent == Kind.RowProperties && _frames.Count > 0 && _frames[^1] is TableFrame table:
                table.Column += Math.Clamp(IntValue(xml) ?? 0, 0, 1000);
                break;
            case "tc" when _frames.Count > 0 && _frames[^1] is TableFrame { Cells: not null } table:
                Count();
                Push(Kind.Cell, new CellFrame(_paragraphs + 1, table.Column));
                return true;
            case "tcPr" when parent == Kind.Cell:
                Push(Kind.CellProperties);
                return true;
            case "gridSpan" when parent == Kind.CellProperties && _frames.Count > 0 && _frames[^1] is CellFrame cell:
                cell.Span = Math.Clamp(IntValue(xml) ?? 1, 1, 1000);
                break;
            case "vMerge" when parent == Kind.CellProperties && _frames.Count > 0 && _frames[^1] is CellFrame cell:
                // A continuation of a vertical merge has no value (or "continue"): its text was read on the first row.
                cell.Continues = xml.GetAttribute("val", xml.NamespaceURI) is null or "continue";
                break;
            case "sdt":
                Push(Kind.ContentControl);
                return true;
            case "sdtPr" when parent == Kind.ContentControl:
                Push(Kind.ContentControlProperties);
                return true;
            case "showingPlcHdr" when parent == Kind.ContentControlProperties && _open.Count > 1:
                _open[^2] = _open[^2] with { ShowsPlaceholder = xml.GetAttribute("val", ns) is null or "1" or "true" or "on" };
                break;

            // An unfilled form field shows its prompt ("按一下這裡以輸入文字"), which is not the plan's text.
            case "sdtContent" when parent == Kind.ContentControl && _open[^1].ShowsPlaceholder:
                return false;
            case "txbxContent":
                Push(Kind.TextBox, new TextBoxFrame());
                return true;
        }

        // Everything else (content controls, insertions, hyperlinks, smart tags, custom XML, simple
        // fields, the properties not read) is read in place: its paragraphs and runs belong where it stands.
        Push(Kind.Other);
        return true;
    }

    private void End()
    {
        var open = _open[^1];
        _open.RemoveAt(_open.Count - 1);
        if (open.Frame is not { } frame)
        {
            if (open.Kind == Kind.Row && _frames.Count > 0 && _frames[^1] is TableFrame table)
            {
                table.EndRow();
            }

            return;
        }

        _frames.RemoveAt(_frames.Count - 1);
        var below = _frames.Count > 0 ? _frames[^1] : null;
        switch (frame)
        {
            case ParagraphFrame paragraph:
                EndParagraph(paragraph, below);
                break;
            case TableFrame table:
                table.EndRow();
                EndTable(table, below);
                break;
            case CellFrame cell when below is TableFrame table:
                var text = cell.Lines.Count switch
                {
                    0 => string.Empty,
                    1 => cell.Lines[0].Text,
                    _ => string.Join("\n", cell.Lines.Select(l => l.Text).Where(l => l.Length > 0)),
                };
                table.Cells?.Add(new PlanCell(cell.Continues ? string.Empty : text, cell.Line, cell.Column));
                table.Column = cell.Column + cell.Span;
                break;
            case TextBoxFrame box:
                // A text box's paragraphs follow the paragraph that holds the box (or go where the box stands).
                if (below is ParagraphFrame holder)
                {
                    holder.After.AddRange(box.Lines);
                }
                else
                {
                    Deliver(below, box.Lines);
                }

                break;
        }
    }

    private void EndParagraph(ParagraphFrame paragraph, Frame? below)
    {
        var text = numbering.Label(paragraph, below as CellFrame) + paragraph.Text;
        if (text.Length == 0 && !paragraph.HasAfter)
        {
            // Most paragraphs of a long document are empty: nothing to hand on (empty lines are dropped anyway).
            return;
        }

        Deliver(below, paragraph.HasAfter ? [(paragraph.Line, text), .. paragraph.After] : [(paragraph.Line, text)]);
    }

    private void EndTable(TableFrame table, Frame? below)
    {
        if (below is null)
        {
            if (table.Rows.Count > 0)
            {
                _blocks.Add(new PlanTable(table.Rows[0].Line, table.Rows));
            }

            return;
        }

        // A table inside a cell or a text box: each row becomes one line of the enclosing text.
        Deliver(below, table.Rows.Select(r => (r.Line, string.Join(" ", r.Cells.Select(c => c.Text)))).ToList());
    }

    private void Deliver(Frame? below, IReadOnlyList<(int Line, string Text)> lines)
    {
        switch (below)
        {
            case null:
                foreach (var (line, text) in lines)
                {
                    if (!string.IsNullOrWhiteSpace(text))
                    {
                        Count();
                        _blocks.Add(new PlanParagraph(line, text));
                    }
                }

                break;
            case LinesFrame container:
                container.Lines.AddRange(lines);
                break;
            case ParagraphFrame paragraph:
                paragraph.After.AddRange(lines);
                break;

            // Paragraphs straight inside a table or a row (not valid Word) have no cell to go to.
        }
    }

    private void Append(ParagraphFrame paragraph, string text)
    {
        _characters += text.Length;
        if (_characters > PlanLoadLimits.MaxTextCharacters)
        {
            throw new PlanLimitExceededException(PlanLoadLimits.TextTooLong());
        }

        paragraph.Append(text);
    }

    private void Count()
    {
        if (++_pieces > PlanLoadLimits.MaxCells)
        {
            throw new PlanLimitExceededException(PlanLoadLimits.TooManyCells());
        }
    }

    private void Push(Kind kind, Frame? frame = null)
    {
        _open.Add(new Open(kind, frame));
        if (frame is not null)
        {
            _frames.Add(frame);
        }
    }

    private static int? IntValue(XmlReader xml) =>
        int.TryParse(xml.GetAttribute("val", xml.NamespaceURI), System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var value) ? value : null;

    private readonly record struct Open(Kind Kind, Frame? Frame, bool ChoiceTaken = false, bool ShowsPlaceholder = false);
}

internal abstract class Frame;

/// <summary>A frame that collects lines of text: a cell or a text box.</summary>
internal abstract class LinesFrame : Frame
{
    public List<(int Line, string Text)> Lines { get; } = [];
}

internal sealed class ParagraphFrame(int line) : Frame
{
    public int Line { get; } = line;

    private StringBuilder? _text;

    /// <summary>The paragraph's text so far (most paragraphs hold one run: no builder until a second).</summary>
    public string Text => _text?.ToString() ?? _first ?? string.Empty;

    private string? _first;

    public void Append(string text)
    {
        if (_first is null && _text is null)
        {
            _first = text;
            return;
        }

        _text ??= new StringBuilder(_first);
        _text.Append(text);
        _first = null;
    }

    public int? NumberingId { get; set; }

    public int? Level { get; set; }

    public string? Style { get; set; }

    /// <summary>Text boxes anchored in the paragraph: read after it.</summary>
    public List<(int Line, string Text)> After => _after ??= [];

    public bool HasAfter => _after is { Count: > 0 };

    private List<(int Line, string Text)>? _after;
}

internal sealed class TableFrame(int line) : Frame
{
    private int _rowLine;

    public int Line { get; } = line;

    public List<PlanRow> Rows { get; } = [];

    /// <summary>The cells of the open row; null between rows.</summary>
    public List<PlanCell>? Cells { get; private set; }

    public int Column { get; set; }

    public void StartRow(int line)
    {
        EndRow();
        Cells = [];
        Column = 0;
        _rowLine = line;
    }

    public void EndRow()
    {
        if (Cells is not null)
        {
            Rows.Add(new PlanRow(_rowLine, Cells));
            Cells = null;
        }
    }
}

internal sealed class CellFrame(int line, int column) : LinesFrame
{
    public int Line { get; } = line;

    public int Column { get; } = column;

    public int Span { get; set; } = 1;

    public bool Continues { get; set; }

    /// <summary>Today's numbering where numbering.xml says nothing: counted within the cell.</summary>
    public Dictionary<(int NumberingId, int Level), int> Counters => _counters ??= [];

    private Dictionary<(int NumberingId, int Level), int>? _counters;
}

internal sealed class TextBoxFrame : LinesFrame;

/// <summary>Reads at most a given number of bytes from a part, then refuses with a finding.</summary>
internal sealed class LimitedReadStream(Stream inner, long limit, Func<PlanFinding> refusal) : Stream
{
    private long _read;

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => _read;
        set => throw new NotSupportedException();
    }

    public override int Read(byte[] buffer, int offset, int count) => Count(inner.Read(buffer, offset, count));

    public override int Read(Span<byte> buffer) => Count(inner.Read(buffer));

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            inner.Dispose();
        }

        base.Dispose(disposing);
    }

    private int Count(int read)
    {
        _read += read;
        if (_read > limit)
        {
            throw new PlanLimitExceededException(refusal());
        }

        return read;
    }
}

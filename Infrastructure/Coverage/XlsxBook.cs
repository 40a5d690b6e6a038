using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace HighServiceDashboard.Infrastructure.Coverage;

/// <summary>How a cell of an exported sheet looks: the coverage statuses carry the screen's colours.</summary>
public enum XlsxStyle : uint
{
    Default = 0,
    Header = 1,
    Covered = 2,
    NotApplicable = 3,
    Missing = 4,
    NoPlan = 5,
    Percent = 6,
}

/// <summary>One cell: text or a number, and its style.</summary>
public readonly record struct XlsxCell(string? Text, double? Number, XlsxStyle Style = XlsxStyle.Default)
{
    public static implicit operator XlsxCell(string? text) => new(text, null);

    public static XlsxCell Of(double number, XlsxStyle style = XlsxStyle.Default) => new(null, number, style);
}

/// <summary>
/// A small .xlsx writer over DocumentFormat.OpenXml: sheets with a frozen, bold header row, column
/// widths, and fills for the coverage statuses (MiniExcel, which reads these back in the tests,
/// writes neither fills nor frozen panes).
/// </summary>
public sealed class XlsxBook
{
    private readonly List<(string Name, IReadOnlyList<string> Header, IReadOnlyList<XlsxCell[]> Rows, double[] Widths)> _sheets = [];

    /// <summary>Adds a sheet; the name is cut to Excel's 31 characters.</summary>
    public XlsxBook AddSheet(string name, IReadOnlyList<string> header, IEnumerable<XlsxCell[]> rows, params double[] widths)
    {
        _sheets.Add((name.Length > 31 ? name[..31] : name, header, rows.ToList(), widths));
        return this;
    }

    public byte[] ToBytes()
    {
        using var stream = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            var workbookPart = document.AddWorkbookPart();
            workbookPart.Workbook = new Workbook();
            var styles = workbookPart.AddNewPart<WorkbookStylesPart>();
            styles.Stylesheet = Stylesheet();
            var strings = new SharedStrings();
            var sheets = workbookPart.Workbook.AppendChild(new Sheets());
            uint sheetId = 1;
            foreach (var (name, header, rows, widths) in _sheets)
            {
                var worksheetPart = workbookPart.AddNewPart<WorksheetPart>();
                worksheetPart.Worksheet = Worksheet(header, rows, widths, strings);
                sheets.Append(new Sheet { Id = workbookPart.GetIdOfPart(worksheetPart), SheetId = sheetId++, Name = name });
            }

            var sharedPart = workbookPart.AddNewPart<SharedStringTablePart>();
            sharedPart.SharedStringTable = strings.Table;
            workbookPart.Workbook.Save();
        }

        return stream.ToArray();
    }

    private static Worksheet Worksheet(IReadOnlyList<string> header, IReadOnlyList<XlsxCell[]> rows, double[] widths, SharedStrings strings)
    {
        var views = new SheetViews(new SheetView(
            new Pane { VerticalSplit = 1, TopLeftCell = "A2", ActivePane = PaneValues.BottomLeft, State = PaneStateValues.Frozen },
            new Selection { Pane = PaneValues.BottomLeft, ActiveCell = "A2", SequenceOfReferences = new ListValue<StringValue> { InnerText = "A2" } })
        { WorkbookViewId = 0 });

        var columns = new Columns();
        for (var i = 0; i < header.Count; i++)
        {
            var width = i < widths.Length ? widths[i] : widths.Length > 0 ? widths[^1] : 12;
            columns.Append(new Column { Min = (uint)(i + 1), Max = (uint)(i + 1), Width = width, CustomWidth = true });
        }

        var data = new SheetData();
        data.Append(Row(1, header.Select(h => new XlsxCell(h, null, XlsxStyle.Header)).ToArray(), strings));
        uint index = 2;
        foreach (var row in rows)
        {
            data.Append(Row(index++, row, strings));
        }

        return new Worksheet(views, columns, data);
    }

    private static Row Row(uint index, XlsxCell[] cells, SharedStrings strings)
    {
        var row = new Row { RowIndex = index };
        for (var i = 0; i < cells.Length; i++)
        {
            var cell = cells[i];
            var reference = ColumnName(i) + index.ToString(CultureInfo.InvariantCulture);
            if (cell.Number is { } number)
            {
                row.Append(new Cell { CellReference = reference, StyleIndex = (uint)cell.Style, CellValue = new CellValue(number.ToString("R", CultureInfo.InvariantCulture)), DataType = CellValues.Number });
            }
            else if (cell.Text is { } text)
            {
                row.Append(new Cell { CellReference = reference, StyleIndex = (uint)cell.Style, CellValue = new CellValue(strings.IndexOf(text).ToString(CultureInfo.InvariantCulture)), DataType = CellValues.SharedString });
            }
            else
            {
                row.Append(new Cell { CellReference = reference, StyleIndex = (uint)cell.Style });
            }
        }

        return row;
    }

    /// <summary>A, B, … Z, AA, AB …</summary>
    public static string ColumnName(int index)
    {
        var name = "";
        for (var n = index + 1; n > 0; n = (n - 1) / 26)
        {
            name = (char)('A' + ((n - 1) % 26)) + name;
        }

        return name;
    }

    // The screen's light-theme colours: success #1B5E20 and error #B71C1C with white text, the
    // neutral grey for not applicable, and no fill for no plan.
    private static Stylesheet Stylesheet() => new(
        new Fonts(
            new Font(new FontSize { Val = 11 }, new FontName { Val = "Microsoft JhengHei" }),
            new Font(new Bold(), new FontSize { Val = 11 }, new FontName { Val = "Microsoft JhengHei" }),
            new Font(new Bold(), new Color { Rgb = "FFFFFFFF" }, new FontSize { Val = 11 }, new FontName { Val = "Microsoft JhengHei" }),
            new Font(new Italic(), new Color { Rgb = "FF4A4A4A" }, new FontSize { Val = 11 }, new FontName { Val = "Microsoft JhengHei" })),
        new Fills(
            new Fill(new PatternFill { PatternType = PatternValues.None }),
            new Fill(new PatternFill { PatternType = PatternValues.Gray125 }),
            Solid("FF1B5E20"),
            Solid("FFEEEEEE"),
            Solid("FFB71C1C"),
            Solid("FFDCE6F1")),
        new Borders(new Border()),
        new CellFormats(
            new CellFormat(),
            new CellFormat { FontId = 1, FillId = 5, ApplyFont = true, ApplyFill = true },
            new CellFormat { FontId = 2, FillId = 2, ApplyFont = true, ApplyFill = true, Alignment = new Alignment { Horizontal = HorizontalAlignmentValues.Center }, ApplyAlignment = true },
            new CellFormat { FontId = 0, FillId = 3, ApplyFill = true, Alignment = new Alignment { Horizontal = HorizontalAlignmentValues.Center }, ApplyAlignment = true },
            new CellFormat { FontId = 2, FillId = 4, ApplyFont = true, ApplyFill = true, Alignment = new Alignment { Horizontal = HorizontalAlignmentValues.Center }, ApplyAlignment = true },
            new CellFormat { FontId = 3, FillId = 0, ApplyFont = true },
            new CellFormat { NumberFormatId = 9, ApplyNumberFormat = true }));

    private static Fill Solid(string argb) =>
        new(new PatternFill(new ForegroundColor { Rgb = argb }, new BackgroundColor { Indexed = 64 }) { PatternType = PatternValues.Solid });

    private sealed class SharedStrings
    {
        private readonly Dictionary<string, int> _index = new(StringComparer.Ordinal);

        public SharedStringTable Table { get; } = new();

        public int IndexOf(string text)
        {
            if (!_index.TryGetValue(text, out var i))
            {
                i = _index.Count;
                _index[text] = i;
                Table.AppendChild(new SharedStringItem(new Text(text) { Space = SpaceProcessingModeValues.Preserve }));
            }

            return i;
        }
    }
}

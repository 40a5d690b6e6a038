using System.Globalization;
using System.Text;
using HighServiceDashboard.Domain.Calendar;
using HighServiceDashboard.Domain.PhoneTests;
using MiniExcelLibs;

namespace HighServiceDashboard.Infrastructure.PhoneTests;

/// <summary>One refused row of a spreadsheet (or of an entry): the line, the column, and why (a resource key).</summary>
public sealed record ImportProblem(int Line, string Column, string Message);

/// <summary>
/// The bulk-entry spreadsheet of one year and round: a template (.xlsx, or CSV in UTF-8 with a BOM
/// so that Excel opens the Chinese right) with a column per rubric item, and the reading of a
/// filled one into test entries. The first row holds the column names; each later row is one call.
/// </summary>
public static class PhoneTestSpreadsheet
{
    public const string DateColumn = "日期";
    public const string TimeColumn = "時間";
    public const string AgencyColumn = "機關";
    public const string UnitColumn = "單位";
    public const string NumberColumn = "電話或分機";
    public const string TesterColumn = "測試人員";
    public const string FaultsColumn = "缺失";
    public const string NotesColumn = "備註";

    private static readonly char[] FaultSeparators = ['、', ',', '，', ';', '；', '\n'];

    /// <summary>The column names in their order; an item's is its name and maximum, 總機禮貌（20）.</summary>
    public static IReadOnlyList<string> Columns(PhoneRubric rubric) =>
        [DateColumn, TimeColumn, AgencyColumn, UnitColumn, NumberColumn, TesterColumn, .. rubric.Ordered.Select(ItemColumn), FaultsColumn, NotesColumn];

    public static string ItemColumn(RubricItem item) => string.Create(CultureInfo.InvariantCulture, $"{item.Name}（{item.MaxPoints}）");

    /// <summary>The .xlsx template: the sheet to fill (column names only) and a sheet that says how.</summary>
    public static byte[] TemplateXlsx(PhoneRubric rubric, IEnumerable<PhoneFault> faults)
    {
        var columns = Columns(rubric);
        var header = new Dictionary<string, object?>();
        for (var i = 0; i < columns.Count; i++)
        {
            header[$"C{i}"] = columns[i];
        }

        var help = new List<Dictionary<string, object?>>
        {
            new() { ["A"] = "欄位", ["B"] = "填寫方式" },
            new() { ["A"] = DateColumn, ["B"] = $"民國年/月/日，例如 {rubric.RocYear}/04/12" },
            new() { ["A"] = TimeColumn, ["B"] = "24小時制，例如 14:05" },
            new() { ["A"] = AgencyColumn, ["B"] = "機關全名，例如 高雄市政府財政局" },
            new() { ["A"] = UnitColumn, ["B"] = "受測單位（科室）；只測總機時留空" },
        };
        help.AddRange(rubric.Ordered.Select(i => new Dictionary<string, object?> { ["A"] = ItemColumn(i), ["B"] = string.Create(CultureInfo.InvariantCulture, $"0 到 {i.MaxPoints} 的整數") }));
        help.Add(new() { ["A"] = FaultsColumn, ["B"] = "以頓號分隔，可填：" + string.Join("、", faults.Select(f => f.Name)) });
        using var stream = new MemoryStream();
        stream.SaveAs(new Dictionary<string, object> { ["測試紀錄"] = new[] { header }, ["填寫說明"] = help }, printHeader: false);
        return stream.ToArray();
    }

    /// <summary>The CSV template: the column names, UTF-8 with a BOM.</summary>
    public static byte[] TemplateCsv(PhoneRubric rubric)
    {
        var line = string.Join(",", Columns(rubric).Select(Quote)) + "\r\n";
        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(line)];
    }

    private static string Quote(string cell) => cell.Contains(',') || cell.Contains('"') ? $"\"{cell.Replace("\"", "\"\"")}\"" : cell;

    /// <summary>
    /// Reads a filled spreadsheet (.xlsx or .csv) into entries for the rubric, with the line each came
    /// from, and what could not be read at all (unknown agency or fault, a score that is no number).
    /// Empty rows are skipped. What the rules of a test say is left to its validator.
    /// </summary>
    public static (IReadOnlyList<(int Line, PhoneTestInput Input)> Rows, IReadOnlyList<ImportProblem> Problems) Read(
        byte[] content, string fileName, PhoneRubric rubric, IReadOnlyList<PhoneFault> faults, IReadOnlyDictionary<string, int> agencyIds)
    {
        var problems = new List<ImportProblem>();
        var rows = new List<(int, PhoneTestInput)>();
        List<IDictionary<string, object?>> cells;
        try
        {
            cells = Load(content, fileName);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            return ([], [new ImportProblem(0, "", PhoneImportMessages.Unreadable)]);
        }

        var headers = cells.Count == 0 ? [] : cells[0].Keys.Select(k => k.Trim().TrimStart('\uFEFF')).ToList();
        var missing = Columns(rubric).Where(c => !headers.Contains(c) && c is not UnitColumn and not FaultsColumn and not NotesColumn).ToList();
        if (cells.Count == 0 || missing.Count > 0)
        {
            return ([], missing.Count == 0
                ? [new ImportProblem(1, "", PhoneImportMessages.NoColumns)]
                : missing.Select(c => new ImportProblem(1, c, PhoneImportMessages.ColumnMissing)).ToList());
        }

        var faultByName = faults.SelectMany(f => new[] { (f.Name, f.Code), (f.Code, f.Code) }.Concat(f.NameEn is null ? [] : [(f.NameEn, f.Code)]))
            .DistinctBy(p => p.Item1, StringComparer.OrdinalIgnoreCase).ToDictionary(p => p.Item1, p => p.Item2, StringComparer.OrdinalIgnoreCase);
        for (var index = 0; index < cells.Count; index++)
        {
            var line = index + 2;
            var row = cells[index].ToDictionary(kv => kv.Key.Trim().TrimStart('\uFEFF'), kv => kv.Value);
            if (row.Values.All(v => string.IsNullOrWhiteSpace(Text(v))))
            {
                continue;
            }

            string Cell(string column) => row.TryGetValue(column, out var v) ? Text(v) : "";
            var input = PhoneTestInput.For(rubric);
            input.DateText = DateText(row.GetValueOrDefault(DateColumn));
            input.TimeText = TimeText(row.GetValueOrDefault(TimeColumn));
            var agency = Cell(AgencyColumn);
            if (agency.Length > 0 && agencyIds.TryGetValue(agency, out var agencyId))
            {
                input.AgencyId = agencyId;
            }
            else if (agency.Length > 0)
            {
                problems.Add(new(line, AgencyColumn, PhoneTestMessages.AgencyUnknown));
            }

            input.UnitName = NullIfEmpty(Cell(UnitColumn));
            input.Number = Cell(NumberColumn);
            input.Tester = Cell(TesterColumn);
            input.Notes = NullIfEmpty(Cell(NotesColumn));
            foreach (var (item, score) in rubric.Ordered.Zip(input.Scores))
            {
                var text = Cell(ItemColumn(item));
                if (text.Length == 0)
                {
                    continue;
                }

                if (int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var points))
                {
                    score.Points = points;
                }
                else
                {
                    problems.Add(new(line, ItemColumn(item), PhoneImportMessages.NotANumber));
                }
            }

            foreach (var name in Cell(FaultsColumn).Split(FaultSeparators, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                if (faultByName.TryGetValue(name, out var code))
                {
                    input.FaultCodes.Add(code);
                }
                else
                {
                    problems.Add(new(line, FaultsColumn, PhoneTestMessages.FaultUnknown));
                }
            }

            input.FaultCodes = input.FaultCodes.Distinct().ToList();
            rows.Add((line, input));
        }

        return (rows, problems);
    }

    /// <summary>The column a validator's property stands for, to name it in the report.</summary>
    public static string ColumnOf(string propertyName, PhoneRubric rubric)
    {
        if (propertyName.StartsWith("Scores[", StringComparison.Ordinal)
            && int.TryParse(propertyName.AsSpan(7, propertyName.IndexOf(']') - 7), NumberStyles.None, CultureInfo.InvariantCulture, out var i)
            && rubric.Ordered.ElementAtOrDefault(i) is { } item)
        {
            return ItemColumn(item);
        }

        return propertyName switch
        {
            nameof(PhoneTestInput.AgencyId) => AgencyColumn,
            nameof(PhoneTestInput.DateText) => DateColumn,
            nameof(PhoneTestInput.TimeText) => TimeColumn,
            nameof(PhoneTestInput.UnitName) => UnitColumn,
            nameof(PhoneTestInput.Number) => NumberColumn,
            nameof(PhoneTestInput.Tester) => TesterColumn,
            nameof(PhoneTestInput.Notes) => NotesColumn,
            _ when propertyName.StartsWith(nameof(PhoneTestInput.FaultCodes), StringComparison.Ordinal) => FaultsColumn,
            _ => "",
        };
    }

    private static List<IDictionary<string, object?>> Load(byte[] content, string fileName)
    {
        var csv = fileName.EndsWith(".csv", StringComparison.OrdinalIgnoreCase);
        var bytes = csv && content.AsSpan().StartsWith(Encoding.UTF8.GetPreamble()) ? content[3..] : content;
        using var stream = new MemoryStream(bytes);
        return stream.Query(useHeaderRow: true, excelType: csv ? ExcelType.CSV : ExcelType.XLSX)
            .Cast<IDictionary<string, object?>>()
            .ToList();
    }

    private static string Text(object? value) => value switch
    {
        null => "",
        double d => d.ToString(CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture).Trim(),
        _ => value.ToString()!.Trim(),
    };

    private static string? NullIfEmpty(string text) => text.Length == 0 ? null : text;

    // Excel turns 2024/4/12 into a date of its own; an ROC date stays the text it was typed as.
    private static string DateText(object? value) => value is DateTime d ? RocCalendar.FormatDate(DateOnly.FromDateTime(d)) : Text(value);

    // Excel keeps a typed 14:05 as a fraction of a day.
    private static string TimeText(object? value) => value switch
    {
        DateTime d => d.ToString("HH:mm", CultureInfo.InvariantCulture),
        TimeSpan t => t.ToString(@"hh\:mm", CultureInfo.InvariantCulture),
        double f when f is >= 0 and < 1 => TimeSpan.FromMinutes(Math.Round(f * 24 * 60)).ToString(@"hh\:mm", CultureInfo.InvariantCulture),
        _ => Text(value),
    };
}

/// <summary>Resource keys of what a spreadsheet can be refused for, beyond a test's own rules.</summary>
public static class PhoneImportMessages
{
    public const string Unreadable = "PhoneTests.Import.Unreadable";
    public const string NoColumns = "PhoneTests.Import.NoColumns";
    public const string ColumnMissing = "PhoneTests.Import.ColumnMissing";
    public const string NotANumber = "PhoneTests.Import.NotANumber";
    public const string NoRows = "PhoneTests.Import.NoRows";
    public const string WrongType = "PhoneTests.Import.WrongType";
}

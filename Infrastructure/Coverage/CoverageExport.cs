using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using HighServiceDashboard.Domain.Agencies;
using HighServiceDashboard.Domain.Coverage;
using HighServiceDashboard.Domain.Plans;

namespace HighServiceDashboard.Infrastructure.Coverage;

/// <summary>A year's coverage as the open-data endpoint and the command line give it.</summary>
public sealed record CoverageDocument(
    int RocYear,
    int GregorianYear,
    string FrameworkKey,
    string FrameworkName,
    IReadOnlyList<CoverageDocumentAgency> Agencies,
    IReadOnlyList<CoverageDocumentPillar> Pillars,
    IReadOnlyDictionary<string, SubItemTally> SubItems);

/// <summary>One agency: who it is, its plan's status ("none" without a plan), each sub-item's status and its pillars.</summary>
public sealed record CoverageDocumentAgency(
    int Id,
    string Name,
    string Level,
    string? Parent,
    string PlanStatus,
    double? Share,
    int Covered,
    int NotApplicable,
    int Missing,
    IReadOnlyDictionary<string, CoverageStatus> SubItems,
    IReadOnlyList<CoverageDocumentPillar> Pillars);

/// <summary>A pillar's counts (of one agency, or summed over every agency with a plan).</summary>
public sealed record CoverageDocumentPillar(string Code, string Title, int SubItems, int Covered, int NotApplicable, int Missing, double? Share);

/// <summary>
/// The coverage exports: JSON for the open-data endpoint and the command line, CSV (UTF-8 with a
/// BOM, so that Excel in Taiwan reads it right) and .xlsx with the screen's colours. The words in
/// the files are the zh-TW ones the commission reads; years are ROC years.
/// </summary>
public static class CoverageExport
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        WriteIndented = true,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    public static CoverageDocument ToDocument(CoverageMatrix matrix) => new(
        matrix.RocYear,
        matrix.RocYear + 1911,
        matrix.Framework.Key,
        matrix.Framework.Name,
        matrix.Rows.Select(r => new CoverageDocumentAgency(
            r.AgencyId, r.Name, r.Level.ToString(), r.ParentName, r.PlanStatus?.ToString() ?? "none",
            Round(r.Coverage.Total.Share), r.Coverage.Total.Covered, r.Coverage.Total.NotApplicable, r.Coverage.Total.Missing,
            matrix.Framework.SubItems.ToDictionary(s => s.Code, s => r.StatusOf(s.Code), StringComparer.Ordinal),
            r.Coverage.Pillars.Select(p => Pillar(p.Code, p.Title, p.Count)).ToList())).ToList(),
        matrix.Framework.Pillars.Select(p => Pillar(p.Code, p.Title, CoverageMatrix.PillarTotal(matrix.Rows, p.Code))).ToList(),
        matrix.Columns);

    public static string ToJson(CoverageMatrix matrix) => JsonSerializer.Serialize(ToDocument(matrix), Json);

    private static CoverageDocumentPillar Pillar(string code, string title, CoverageCount c) =>
        new(code, title, c.SubItems, c.Covered, c.NotApplicable, c.Missing, Round(c.Share));

    private static double? Round(double? share) => share is { } s ? Math.Round(s, 4) : null;

    public static string StatusText(CoverageStatus status) => status switch
    {
        CoverageStatus.Covered => "已涵蓋",
        CoverageStatus.NotApplicable => "不適用",
        CoverageStatus.Missing => "缺漏",
        _ => "尚無計畫",
    };

    public static string LevelText(AgencyLevel level) => level switch
    {
        AgencyLevel.FirstLevel => "一級機關",
        AgencyLevel.SecondLevel => "二級機關",
        _ => "市府",
    };

    public static string PlanStatusText(PlanStatus? status) => status switch
    {
        PlanStatus.Draft => "草稿",
        PlanStatus.Submitted => "已送審",
        PlanStatus.Returned => "已退回",
        PlanStatus.Approved => "已核定",
        _ => "尚無計畫",
    };

    private static string ShareText(CoverageCount count) =>
        !count.HasPlan ? "" : count.Share is { } s ? s.ToString("0.0%", CultureInfo.InvariantCulture) : "皆不適用";

    private static IReadOnlyList<string> HeatmapHeader(CoverageMatrix matrix) =>
        ["機關", "層級", "上級機關", "計畫狀態", .. matrix.Framework.SubItems.Select(s => s.Code), "涵蓋率", "已涵蓋", "不適用", "缺漏"];

    /// <summary>The heatmap as CSV: one row per agency, the sub-items' statuses in words, UTF-8 with a BOM.</summary>
    public static byte[] ToCsv(CoverageMatrix matrix)
    {
        var text = new StringBuilder();
        AppendCsv(text, HeatmapHeader(matrix));
        foreach (var r in matrix.Rows)
        {
            var t = r.Coverage.Total;
            AppendCsv(text,
            [
                r.Name, LevelText(r.Level), r.ParentName ?? "", PlanStatusText(r.PlanStatus),
                .. matrix.Framework.SubItems.Select(s => StatusText(r.StatusOf(s.Code))),
                ShareText(t), Count(r, t.Covered), Count(r, t.NotApplicable), Count(r, t.Missing),
            ]);
        }

        var encoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: true);
        return [.. encoding.GetPreamble(), .. encoding.GetBytes(text.ToString())];
    }

    private static string Count(CoverageRow row, int n) => row.HasPlan ? n.ToString(CultureInfo.InvariantCulture) : "";

    private static void AppendCsv(StringBuilder text, IEnumerable<string> fields)
    {
        text.AppendJoin(',', fields.Select(f => f.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? $"\"{f.Replace("\"", "\"\"", StringComparison.Ordinal)}\"" : f));
        text.Append("\r\n");
    }

    private static XlsxStyle StyleOf(CoverageStatus status) => status switch
    {
        CoverageStatus.Covered => XlsxStyle.Covered,
        CoverageStatus.NotApplicable => XlsxStyle.NotApplicable,
        CoverageStatus.Missing => XlsxStyle.Missing,
        _ => XlsxStyle.NoPlan,
    };

    private static XlsxCell ShareCell(CoverageCount count) =>
        count.HasPlan && count.Share is { } s ? XlsxCell.Of(Math.Round(s, 4), XlsxStyle.Percent) : new XlsxCell(count.HasPlan ? "皆不適用" : "尚無計畫", null, XlsxStyle.NoPlan);

    private static XlsxCell CountCell(CoverageRow row, int n) => row.HasPlan ? XlsxCell.Of(n) : new XlsxCell(null, null);

    /// <summary>
    /// The year's workbook: the heatmap (one row per agency, statuses coloured as on screen), each
    /// agency's pillar shares, and each sub-item's tally over the agencies.
    /// </summary>
    public static byte[] ToXlsx(CoverageMatrix matrix)
    {
        var year = $"民國{matrix.RocYear}年";
        var subItems = matrix.Framework.SubItems.ToList();
        var heatmap = matrix.Rows.Select(r => (XlsxCell[])
        [
            r.Name, LevelText(r.Level), r.ParentName ?? "", PlanStatusText(r.PlanStatus),
            .. subItems.Select(s => new XlsxCell(StatusText(r.StatusOf(s.Code)), null, StyleOf(r.StatusOf(s.Code)))),
            ShareCell(r.Coverage.Total), CountCell(r, r.Coverage.Total.Covered), CountCell(r, r.Coverage.Total.NotApplicable), CountCell(r, r.Coverage.Total.Missing),
        ]);
        var pillars = matrix.Rows.Select(r => (XlsxCell[])[r.Name, PlanStatusText(r.PlanStatus), .. r.Coverage.Pillars.Select(p => ShareCell(p.Count)), ShareCell(r.Coverage.Total)]);
        var columns = matrix.Columns;
        var tallies = subItems.Select(s => (XlsxCell[])
        [
            s.Code, s.Text, XlsxCell.Of(columns[s.Code].Covered), XlsxCell.Of(columns[s.Code].NotApplicable), XlsxCell.Of(columns[s.Code].Missing), XlsxCell.Of(columns[s.Code].NoPlan),
        ]);

        return new XlsxBook()
            .AddSheet($"{year}涵蓋熱圖", HeatmapHeader(matrix), heatmap, [34, 10, 26, 10, .. subItems.Select(_ => 8.0), 10, 8])
            .AddSheet($"{year}各執行要項", ["機關", "計畫狀態", .. matrix.Framework.Pillars.Select(p => $"要項{p.Code}"), "整體"], pillars, 34, 10, 10)
            .AddSheet($"{year}子項目統計", ["子項目", "內容", "已涵蓋機關數", "不適用", "缺漏", "尚無計畫"], tallies, 8, 60, 12)
            .ToBytes();
    }

    /// <summary>One agency's workbook: its pillars, its sub-items with focus points, units and reasons, and its subordinates.</summary>
    public static byte[] ToXlsx(AgencyCoverageDetail detail)
    {
        var year = $"民國{detail.RocYear}年";
        var pillars = detail.Agency.Coverage.Pillars.Select(p => (XlsxCell[])
        [
            $"要項{p.Code}", p.Title, ShareCell(p.Count), XlsxCell.Of(p.Count.Covered), XlsxCell.Of(p.Count.NotApplicable), XlsxCell.Of(p.Count.Missing),
        ]);
        var subItems = detail.SubItems.Select(s => (XlsxCell[])
        [
            s.SubItem.Code, s.SubItem.Text, new XlsxCell(StatusText(s.Status), null, StyleOf(s.Status)),
            string.Join("\n", s.FocusPoints.Select((p, i) => $"{i + 1}. {p.Title}")),
            string.Join("\n", s.FocusPoints.Select(p => p.AllUnits && p.Units.Count == 0 ? "各單位" : string.Join("、", p.Units))),
            s.NotApplicableReason ?? "",
        ]);
        var subordinates = detail.Subordinates.Select(r => (XlsxCell[])[r.Name, PlanStatusText(r.PlanStatus), ShareCell(r.Coverage.Total)]);

        return new XlsxBook()
            .AddSheet($"{year}各執行要項", ["執行要項", "內容", "涵蓋率", "已涵蓋", "不適用", "缺漏"], pillars, 10, 50, 10, 8)
            .AddSheet($"{year}子項目", ["子項目", "內容", "涵蓋情形", "執行重點", "執行單位", "不適用理由"], subItems, 8, 50, 10, 50, 24, 40)
            .AddSheet($"{year}所屬機關", ["機關", "計畫狀態", "涵蓋率"], subordinates, 34, 10, 10)
            .ToBytes();
    }
}

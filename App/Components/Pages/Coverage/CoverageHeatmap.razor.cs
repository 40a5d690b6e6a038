using HighServiceDashboard.App.Components.Pages.Coverage.Components;
using HighServiceDashboard.App.State;
using HighServiceDashboard.Domain.Agencies;
using HighServiceDashboard.Domain.Calendar;
using HighServiceDashboard.Domain.Coverage;
using HighServiceDashboard.Infrastructure.Coverage;
using Microsoft.AspNetCore.Components;
using Microsoft.JSInterop;
using MudBlazor;

namespace HighServiceDashboard.App.Components.Pages.Coverage;

/// <summary>How the heatmap's rows are ordered.</summary>
public enum HeatmapSort
{
    Tree,
    CoverageAscending,
    CoverageDescending,
    Name,
}

/// <summary>
/// The city-wide heatmap of a year: agencies by sub-items, filtered and sorted in the circuit; a
/// cell opens the focus points behind it in a dialog, and the focus returns to the cell after.
/// </summary>
public partial class CoverageHeatmap
{
    internal const string NoPlanFilter = "none";

    [Inject]
    private CoverageService Coverage { get; set; } = default!;

    [Inject]
    private IDialogService Dialogs { get; set; } = default!;

    [Inject]
    private IJSRuntime JS { get; set; } = default!;

    private CoverageMatrix? _matrix;
    private List<CoverageRow> _visible = [];
    private List<CoverageRow> _parents = [];
    private int _subItemCount;
    private string _search = "";
    private AgencyLevel? _level;
    private int? _parentId;
    private string _planStatus = "";
    private bool _onlyGaps;
    private HeatmapSort _sort = HeatmapSort.Tree;

    private string YearText => RocCalendar.FormatYear(Year.RocYear, System.Globalization.CultureInfo.CurrentUICulture);

    private string FrameworkName => _matrix is null ? "" : Culture.IsEnglish ? _matrix.Framework.NameEn : _matrix.Framework.Name;

    protected override async Task LoadYearAsync(int rocYear)
    {
        _matrix = await Coverage.GetMatrixAsync(rocYear);
        _subItemCount = _matrix.Framework.SubItems.Count();
        var withSubordinates = _matrix.Rows.Where(r => r.ParentId is not null).Select(r => r.ParentId!.Value).ToHashSet();
        _parents = _matrix.Rows.Where(r => r.Level == AgencyLevel.FirstLevel && withSubordinates.Contains(r.AgencyId)).ToList();
        Apply();
    }

    private void SearchChanged(string value) { _search = value ?? ""; Apply(); }

    private void LevelChanged(AgencyLevel? value) { _level = value; Apply(); }

    private void ParentChanged(int? value) { _parentId = value; Apply(); }

    private void PlanStatusChanged(string value) { _planStatus = value ?? ""; Apply(); }

    private void OnlyGapsChanged(bool value) { _onlyGaps = value; Apply(); }

    private void SortChanged(HeatmapSort value) { _sort = value; Apply(); }

    private void Apply() => _visible = _matrix is null ? [] : Filter(_matrix.Rows, new HeatmapFilter(_search, _level, _parentId, _planStatus, _onlyGaps, _sort), Culture.IsEnglish);

    /// <summary>The rows the filters leave, in the chosen order. A parent agency filter keeps the parent and its subordinates.</summary>
    internal static List<CoverageRow> Filter(IEnumerable<CoverageRow> rows, HeatmapFilter filter, bool english)
    {
        var query = rows;
        if (!string.IsNullOrWhiteSpace(filter.Search))
        {
            var text = filter.Search.Trim();
            query = query.Where(r => r.Name.Contains(text, StringComparison.OrdinalIgnoreCase)
                || (r.NameEn?.Contains(text, StringComparison.OrdinalIgnoreCase) ?? false));
        }

        if (filter.Level is { } level)
        {
            query = query.Where(r => r.Level == level);
        }

        if (filter.ParentId is { } parent)
        {
            query = query.Where(r => r.AgencyId == parent || r.ParentId == parent);
        }

        if (filter.PlanStatus == NoPlanFilter)
        {
            query = query.Where(r => !r.HasPlan);
        }
        else if (Enum.TryParse<Domain.Plans.PlanStatus>(filter.PlanStatus, out var status))
        {
            query = query.Where(r => r.PlanStatus == status);
        }

        if (filter.OnlyGaps)
        {
            query = query.Where(r => r.Coverage.Total.HasGaps);
        }

        // Without a plan sorts below 0%: it is the widest gap.
        query = filter.Sort switch
        {
            HeatmapSort.CoverageAscending => query.OrderBy(r => r.Coverage.Total.Share ?? (r.HasPlan ? 2 : -1)),
            HeatmapSort.CoverageDescending => query.OrderByDescending(r => r.Coverage.Total.Share ?? (r.HasPlan ? 2 : -1)),
            HeatmapSort.Name => query.OrderBy(r => r.DisplayName(english), StringComparer.Create(System.Globalization.CultureInfo.CurrentCulture, false)),
            _ => query,
        };
        return query.ToList();
    }

    private string CellLabel(CoverageRow row, string code, CoverageStatus status)
    {
        var points = row.PointsFor(code);
        return points > 0
            ? L["Coverage.CellLabelPoints", row.DisplayName(Culture.IsEnglish), code, CoverageLabels.Text(L, status), points]
            : L["Coverage.CellLabel", row.DisplayName(Culture.IsEnglish), code, CoverageLabels.Text(L, status)];
    }

    private string RowTotal(CoverageRow row) =>
        row.HasPlan
            ? $"{CoverageLabels.Share(L, row.Coverage.Total)}（{row.Coverage.Total.Covered}/{row.Coverage.Total.Applicable}）"
            : "—";

    private async Task OpenCellAsync(CoverageRow row, string code)
    {
        var parameters = new DialogParameters<CoverageCellDialog>
        {
            { d => d.RocYear, Year.RocYear },
            { d => d.AgencyId, row.AgencyId },
            { d => d.SubItemCode, code },
            { d => d.Title, $"{row.DisplayName(Culture.IsEnglish)}｜{code}" },
        };
        var dialog = await Dialogs.ShowAsync<CoverageCellDialog>(L["Coverage.CellDialog"], parameters,
            new DialogOptions { CloseOnEscapeKey = true, CloseButton = true, MaxWidth = MaxWidth.Medium, FullWidth = true });
        await dialog.Result;
        // Back to the cell the dialog came from, not to the top of the page.
        await using var module = await JS.InvokeAsync<IJSObjectReference>("import", "./js/a11y.js");
        await module.InvokeVoidAsync("focusFirst", $"[data-cell=\"{row.AgencyId}-{code}\"]");
    }
}

/// <summary>What the heatmap's filters ask for.</summary>
internal sealed record HeatmapFilter(string Search, AgencyLevel? Level, int? ParentId, string PlanStatus, bool OnlyGaps, HeatmapSort Sort);

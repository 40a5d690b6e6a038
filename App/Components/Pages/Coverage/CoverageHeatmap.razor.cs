using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Unicode;
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
public partial class CoverageHeatmap : IAsyncDisposable
{
    private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All);
    private readonly Dictionary<int, MarkupString> _cells = [];
    private DotNetObjectReference<CoverageHeatmap>? _self;
    private IJSObjectReference? _module;

    internal const string NoPlanFilter = "none";

    [Inject]
    private CoverageService Coverage { get; set; } = default!;

    [Inject]
    private PageAccess Access { get; set; } = default!;

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
    private int _pageSize = DefaultPageSize;
    private int _page = 1;

    /// <summary>Rows per page unless the person asks for more: a city of 400 agencies is four pages.</summary>
    internal const int DefaultPageSize = 100;

    /// <summary>0: every row on one page.</summary>
    internal static readonly int[] PageSizes = [50, 100, 200, 0];

    [SupplyParameterFromQuery(Name = "rows")]
    public string? QueryRows { get; set; }

    private IEnumerable<CoverageRow> PageRows => _pageSize == 0 ? _visible : _visible.Skip((_page - 1) * _pageSize).Take(_pageSize);

    private int PageCount => _pageSize == 0 ? 1 : Math.Max(1, (_visible.Count + _pageSize - 1) / _pageSize);

    private void PageSizeChanged(int value) { _pageSize = value; _page = 1; }

    private void PageChanged(int value) => _page = value;

    private string YearText => RocCalendar.FormatYear(Year.RocYear, System.Globalization.CultureInfo.CurrentUICulture);

    private string FrameworkName => _matrix is null ? "" : Culture.IsEnglish ? _matrix.Framework.NameEn : _matrix.Framework.Name;

    protected override async Task LoadYearAsync(int rocYear)
    {
        // The commission sees the city; heads and coordinators their agency and its subordinates; staff their agency.
        var matrix = await Coverage.GetMatrixAsync(rocYear);
        var readable = await Access.ReadableAsync();
        _matrix = readable is null ? matrix : matrix with { Rows = matrix.Rows.Where(r => readable.Contains(r.AgencyId)).ToList() };
        _cells.Clear();
        if (QueryRows == "all")
        {
            _pageSize = 0;
        }
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

    private void Apply()
    {
        _page = 1;
        _visible = _matrix is null ? [] : Filter(_matrix.Rows, new HeatmapFilter(_search, _level, _parentId, _planStatus, _onlyGaps, _sort), Culture.IsEnglish);
    }

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

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (firstRender)
        {
            _self = DotNetObjectReference.Create(this);
            _module = await JS.InvokeAsync<IJSObjectReference>("import", "./js/coverage.js");
            await _module.InvokeVoidAsync("register", _self);
        }
    }

    /// <summary>A cell pressed in the browser (coverage.js): open the focus points behind it.</summary>
    [JSInvokable]
    public Task OpenCell(int agencyId, string code) =>
        _matrix?.Rows.FirstOrDefault(r => r.AgencyId == agencyId) is { } row && _matrix.Framework.FindSubItem(code) is not null
            ? OpenCellAsync(row, code)
            : Task.CompletedTask;

    /// <summary>
    /// A row's status cells as one piece of markup, written once per load: each cell a button with
    /// its symbol, colour class and a label in words; an agency without a plan one cell saying so.
    /// </summary>
    private MarkupString CellsOf(CoverageRow row)
    {
        if (_cells.TryGetValue(row.AgencyId, out var cached))
        {
            return cached;
        }

        var html = new StringBuilder(row.HasPlan ? 4096 : 160);
        if (!row.HasPlan)
        {
            html.Append(CultureInfo.InvariantCulture, $"<td colspan=\"{_subItemCount}\" class=\"cov-noplan-row\" data-status=\"noplan\">")
                .Append(CoverageLabels.Symbol(CoverageStatus.NoPlan)).Append(' ').Append(Encoder.Encode(L["Coverage.NoPlanForYearShort"])).Append("</td>");
        }
        else
        {
            foreach (var subItem in _matrix!.Framework.SubItems)
            {
                var status = row.StatusOf(subItem.Code);
                var css = CoverageLabels.CssName(status);
                var code = Encoder.Encode(subItem.Code);
                html.Append(CultureInfo.InvariantCulture, $"<td class=\"cov-cell cov-cell--{css}\"><button class=\"cov-cell__button\" data-agency=\"{row.AgencyId}\" data-code=\"{code}\" aria-label=\"")
                    .Append(Encoder.Encode(CellLabel(row, subItem.Code, status))).Append("\">").Append(CoverageLabels.Symbol(status)).Append("</button></td>");
            }
        }

        var markup = new MarkupString(html.ToString());
        _cells[row.AgencyId] = markup;
        return markup;
    }

    public async ValueTask DisposeAsync()
    {
        if (_module is not null)
        {
            try
            {
                await _module.InvokeVoidAsync("unregister", _self);
                await _module.DisposeAsync();
            }
            catch (JSDisconnectedException)
            {
                // The circuit is gone: nothing left to unregister in the browser.
            }
        }

        _self?.Dispose();
        // Blazor calls only DisposeAsync when a component has both: the year subscription goes here too.
        Dispose();
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
        await module.InvokeVoidAsync("focusFirst", $"button[data-agency=\"{row.AgencyId}\"][data-code=\"{code}\"]");
    }
}

/// <summary>What the heatmap's filters ask for.</summary>
internal sealed record HeatmapFilter(string Search, AgencyLevel? Level, int? ParentId, string PlanStatus, bool OnlyGaps, HeatmapSort Sort);

using HighServiceDashboard.App.Components.Shared;
using HighServiceDashboard.App.State;
using HighServiceDashboard.Domain.Agencies;
using HighServiceDashboard.Infrastructure.Agencies;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace HighServiceDashboard.App.Components.Pages.Agencies;

/// <summary>The agency tree with each agency's units and subordinates; the commission edits it here.</summary>
public partial class AgencyTreePage : YearBoundComponent
{
    [Parameter]
    public int? Id { get; set; }

    [Inject]
    private AgencyDirectory Directory { get; set; } = default!;

    private IReadOnlyList<AgencyNode> _nodes = [];
    private List<TreeItemData<int>> _tree = [];
    private AgencyDetail? _detail;
    private bool _showRetired;
    private string _search = "";

    protected override async Task LoadAsync(int rocYear)
    {
        _nodes = await Directory.GetTreeAsync(_showRetired);
        _detail = Id is { } id ? await Directory.GetAsync(id) : null;
        BuildTree();
    }

    private async Task ReloadAsync() => await LoadAsync(Year.RocYear);

    private async Task ToggleRetiredAsync(bool value)
    {
        _showRetired = value;
        await ReloadAsync();
    }

    private void BuildTree()
    {
        var byParent = _nodes.ToLookup(n => n.ParentId);
        var search = _search.Trim();
        var selectedPath = PathTo(Id);

        List<TreeItemData<int>> Children(int? parentId) => byParent[parentId]
            .Select(n =>
            {
                var children = Children(n.Id);
                var matches = search.Length == 0 || n.Name.Contains(search, StringComparison.OrdinalIgnoreCase)
                    || (n.NameEn?.Contains(search, StringComparison.OrdinalIgnoreCase) ?? false);
                return (node: n, children, keep: matches || children.Count > 0);
            })
            .Where(x => x.keep)
            .Select(x => new TreeItemData<int>
            {
                Value = x.node.Id,
                Text = Label(x.node),
                Icon = Icon(x.node),
                Children = x.children.Count > 0 ? x.children : null,
                Expandable = x.children.Count > 0,
                Expanded = x.node.Level == AgencyLevel.City || (search.Length > 0 && x.children.Count > 0) || selectedPath.Contains(x.node.Id),
            })
            .ToList();

        _tree = Children(null);
    }

    private HashSet<int> PathTo(int? id)
    {
        var byId = _nodes.ToDictionary(n => n.Id);
        var path = new HashSet<int>();
        for (var current = id; current is { } c && byId.TryGetValue(c, out var node); current = node.ParentId)
        {
            path.Add(c);
        }

        return path;
    }

    private string Label(AgencyNode node)
    {
        var name = Display(node.Name, node.NameEn);
        return node.RetiredOn is null ? name : $"{name}（{L["Agencies.Retired"]}）";
    }

    private static string Icon(AgencyNode node) => node.Kind switch
    {
        AgencyKind.City => Icons.Material.Filled.AccountBalance,
        AgencyKind.DistrictOffice => Icons.Material.Filled.HolidayVillage,
        _ when node.Level == AgencyLevel.SecondLevel => Icons.Material.Outlined.Business,
        _ => Icons.Material.Filled.Apartment,
    };

    private static string Display(string name, string? nameEn) => Culture.IsEnglish && !string.IsNullOrWhiteSpace(nameEn) ? nameEn : name;
}

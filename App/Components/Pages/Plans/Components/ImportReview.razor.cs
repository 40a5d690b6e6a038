using HighServiceDashboard.App.State;
using HighServiceDashboard.Domain.Plans;
using HighServiceDashboard.Infrastructure.Agencies;
using HighServiceDashboard.Infrastructure.Plans;
using Microsoft.AspNetCore.Components;

namespace HighServiceDashboard.App.Components.Pages.Plans.Components;

/// <summary>The person's corrections to a reading, made on the draft content before it is stored.</summary>
public partial class ImportReview
{
    private static int _counter;
    private readonly int _id = Interlocked.Increment(ref _counter);
    private IReadOnlySet<string> _knownUnits = new HashSet<string>();

    [Parameter, EditorRequired]
    public ImportItem Item { get; set; } = default!;

    /// <summary>The agency the plan is for, when known: its units decide which names are new.</summary>
    [Parameter]
    public int? AgencyId { get; set; }

    [Parameter]
    public EventCallback OnChanged { get; set; }

    [Inject]
    private AgencyDirectory Directory { get; set; } = default!;

    [Inject]
    private AgencyAdminService Admin { get; set; } = default!;

    [Inject]
    private CurrentUser User { get; set; } = default!;

    private sealed record SubItemOption(string Code, string Label);

    private sealed record SourceLine(string Number, string Text);

    protected override async Task OnParametersSetAsync() => await LoadUnitsAsync();

    private async Task LoadUnitsAsync()
    {
        var detail = AgencyId is { } id ? await Directory.GetAsync(id) : null;
        _knownUnits = detail?.Units.Select(u => UnitNames.Normalize(u.Name)).ToHashSet() ?? [];
    }

    private IEnumerable<SourceLine> SourceLines => (Item.Preview?.SourceText ?? "")
        .Split('\n', StringSplitOptions.RemoveEmptyEntries)
        .Select(l => l.Split('\t', 2))
        .Select(parts => new SourceLine(parts[0].PadLeft(4), parts.Length > 1 ? "  " + parts[1] : ""));

    private IReadOnlyList<SubItemOption> SubItemOptions
    {
        get
        {
            var framework = Item.Preview?.Reading?.Framework;
            if (framework is null)
            {
                return [];
            }

            var options = new List<SubItemOption>();
            if (framework.Preamble is { } preamble)
            {
                options.Add(new SubItemOption(preamble.Code, $"{L["Frameworks.Preamble"]} {Short(preamble.Title)}"));
            }

            options.AddRange(framework.SubItems.Select(s => new SubItemOption(s.Code, $"{s.Code} {Short(s.Text)}")));
            return options;
        }
    }

    /// <summary>Points in the framework's order, so each sits where the agency's table would put it.</summary>
    private IEnumerable<(FocusPointInput Point, int Index)> OrderedPoints
    {
        get
        {
            var order = SubItemOptions.Select((o, i) => (o.Code, i)).ToDictionary(x => x.Code, x => x.i);
            return Item.Draft!.FocusPoints.Select((p, i) => (p, i)).OrderBy(x => order.GetValueOrDefault(x.p.SubItemCode, int.MaxValue)).ThenBy(x => x.i);
        }
    }

    private IReadOnlyList<string> NewUnitNames => Item.Draft!.FocusPoints
        .SelectMany(p => p.UnitNames)
        .Where(n => !UnitNames.IsEveryUnit(n) && !_knownUnits.Contains(UnitNames.Normalize(n)))
        .Distinct()
        .ToList();

    private static string Short(string text) => text.Length <= 18 ? text : text[..18] + "…";

    private async Task Move(FocusPointInput point, string code)
    {
        point.SubItemCode = code;
        // Whoever chose the sub-item by hand has decided: it is no longer the reader's guess.
        point.IsGuess = false;
        // A sub-item with a focus point is covered; a declaration beside it would contradict it.
        Item.Draft!.NotApplicable.RemoveAll(d => d.SubItemCode == code);
        await OnChanged.InvokeAsync();
    }

    private async Task Confirm(FocusPointInput point)
    {
        point.IsGuess = false;
        await OnChanged.InvokeAsync();
    }

    private async Task Drop(NotApplicableInput declaration)
    {
        Item.Draft!.NotApplicable.Remove(declaration);
        await OnChanged.InvokeAsync();
    }

    private async Task Place((string Text, int? Line) unplaced, string code)
    {
        var draft = Item.Draft!;
        draft.Unplaced.Remove(unplaced);
        draft.NotApplicable.RemoveAll(d => d.SubItemCode == code);
        draft.FocusPoints.Add(new FocusPointInput
        {
            SubItemCode = code,
            Title = Short(unplaced.Text),
            Description = unplaced.Text,
            SourceLine = unplaced.Line,
        });
        await OnChanged.InvokeAsync();
    }

    private async Task CreateUnitAsync(string name)
    {
        var result = await Admin.AddUnitAsync(await User.GetAsync(), new Domain.Agencies.NewUnitInput { AgencyId = AgencyId!.Value, Name = UnitNames.Normalize(name) });
        if (result.Succeeded)
        {
            await LoadUnitsAsync();
            await OnChanged.InvokeAsync();
        }
    }
}

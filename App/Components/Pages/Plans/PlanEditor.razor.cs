using HighServiceDashboard.App.State;
using HighServiceDashboard.App.Components.Pages.Plans.Components;
using HighServiceDashboard.Domain.Plans;
using HighServiceDashboard.Infrastructure.Plans;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace HighServiceDashboard.App.Components.Pages.Plans;

/// <summary>Adds, moves, rewords and removes a draft plan's focus points and declarations.</summary>
public partial class PlanEditor
{
    [Parameter]
    public int Id { get; set; }

    [Inject]
    private PlanQueries Plans { get; set; } = default!;

    [Inject]
    private PlanService PlanCommands { get; set; } = default!;

    [Inject]
    private NavigationManager Navigation { get; set; } = default!;

    [Inject]
    private ISnackbar Snackbar { get; set; } = default!;

    [Inject]
    private PageAccess Access { get; set; } = default!;

    private PlanView? _plan;
    private PlanEditRight _right = PlanEditRight.Whole;
    private readonly HashSet<FocusPointInput> _ownPoints = [];
    private PlanContentInput? _content;
    private IReadOnlyList<string> _errors = [];
    private bool _loaded;

    internal sealed record Section(string Code, string Text);

    private IEnumerable<Section> Sections
    {
        get
        {
            var framework = _plan!.Framework;
            if (framework.Preamble is { } preamble)
            {
                yield return new Section(preamble.Code, preamble.Title);
            }

            foreach (var sub in framework.SubItems)
            {
                yield return new Section(sub.Code, sub.Text);
            }
        }
    }

    private IReadOnlyList<SubItemChoice> SubItemOptions =>
        Sections.Select(s => new SubItemChoice(s.Code, s.Code == "0" ? $"{L["Frameworks.Preamble"]} {Short(s.Text)}" : $"{s.Code} {Short(s.Text)}")).ToList();

    protected override Task OnParametersSetAsync() => ReloadAsync();

    private async Task ReloadAsync()
    {
        var plan = await Plans.GetAsync(Id);
        if (plan is not null)
        {
            if (await Access.PlanEditRightAsync(plan.AgencyId) is not { } right)
            {
                // The agency's head, coordinator, its unit staff or an administrator edit its plan; others do not learn it exists.
                Navigation.NotFound();
                return;
            }

            _right = right;
        }

        _plan = plan;
        _content = _plan?.ToContent();
        _ownPoints.Clear();
        if (_content is not null && _right.IsUnitOnly)
        {
            _ownPoints.UnionWith(_content.FocusPoints.Where(NamesOwnUnit));
        }

        _errors = [];
        _loaded = true;
    }

    private static string Short(string text) => text.Length <= 18 ? text : text[..18] + "…";

    private IEnumerable<string> ReasonRule(string reason) =>
        string.IsNullOrWhiteSpace(reason) ? [L[PlanMessages.ReasonRequired]] : [];

    /// <summary>
    /// Whether this person changes the point: everyone who edits the whole plan; staff the points
    /// that named their unit when the page opened and the points they add (the server checks again).
    /// </summary>
    private bool MayChange(FocusPointInput point) => !_right.IsUnitOnly || _ownPoints.Contains(point);

    private bool NamesOwnUnit(FocusPointInput point) =>
        UnitPlanEdits.NamesUnit(point, n => UnitNames.Normalize(n) == UnitNames.Normalize(_right.UnitName!));

    private void Add(string code)
    {
        _content!.NotApplicable.RemoveAll(d => d.SubItemCode == code);
        // Staff add points for their own unit; it is named from the start.
        var point = new FocusPointInput { SubItemCode = code, UnitNames = _right.IsUnitOnly ? [_right.UnitName!] : [] };
        _content.FocusPoints.Add(point);
        _ownPoints.Add(point);
    }

    private void Declare(string code) => _content!.NotApplicable.Add(new NotApplicableInput { SubItemCode = code });

    private void Remove(FocusPointInput point) => _content!.FocusPoints.Remove(point);

    private void Place((string Text, int? Line) unplaced, string code)
    {
        _content!.Unplaced.Remove(unplaced);
        _content.NotApplicable.RemoveAll(d => d.SubItemCode == code);
        _content.FocusPoints.Add(new FocusPointInput { SubItemCode = code, Title = Short(unplaced.Text), Description = unplaced.Text, SourceLine = unplaced.Line });
    }

    private async Task SaveAsync()
    {
        if (await Access.PlanEditRightAsync(_plan!.AgencyId) is not { } right)
        {
            _errors = [PlanMessages.Forbidden];
            return;
        }

        var result = await PlanCommands.SaveContentAsync(_plan.Id, _plan.Version, _content!, right.OnlyUnitId);
        _errors = result.Errors;
        if (result.Succeeded)
        {
            Snackbar.Add(L["Editor.Saved"], Severity.Success);
            Navigation.NavigateTo($"plans/{_plan.Id}");
        }
    }
}

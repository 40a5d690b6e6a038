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
        if (plan is not null && !await Access.CanEditAsync(plan.AgencyId))
        {
            // Only the agency's head, coordinator or an administrator edits its plan; others do not learn it exists.
            Navigation.NotFound();
            return;
        }

        _plan = plan;
        _content = _plan is null ? null : ToContent(_plan);
        _errors = [];
        _loaded = true;
    }

    private static PlanContentInput ToContent(PlanView plan) => new()
    {
        Title = plan.Title,
        FocusPoints = plan.FocusPoints.Select(p => new FocusPointInput
        {
            Id = p.Id,
            SubItemCode = p.SubItemCode,
            Title = p.Title,
            Description = p.Description,
            AllUnits = p.AllUnits,
            UnitNames = p.Units.Select(u => u.Name).ToList(),
            Cadences = p.Cadences.ToList(),
            IsGuess = p.IsGuess,
            GuessReason = p.GuessReason,
            SourceLine = p.SourceLine,
        }).ToList(),
        NotApplicable = plan.NotApplicable.Select(n => new NotApplicableInput { SubItemCode = n.SubItemCode, Reason = n.Reason, SourceLine = n.SourceLine }).ToList(),
        Unplaced = plan.Unplaced.Select(u => (u.Text, u.SourceLine)).ToList(),
    };

    private static string Short(string text) => text.Length <= 18 ? text : text[..18] + "…";

    private IEnumerable<string> ReasonRule(string reason) =>
        string.IsNullOrWhiteSpace(reason) ? [L[PlanMessages.ReasonRequired]] : [];

    private void Add(string code)
    {
        _content!.NotApplicable.RemoveAll(d => d.SubItemCode == code);
        _content.FocusPoints.Add(new FocusPointInput { SubItemCode = code });
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
        if (!await Access.CanEditAsync(_plan!.AgencyId))
        {
            _errors = [PlanMessages.Forbidden];
            return;
        }

        var result = await PlanCommands.SaveContentAsync(_plan!.Id, _plan.Version, _content!);
        _errors = result.Errors;
        if (result.Succeeded)
        {
            Snackbar.Add(L["Editor.Saved"], Severity.Success);
            Navigation.NavigateTo($"plans/{_plan.Id}");
        }
    }
}

using HighServiceDashboard.App.State;
using HighServiceDashboard.Domain.Plans;
using HighServiceDashboard.Domain.Plans.Reading;
using HighServiceDashboard.Infrastructure.Agencies;
using HighServiceDashboard.Infrastructure.Plans;
using Microsoft.AspNetCore.Components;

namespace HighServiceDashboard.App.Components.Pages.Plans.Components;

/// <summary>One uploaded document: what was read, what stops it from being stored, and storing it.</summary>
public partial class ImportItemCard
{
    [Parameter, EditorRequired]
    public ImportItem Item { get; set; } = default!;

    [Parameter]
    public IReadOnlyList<AgencyNode> Agencies { get; set; } = [];

    [Parameter]
    public IReadOnlyList<int> Years { get; set; } = [];

    /// <summary>The person changed the agency or the year: read the document again with them.</summary>
    [Parameter]
    public EventCallback OnPreviewChanged { get; set; }

    [Parameter]
    public EventCallback OnStored { get; set; }

    [Inject]
    private PlanImportService Import { get; set; } = default!;

    [Inject]
    private CurrentUser User { get; set; } = default!;

    [Inject]
    private PageAccess Access { get; set; } = default!;

    private List<string>? _diff;

    /// <summary>
    /// Why this reading needs a person: the reader's reasons, with the guesses and unplaced text
    /// counted on the draft as the person has corrected it so far.
    /// </summary>
    private IReadOnlyList<ReviewReason> ReviewReasons()
    {
        if (Preview?.Reading is not { } reading || Item.Draft is not { } draft)
        {
            return [];
        }

        var reasons = reading.Review().Reasons
            .Where(r => r.Code is not (ReadingReview.Codes.Guesses or ReadingReview.Codes.Unplaced)).ToList();
        var guesses = draft.FocusPoints.Count(p => p.IsGuess);
        if (guesses > 0)
        {
            reasons.Insert(0, new ReviewReason(ReadingReview.Codes.Guesses, L["Import.Reason.Guesses", guesses], L["Import.Reason.Guesses", guesses]));
        }

        if (draft.Unplaced.Count > 0)
        {
            reasons.Insert(0, new ReviewReason(ReadingReview.Codes.Unplaced, L["Import.Reason.Unplaced", draft.Unplaced.Count], L["Import.Reason.Unplaced", draft.Unplaced.Count]));
        }

        return reasons;
    }

    private PlanImportPreview? Preview => Item.Preview;

    internal sealed record Counts(int Covered, int NotApplicable, int Missing);

    internal static Counts CoverageOf(PlanContentInput draft, PlanReading reading)
    {
        var codes = reading.Framework?.SubItems.Select(s => s.Code).ToList() ?? [];
        var covered = codes.Count(c => draft.FocusPoints.Any(p => p.SubItemCode == c));
        var notApplicable = codes.Count(c => !draft.FocusPoints.Any(p => p.SubItemCode == c) && draft.NotApplicable.Any(d => d.SubItemCode == c));
        return new Counts(covered, notApplicable, codes.Count - covered - notApplicable);
    }

    private string YearSourceText(PlanReading reading) => reading.YearSource switch
    {
        YearSource.ResultsSentence => L["Import.YearFromResults"],
        YearSource.Option => L["Import.YearGiven"],
        _ => "",
    };

    private async Task ChooseAgencyAsync(int? agencyId)
    {
        Item.AgencyId = agencyId;
        await OnPreviewChanged.InvokeAsync();
    }

    private async Task ChooseYearAsync(int? year)
    {
        Item.RocYear = year;
        await OnPreviewChanged.InvokeAsync();
    }

    private async Task StoreAsync()
    {
        if (Preview?.Existing is { } existing)
        {
            _diff = DescribeReplacement(existing);
            return;
        }

        await SaveAsync(replace: false);
    }

    private async Task ConfirmReplaceAsync()
    {
        _diff = null;
        await SaveAsync(replace: true);
    }

    private async Task SaveAsync(bool replace)
    {
        // An agency's plan is stored by its own head or coordinator, or by an administrator.
        if (Preview?.AgencyId is not { } agency || !await Access.CanEditAsync(agency))
        {
            Item.Errors = [PlanMessages.Forbidden];
            return;
        }

        var result = await Import.StoreAsync(Preview!, Item.Draft!, replace, User.Name);
        Item.Errors = result.Errors;
        if (result.Succeeded)
        {
            Item.StoredPlanId = result.Id;
            Item.Reviewing = false;
            await OnStored.InvokeAsync();
        }
    }

    /// <summary>What replacing the stored plan with this reading changes, sub-item by sub-item (the service gives the facts only to whoever may replace it).</summary>
    private List<string> DescribeReplacement(ExistingPlanFacts existing)
    {
        var draft = Item.Draft!;
        var lines = new List<string>();
        var before = existing.FocusPointCodes.ToHashSet();
        var after = draft.FocusPoints.Select(p => p.SubItemCode).ToHashSet();
        var gained = after.Except(before).Order().ToList();
        var lost = before.Except(after).Order().ToList();
        lines.Add(L["Import.Diff.Status", L[$"Plan.Status.{existing.Status}"]]);
        lines.Add(L["Import.Diff.Points", existing.FocusPointCodes.Count, draft.FocusPoints.Count]);
        lines.Add(gained.Count == 0 ? L["Import.Diff.NoneGained"] : L["Import.Diff.Gained", string.Join("、", gained)]);
        lines.Add(lost.Count == 0 ? L["Import.Diff.NoneLost"] : L["Import.Diff.Lost", string.Join("、", lost)]);
        var naBefore = existing.NotApplicableCodes.Order().ToList();
        var naAfter = draft.NotApplicable.Select(n => n.SubItemCode).Order().ToList();
        if (!naBefore.SequenceEqual(naAfter))
        {
            lines.Add(L["Import.Diff.NotApplicable", naBefore.Count == 0 ? "—" : string.Join("、", naBefore), naAfter.Count == 0 ? "—" : string.Join("、", naAfter)]);
        }

        return lines;
    }
}

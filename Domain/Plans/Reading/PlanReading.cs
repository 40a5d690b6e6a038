using HighServiceDashboard.Domain.Frameworks;

namespace HighServiceDashboard.Domain.Plans.Reading;

/// <summary>A piece of the document's text with the line it came from.</summary>
public sealed record SourceText(int Line, string Text);

/// <summary>Where the plan's year was read.</summary>
public enum YearSource
{
    None,
    Title,

    /// <summary>From 於109年1月提送年度執行成果 (results are submitted early the next year).</summary>
    ResultsSentence,

    /// <summary>Given by the person uploading the plan.</summary>
    Option,
}

/// <summary>A numbered measure inside a focus point, with the units the plan names for it.</summary>
public sealed record FocusMeasure(string Text, IReadOnlyList<string> Units);

/// <summary>
/// A focus point (執行重點): what the agency will do under one sub-item, who does it and any
/// cadence it commits to. Code "0" is the preamble item (setting the plan itself).
/// </summary>
public sealed record FocusPoint
{
    public required string Code { get; init; }

    public required string Title { get; init; }

    public required string Description { get; init; }

    public IReadOnlyList<string> Units { get; init; } = [];

    /// <summary>The units cell names every unit (各科室, 各課室 …); the literal stays in <see cref="Units"/>.</summary>
    public bool AllUnits { get; init; }

    public IReadOnlyList<Cadence> Cadences { get; init; } = [];

    public IReadOnlyList<FocusMeasure> Measures { get; init; } = [];

    public int Line { get; init; }

    /// <summary>The sub-item was not stated (its label was lost) and was chosen by text similarity: a person should confirm it.</summary>
    public bool IsGuess { get; init; }

    /// <summary>Why the sub-item was guessed, in zh-TW; <see cref="GuessReasonEn"/> in English.</summary>
    public string? GuessReason { get; init; }

    public string? GuessReasonEn { get; init; }

    /// <summary>The full text the point was read from (focus cells, then units), for audit.</summary>
    public required string SourceText { get; init; }
}

/// <summary>A sub-item the agency declares not applicable, with its reason.</summary>
public sealed record NotApplicableDeclaration(string Code, string Reason, string Text, int Line);

/// <summary>A pillar or sub-item cell as the plan wrote it (執行要項), with the code it was matched to (null: none).</summary>
public sealed record PlanItemText(string? Code, string Text, int Line);

/// <summary>
/// What the reader made of a plan document: a draft plan (agency, year, framework, focus points,
/// declarations) and the findings a person should see, each pointing at its source line.
/// </summary>
public sealed class PlanReading
{
    public string? AgencyName { get; init; }

    public int? RocYear { get; init; }

    public YearSource YearSource { get; init; }

    public string? Title { get; init; }

    public string? FrameworkKey => Framework?.Key;

    /// <summary>The framework the plan was matched against (null when none fits).</summary>
    public Framework? Framework { get; init; }

    public IReadOnlyList<FocusPoint> FocusPoints { get; init; } = [];

    public IReadOnlyList<NotApplicableDeclaration> NotApplicable { get; init; } = [];

    /// <summary>Pillar and sub-item texts as found, in order.</summary>
    public IReadOnlyList<PlanItemText> Items { get; init; } = [];

    /// <summary>Text of the plan table the reader could not place, in document order.</summary>
    public IReadOnlyList<SourceText> Unplaced { get; init; } = [];

    /// <summary>Text outside the plan table (title, basis, goals, closing sections, annexes), in order.</summary>
    public IReadOnlyList<SourceText> OtherText { get; init; } = [];

    public IReadOnlyList<PlanFinding> Findings { get; init; } = [];

    /// <summary>Agencies the plan names as under it (full names).</summary>
    public IReadOnlyList<string> Subordinates { get; init; } = [];

    public string? Parent { get; init; }

    public bool HasErrors => Findings.Any(f => f.Severity == FindingSeverity.Error);

    /// <summary>Share (0 to 1) of the plan table's text that ended up in the reading (<see cref="TextAccounting"/>); the goal is 1.</summary>
    public double TextAccounted { get; init; } = 1;

    /// <summary>Whether a person must look before storing, and why.</summary>
    public ReadingReview Review() => ReadingReview.Of(this);

    /// <summary>Per sub-item status (covered / not applicable / missing), the preamble's, per pillar and in total.</summary>
    public PlanCoverage GetCoverage()
    {
        if (Framework is null)
        {
            return new PlanCoverage(null, null, [], [], new CoverageTotals(0, 0, 0, 0));
        }

        var items = new List<SubItemCoverage>();
        foreach (var pillar in Framework.Pillars.OrderBy(p => p.Order))
        {
            foreach (var sub in pillar.SubItems.OrderBy(s => s.Order))
            {
                var points = FocusPoints.Where(f => f.Code == sub.Code).ToList();
                var declaration = NotApplicable.FirstOrDefault(d => d.Code == sub.Code);
                var status = points.Count > 0 ? CoverageStatus.Covered
                    : declaration is not null ? CoverageStatus.NotApplicable
                    : CoverageStatus.Missing;
                items.Add(new SubItemCoverage(sub.Code, pillar.Code, sub.Text, status, points, status == CoverageStatus.NotApplicable ? declaration!.Reason : null));
            }
        }

        CoverageStatus? preamble = Framework.Preamble is { } p
            ? FocusPoints.Any(f => f.Code == p.Code) ? CoverageStatus.Covered : CoverageStatus.Missing
            : null;

        var pillars = Framework.Pillars.OrderBy(p => p.Order).Select(pillar =>
        {
            var own = items.Where(i => i.PillarCode == pillar.Code).ToList();
            return new PillarCoverage(pillar.Code, pillar.Title,
                own.Count(i => i.Status == CoverageStatus.Covered),
                own.Count(i => i.Status == CoverageStatus.NotApplicable),
                own.Count(i => i.Status == CoverageStatus.Missing));
        }).ToList();

        var totals = new CoverageTotals(items.Count,
            items.Count(i => i.Status == CoverageStatus.Covered),
            items.Count(i => i.Status == CoverageStatus.NotApplicable),
            items.Count(i => i.Status == CoverageStatus.Missing));
        return new PlanCoverage(Framework.Key, preamble, items, pillars, totals);
    }
}

/// <summary>A sub-item in one plan: served by a focus point, declared not applicable with a reason, or neither.</summary>
public enum CoverageStatus
{
    Covered,
    NotApplicable,
    Missing,
}

/// <summary>Coverage of a plan against its framework.</summary>
public sealed record PlanCoverage(string? FrameworkKey, CoverageStatus? Preamble, IReadOnlyList<SubItemCoverage> SubItems, IReadOnlyList<PillarCoverage> Pillars, CoverageTotals Totals);

/// <summary>One sub-item's status in a plan, with the focus points serving it or the reason it does not apply.</summary>
public sealed record SubItemCoverage(string Code, string PillarCode, string Text, CoverageStatus Status, IReadOnlyList<FocusPoint> FocusPoints, string? Reason);

/// <summary>A pillar's counts. Not-applicable sub-items count apart: the share is covered / (covered + missing).</summary>
public sealed record PillarCoverage(string Code, string Title, int Covered, int NotApplicable, int Missing)
{
    public double Share => Covered + Missing == 0 ? 1 : (double)Covered / (Covered + Missing);
}

/// <summary>Counts over all sub-items of the framework (the preamble apart).</summary>
public sealed record CoverageTotals(int SubItems, int Covered, int NotApplicable, int Missing);

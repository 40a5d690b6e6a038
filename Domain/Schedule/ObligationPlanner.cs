using HighServiceDashboard.Domain.Agencies;
using HighServiceDashboard.Domain.Calendar;

namespace HighServiceDashboard.Domain.Schedule;

/// <summary>An agency as the planner needs it.</summary>
public sealed record PlannedAgency(int Id, string Name, AgencyLevel Level, int? ParentId, bool HasActiveSubordinates);

/// <summary>One obligation the schedule says an agency owes; stored as an <see cref="Obligation"/>.</summary>
public sealed record PlannedObligation(
    int AgencyId,
    string Key,
    ObligationKind Kind,
    string? MilestoneKey,
    string Title,
    string? UnitName,
    DateOnly OpensOn,
    DateOnly DueOn);

/// <summary>
/// Turns a year's milestones into what every agency owes: its plan, the review of its
/// subordinates' plans, its phone tests, its results (a subordinate's to its parent, earlier), and
/// whatever the commission's own milestones bind.
/// </summary>
public static class ObligationPlanner
{
    public const string ReviewSuffix = ":review";

    public static IReadOnlyList<PlannedObligation> Plan(int rocYear, IEnumerable<Milestone> milestones, IReadOnlyCollection<PlannedAgency> agencies)
    {
        var result = new List<PlannedObligation>();
        foreach (var m in milestones.Where(m => m.Binds is not null && m.BoundLevels != BoundLevels.None))
        {
            foreach (var agency in agencies.Where(a => Binds(m.BoundLevels, a.Level)))
            {
                result.AddRange(For(rocYear, m, agency));
            }
        }

        return result;
    }

    private static bool Binds(BoundLevels levels, AgencyLevel level) => level switch
    {
        AgencyLevel.FirstLevel => levels.HasFlag(BoundLevels.FirstLevel),
        AgencyLevel.SecondLevel => levels.HasFlag(BoundLevels.SecondLevel),
        _ => false,
    };

    private static IEnumerable<PlannedObligation> For(int rocYear, Milestone m, PlannedAgency a)
    {
        PlannedObligation Make(ObligationKind kind, string key, string title, DateOnly? due = null)
        {
            var dueOn = due ?? m.EndsOn;
            return new(a.Id, key, kind, m.Key, title, null, m.StartsOn > dueOn ? dueOn : m.StartsOn, dueOn);
        }

        switch (m.Binds)
        {
            case ObligationKind.PlanSubmission:
                var planName = a.Level == AgencyLevel.SecondLevel ? "工作計畫" : "執行計畫";
                yield return Make(ObligationKind.PlanSubmission, m.Key, $"提送{rocYear}年度提升服務{planName}");
                if (a.HasActiveSubordinates)
                {
                    yield return Make(ObligationKind.SubordinatePlanReview, m.Key + ReviewSuffix, $"審查所屬機關{rocYear}年度提升服務工作計畫");
                }

                break;
            case ObligationKind.ResultsSubmission when a.Level == AgencyLevel.SecondLevel && a.ParentId is not null:
                yield return Make(ObligationKind.ResultsToParent, m.Key, $"向上級機關提送{rocYear}年度提升服務執行成果", m.EndsOn.AddDays(-m.SubordinateLeadDays));
                break;
            case ObligationKind.ResultsSubmission:
                yield return Make(ObligationKind.ResultsSubmission, m.Key, $"提送{rocYear}年度提升服務執行成果");
                break;
            case ObligationKind.PhoneTest:
                yield return Make(ObligationKind.PhoneTest, m.Key, m.Name);
                break;
            default:
                yield return Make(m.Binds ?? ObligationKind.Custom, m.Key, m.Name);
                break;
        }
    }

    /// <summary>The active agencies of a Gregorian year with the facts the planner needs.</summary>
    public static IReadOnlyList<PlannedAgency> ActiveAgencies(IReadOnlyCollection<Agency> all, int rocYear)
    {
        var year = RocCalendar.ToGregorianYear(rocYear);
        var active = all.Where(a => a.IsActiveIn(year)).ToList();
        var parents = active.Where(a => a.ParentId is not null).Select(a => a.ParentId!.Value).ToHashSet();
        return active.Select(a => new PlannedAgency(a.Id, a.Name, a.Level, a.ParentId, parents.Contains(a.Id))).ToList();
    }
}

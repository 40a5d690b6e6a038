namespace HighServiceDashboard.Domain.Plans;

/// <summary>
/// What a unit's staff (單位承辦人) may change in their agency's plan: the focus points that name
/// their unit, and nothing else. A point written for every unit (各科室) belongs to the agency, not
/// to one unit, so only the head or the coordinator changes it.
/// </summary>
public static class UnitPlanEdits
{
    /// <summary>
    /// The first rule the edit breaks, as a <see cref="PlanMessages"/> key, or null when the edit
    /// stays inside the unit's points. Points are matched by their id; a point without one is new.
    /// </summary>
    /// <summary>Whether the point is the unit's: it names the unit among its units.</summary>
    public static bool NamesUnit(FocusPointInput point, Func<string, bool> isOwnUnit) => point.UnitNames.Any(isOwnUnit);

    public static string? Check(PlanContentInput before, PlanContentInput after, Func<string, bool> isOwnUnit)
    {
        bool NamesUnit(FocusPointInput point) => UnitPlanEdits.NamesUnit(point, isOwnUnit);

        var titleChanged = !string.IsNullOrWhiteSpace(after.Title) && after.Title.Trim() != (before.Title ?? "").Trim();
        if (titleChanged
            || !Same(before.NotApplicable.Select(d => (d.SubItemCode, d.Reason.Trim())), after.NotApplicable.Select(d => (d.SubItemCode, d.Reason.Trim())))
            || !Same(before.Unplaced.Select(u => u.Text), after.Unplaced.Select(u => u.Text)))
        {
            return PlanMessages.UnitScope;
        }

        var ids = after.FocusPoints.Where(p => p.Id is not null).Select(p => p.Id!.Value).ToList();
        if (ids.Count != ids.Distinct().Count())
        {
            return PlanMessages.UnitScope;
        }

        var stored = before.FocusPoints.Where(p => p.Id is not null).ToDictionary(p => p.Id!.Value);
        var edited = after.FocusPoints.Where(p => p.Id is not null).ToDictionary(p => p.Id!.Value);
        foreach (var point in stored.Values.Where(p => !NamesUnit(p)))
        {
            if (!edited.TryGetValue(point.Id!.Value, out var now) || !SamePoint(point, now))
            {
                return PlanMessages.UnitScope;
            }
        }

        foreach (var point in after.FocusPoints)
        {
            var own = point.Id is not { } id || !stored.TryGetValue(id, out var was) || NamesUnit(was);
            if (own && !NamesUnit(point))
            {
                return PlanMessages.PointMustNameUnit;
            }
        }

        return null;
    }

    private static bool SamePoint(FocusPointInput a, FocusPointInput b) =>
        a.SubItemCode == b.SubItemCode
        && a.Title.Trim() == b.Title.Trim()
        && a.Description.Trim() == b.Description.Trim()
        && a.AllUnits == b.AllUnits
        && a.IsGuess == b.IsGuess
        && Same(a.UnitNames.Select(n => n.Trim()), b.UnitNames.Select(n => n.Trim()))
        && Same(a.Cadences, b.Cadences);

    private static bool Same<T>(IEnumerable<T> a, IEnumerable<T> b) =>
        a.Order().SequenceEqual(b.Order());
}

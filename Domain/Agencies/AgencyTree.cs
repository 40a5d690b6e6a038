namespace HighServiceDashboard.Domain.Agencies;

/// <summary>
/// The rules of the agency tree: how deep it may go and which moves keep it a tree.
/// </summary>
public static class AgencyTree
{
    /// <summary>The level an agency takes under a parent of the given level (null: the city itself).</summary>
    public static AgencyLevel LevelUnder(AgencyLevel? parentLevel) => parentLevel switch
    {
        null => AgencyLevel.City,
        AgencyLevel.City => AgencyLevel.FirstLevel,
        AgencyLevel.FirstLevel => AgencyLevel.SecondLevel,
        _ => throw new InvalidOperationException("A second-level agency cannot have subordinates."),
    };

    /// <summary>
    /// Why moving <paramref name="agency"/> under <paramref name="newParent"/> is not allowed, or null when it is.
    /// The tree is city → first level → second level, so only an agency without subordinates may become second-level.
    /// </summary>
    public static MoveRefusal? CheckMove(Agency agency, Agency newParent, IReadOnlyDictionary<int, Agency> all)
    {
        if (agency.Level == AgencyLevel.City)
        {
            return MoveRefusal.CityCannotMove;
        }

        for (Agency? a = newParent; a is not null; a = a.ParentId is { } p && all.TryGetValue(p, out var parent) ? parent : null)
        {
            if (a.Id == agency.Id)
            {
                return MoveRefusal.WouldCreateCycle;
            }
        }

        if (newParent.Level == AgencyLevel.SecondLevel)
        {
            return MoveRefusal.ParentTooDeep;
        }

        if (newParent.Level == AgencyLevel.FirstLevel && all.Values.Any(a => a.ParentId == agency.Id && !a.IsRetired))
        {
            return MoveRefusal.SubordinatesWouldBeTooDeep;
        }

        if (newParent.IsRetired)
        {
            return MoveRefusal.ParentRetired;
        }

        return null;
    }

    /// <summary>The agency's id and the ids of every agency below it.</summary>
    public static IReadOnlySet<int> SelfAndDescendants(int agencyId, IEnumerable<Agency> all)
    {
        var byParent = all.Where(a => a.ParentId is not null).ToLookup(a => a.ParentId!.Value);
        var result = new HashSet<int> { agencyId };
        var queue = new Queue<int>([agencyId]);
        while (queue.TryDequeue(out var id))
        {
            foreach (var child in byParent[id])
            {
                if (result.Add(child.Id))
                {
                    queue.Enqueue(child.Id);
                }
            }
        }

        return result;
    }
}

public enum MoveRefusal
{
    CityCannotMove,
    WouldCreateCycle,
    ParentTooDeep,
    SubordinatesWouldBeTooDeep,
    ParentRetired,
}

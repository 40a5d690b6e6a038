using System.Text.RegularExpressions;
using HighServiceDashboard.Domain.Plans.Reading;

namespace HighServiceDashboard.Infrastructure.Plans;

/// <summary>How unit names written in plans are compared with the agency's units.</summary>
public static partial class UnitNames
{
    /// <summary>Folds the stray spaces that extraction leaves inside names ("非公用 財產管理科").</summary>
    public static string Normalize(string name) => Whitespace().Replace(name, "").Trim();

    /// <summary>各科室, 各課室, 各組室中心 …: every unit of the agency, not a unit's name.</summary>
    public static bool IsEveryUnit(string name) => UnitSplitter.MeansAllUnits(Normalize(name));

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}

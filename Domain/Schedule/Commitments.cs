using System.Security.Cryptography;
using System.Text;
using HighServiceDashboard.Domain.Calendar;

namespace HighServiceDashboard.Domain.Schedule;

/// <summary>A commitment with a cadence that a plan states (每季定期辦理電話禮貌測試), as the plan import hands it over.</summary>
public sealed record Commitment(string Text, string Cadence, string? UnitName);

/// <summary>How often a commitment recurs within the year.</summary>
public enum CadenceKind
{
    Yearly,
    HalfYearly,
    Quarterly,
    Monthly,
}

/// <summary>
/// Turns a plan's commitments into obligations: one per period of the cadence, each due at the
/// end of its period. A commitment is keyed by its text, so the same plan imported again changes
/// nothing. Cadences every few years (每4年1次) count as yearly in the year the plan states them.
/// </summary>
public static class CommitmentPlanner
{
    public const string KeyPrefix = "commitment:";

    public static CadenceKind ParseCadence(string cadence) => cadence.Trim().ToLowerInvariant() switch
    {
        "quarterly" or "每季" or "季" => CadenceKind.Quarterly,
        "monthly" or "每月" or "月" => CadenceKind.Monthly,
        "half-yearly" or "halfyearly" or "semiannual" or "每半年" or "半年" => CadenceKind.HalfYearly,
        _ => CadenceKind.Yearly,
    };

    public static IReadOnlyList<PlannedObligation> Plan(int agencyId, int rocYear, IEnumerable<Commitment> commitments)
    {
        var year = RocCalendar.ToGregorianYear(rocYear);
        var result = new List<PlannedObligation>();
        foreach (var c in commitments.Where(c => !string.IsNullOrWhiteSpace(c.Text)).DistinctBy(c => Normalise(c.Text)))
        {
            var months = ParseCadence(c.Cadence) switch
            {
                CadenceKind.Monthly => 1,
                CadenceKind.Quarterly => 3,
                CadenceKind.HalfYearly => 6,
                _ => 12,
            };
            var periods = 12 / months;
            var text = c.Text.Trim();
            var unit = string.IsNullOrWhiteSpace(c.UnitName) ? null : c.UnitName.Trim();
            for (var p = 1; p <= periods; p++)
            {
                var opens = new DateOnly(year, (p - 1) * months + 1, 1);
                var due = opens.AddMonths(months).AddDays(-1);
                var title = periods == 1 ? text : $"{text}（第{p}期）";
                result.Add(new(agencyId, $"{KeyPrefix}{Hash(text)}:{p}/{periods}", ObligationKind.Commitment, null, title, unit, opens, due));
            }
        }

        return result;
    }

    private static string Normalise(string text) => string.Concat(text.Where(ch => !char.IsWhiteSpace(ch)));

    private static string Hash(string text) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(Normalise(text))))[..12];
}

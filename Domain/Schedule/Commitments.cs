using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using HighServiceDashboard.Domain.Calendar;
using HighServiceDashboard.Domain.Plans;

namespace HighServiceDashboard.Domain.Schedule;

/// <summary>A commitment with a cadence that a plan states (每季定期辦理電話禮貌測試), as the plan hands it over.</summary>
public sealed record Commitment(string Text, string Cadence, string? UnitName);

/// <summary>
/// Turns a plan's commitments into obligations: one per period of the cadence, each due at the
/// end of its period. A commitment is keyed by its text, so the same plan imported again changes
/// nothing. A cadence of every few years (每4年1次) is one obligation over that many years from the
/// plan's year, due at the end of the last; daily and weekly routines (每日巡檢) and a bare 定期 have
/// no period the schedule can hold and make no obligation.
/// </summary>
public static partial class CommitmentPlanner
{
    public const string KeyPrefix = "commitment:";

    /// <summary>
    /// The months of one period for a cadence as plans store it (<see cref="CadenceLabel"/>: 每季,
    /// 每年至少1次, 每4年1次 …; the English words are accepted too), or null when it has none.
    /// </summary>
    public static int? PeriodMonths(string cadence)
    {
        var c = cadence.Trim().ToLowerInvariant();
        return c switch
        {
            "monthly" => 1,
            "quarterly" => 3,
            "half-yearly" or "halfyearly" or "semiannual" => 6,
            "yearly" or "annual" => 12,
            _ when c.StartsWith("每月", StringComparison.Ordinal) => 1,
            _ when c.StartsWith("每季", StringComparison.Ordinal) => 3,
            _ when c.StartsWith("每半年", StringComparison.Ordinal) => 6,
            _ when c.StartsWith("每年", StringComparison.Ordinal) => 12,
            _ when EveryNYears().Match(c) is { Success: true } m => 12 * int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture),
            _ => null,
        };
    }

    /// <summary>
    /// The commitments of a plan's focus points: one per focus point and cadence with a period,
    /// owned by the first unit the point names (none when it says every unit).
    /// </summary>
    public static IReadOnlyList<Commitment> FromPlan(IEnumerable<FocusPoint> points) =>
        points
            .OrderBy(p => p.Order)
            .SelectMany(p => p.Cadences
                .Where(c => PeriodMonths(c) is not null)
                .Select(c => new Commitment(
                    $"{p.Title.Trim()}（{c}）",
                    c,
                    p.AllUnits ? null : p.Units.Select(u => u.Name).FirstOrDefault())))
            .ToList();

    /// <summary>
    /// Whether a commitment is the agency's own phone courtesy test (每季辦理電話禮貌測試,
    /// 定期抽測電話服務品質 …): a test of the agency's own round then settles it.
    /// </summary>
    public static bool IsPhoneTest(string text) =>
        PhoneTestWords().IsMatch(text) || text.Contains("phone test", StringComparison.OrdinalIgnoreCase);

    public static IReadOnlyList<PlannedObligation> Plan(int agencyId, int rocYear, IEnumerable<Commitment> commitments)
    {
        var year = RocCalendar.ToGregorianYear(rocYear);
        var result = new List<PlannedObligation>();
        foreach (var c in commitments.Where(c => !string.IsNullOrWhiteSpace(c.Text)).DistinctBy(c => Normalise(c.Text)))
        {
            if (PeriodMonths(c.Cadence) is not { } months)
            {
                continue;
            }

            // A period longer than a year (每4年1次) is one obligation across it.
            var periods = Math.Max(1, 12 / months);
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

    [GeneratedRegex(@"電話.{0,8}(測試|禮貌|服務品質|抽測|抽查)|(禮貌|服務品質).{0,6}電話")]
    private static partial Regex PhoneTestWords();

    [GeneratedRegex(@"^每(\d{1,2})年")]
    private static partial Regex EveryNYears();
}

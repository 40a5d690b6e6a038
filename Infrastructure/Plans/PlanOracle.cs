using System.Text.Json;
using System.Text.RegularExpressions;
using HighServiceDashboard.Domain.Plans.Reading;

namespace HighServiceDashboard.Infrastructure.Plans;

/// <summary>A focus point a person finds in a plan: its sub-item (<c>P.*</c>: any sub-item of pillar P, as a guess), a phrase of its text and the units it names.</summary>
public sealed record ExpectedFocusPoint(string Code, string Phrase, IReadOnlyList<string> Units)
{
    /// <summary>The plan lost the point's sub-item label: any sub-item of the pillar is right when the reading marks it a guess.</summary>
    public bool IsPillarOnly => Code.EndsWith(".*", StringComparison.Ordinal);

    public string Pillar => Code.Split('.')[0];
}

/// <summary>A sub-item the plan declares not applicable, with the reason it gives.</summary>
public sealed record ExpectedNotApplicable(string Code, string Reason);

/// <summary>How a reading measured against an oracle: counts of the expected points and what went wrong, in words.</summary>
public sealed record PlanOracleResult(
    int Expected,
    int Placed,
    int UnitsRight,
    int Right,
    int TitledWithUnit,
    int Read,
    IReadOnlyList<string> Problems)
{
    /// <summary>Every expected point under the right sub-item with its units, no point titled with a unit, the not-applicable codes right.</summary>
    public bool Holds => Problems.Count == 0;

    public string Summary =>
        $"{Placed}/{Expected} focus points under the right sub-item, {UnitsRight}/{Expected} with the right units, {TitledWithUnit} titled with a unit, of {Read} read";
}

/// <summary>
/// The yardstick of the plan reader: what a person reading a plan finds in it (a points oracle,
/// <c>Tests/Corpus/**/NAME.points.json</c>, the format of ../shared/tools/README.md) and the check
/// of a <see cref="PlanReading"/> against it. A port of check_points.py's rules: each expected point
/// needs a read point of its own under the right sub-item (or, for <c>P.*</c>, within pillar P and
/// marked a guess) whose title or description holds the phrase; two numbered points read as one
/// count once; its units must be named; no point may be titled with a notTitles string; and the
/// declared not-applicable sub-items must be read as such. Used by the <c>read-corpus</c> verb
/// and the corpus tests.
/// </summary>
public sealed partial class PlanOracle
{
    private static readonly JsonSerializerOptions Json = new() { PropertyNameCaseInsensitive = true };

    public PlanOracle(IReadOnlyList<ExpectedFocusPoint> points, IReadOnlyList<ExpectedNotApplicable>? notApplicable = null, IReadOnlyList<string>? notTitles = null)
    {
        Points = points;
        NotApplicable = notApplicable ?? [];
        NotTitles = notTitles ?? [];
    }

    public IReadOnlyList<ExpectedFocusPoint> Points { get; }

    public IReadOnlyList<ExpectedNotApplicable> NotApplicable { get; }

    public IReadOnlyList<string> NotTitles { get; }

    public static PlanOracle Parse(string json)
    {
        var file = JsonSerializer.Deserialize<OracleFile>(json, Json) ?? throw new JsonException("The oracle is empty.");
        return new PlanOracle(
            (file.Points ?? []).Select(p => new ExpectedFocusPoint(p.Code, p.Phrase, p.Units ?? [])).ToList(),
            (file.NotApplicable ?? []).Select(n => new ExpectedNotApplicable(n.Code, n.Reason ?? "")).ToList(),
            file.NotTitles ?? []);
    }

    public static PlanOracle Load(string path) => Parse(File.ReadAllText(path));

    public PlanOracleResult Check(PlanReading reading)
    {
        var read = reading.FocusPoints.Select(f => new ReadPoint(f, Compact(f.Title + f.Description), f.Units.Select(Compact).ToList())).ToList();
        var used = new HashSet<int>();
        var problems = new List<string>();
        int placed = 0, unitsRight = 0, right = 0;
        foreach (var want in Points)
        {
            var phrase = Compact(want.Phrase);
            var label = $"{want.Phrase} ({want.Code})";
            var hits = Enumerable.Range(0, read.Count)
                .Where(i => !used.Contains(i) && read[i].Text.Contains(phrase, StringComparison.Ordinal) && IsRightPlace(want, read[i].Point))
                .ToList();
            if (hits.Count == 0)
            {
                problems.Add(label + ": " + WhyNotFound(want, phrase, read));
                continue;
            }

            // One read point answers one expected point: two numbered points read as one count once.
            used.Add(hits[0]);
            placed++;
            if (hits.Any(i => UnitsNamed(want.Units, read[i])))
            {
                unitsRight++;
                right++;
            }
            else
            {
                var got = read[hits[0]].Point.Units;
                problems.Add($"{label}: units wrong, want {string.Join('、', want.Units)}, read {(got.Count == 0 ? "none" : string.Join('、', got))}");
            }
        }

        var notTitles = NotTitles.Select(Compact).ToHashSet(StringComparer.Ordinal);
        var titled = reading.FocusPoints.Where(f => notTitles.Contains(Compact(f.Title))).ToList();
        if (titled.Count > 0)
        {
            problems.Add($"{titled.Count} focus points titled with a unit's name or another never-title ({string.Join('、', titled.Select(f => f.Title).Distinct())})");
        }

        foreach (var declared in NotApplicable.Where(n => !reading.NotApplicable.Any(d => d.Code == n.Code)))
        {
            problems.Add($"{declared.Code}: not read as not applicable ({declared.Reason})");
        }

        foreach (var extra in reading.NotApplicable.Where(d => !NotApplicable.Any(n => n.Code == d.Code)))
        {
            problems.Add($"{extra.Code}: read as not applicable, which the plan does not declare (line {extra.Line})");
        }

        return new PlanOracleResult(Points.Count, placed, unitsRight, right, titled.Count, reading.FocusPoints.Count, problems);
    }

    private static bool IsRightPlace(ExpectedFocusPoint want, FocusPoint point) => want.IsPillarOnly
        ? point.IsGuess && point.Code.StartsWith(want.Pillar + ".", StringComparison.Ordinal)
        : point.Code == want.Code;

    private static string WhyNotFound(ExpectedFocusPoint want, string phrase, IReadOnlyList<ReadPoint> read)
    {
        var holding = read.Where(p => p.Text.Contains(phrase, StringComparison.Ordinal)).ToList();
        if (want.IsPillarOnly)
        {
            var inPillar = holding.Where(p => p.Point.Code.StartsWith(want.Pillar + ".", StringComparison.Ordinal)).ToList();
            if (inPillar.Any(p => p.Point.IsGuess))
            {
                return "merged into another focus point";
            }

            if (inPillar.Count > 0)
            {
                return $"placed under {string.Join(", ", inPillar.Select(p => p.Point.Code).Distinct())} without being marked a guess";
            }
        }
        else if (holding.Any(p => p.Point.Code == want.Code))
        {
            return "merged into another focus point";
        }

        return holding.Count > 0
            ? "found under " + string.Join(", ", holding.Select(p => p.Point.Code).Distinct().Order(StringComparer.Ordinal))
            : "not read as a focus point";
    }

    /// <summary>各組室中心, 各科室 …: every unit, read as such or written out; any other unit must be named.</summary>
    private static bool UnitsNamed(IReadOnlyList<string> want, ReadPoint point) => want.All(unit =>
    {
        var name = Compact(unit);
        var named = point.Units.Any(u => u.Contains(name, StringComparison.Ordinal));
        return named || (name.StartsWith('各') && name.Length <= 6 && point.Point.AllUnits);
    });

    /// <summary>Phrases are compared without white space: extraction breaks lines and leaves stray spaces.</summary>
    private static string Compact(string? text) => Whitespace().Replace(text ?? "", "");

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();

    private sealed record ReadPoint(FocusPoint Point, string Text, IReadOnlyList<string> Units);

    private sealed record OracleFile(List<OraclePoint>? Points, List<OracleNotApplicable>? NotApplicable, List<string>? NotTitles);

    private sealed record OraclePoint(string Code, string Phrase, List<string>? Units);

    private sealed record OracleNotApplicable(string Code, string? Reason);
}

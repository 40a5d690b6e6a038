using System.Collections.Concurrent;
using System.Text.RegularExpressions;
using HighServiceDashboard.Domain.Plans.Reading;
using HighServiceDashboard.Infrastructure.Plans;
using HighServiceDashboard.Tests.Support;

namespace HighServiceDashboard.Tests.Corpus;

/// <summary>
/// The reader against the corpus (Tests/Corpus/Plans, made by generate.py): every layout variant
/// and file form of each sample plan must give the focus points a person finds in the sample
/// (its oracle) and the same points as the sample's own text.
/// </summary>
public sealed partial class CorpusTests
{
    private static readonly PlanCorpus Corpus = PlanCorpus.Open(Path.Combine(RepositoryPaths.Root, "Tests", "Corpus"))
        ?? throw new InvalidOperationException("Tests/Corpus/Plans is missing: run python3 Tests/Corpus/generate.py");

    // Each file is read once for both checks.
    private static readonly ConcurrentDictionary<string, Task<CorpusReading>> Readings = new(StringComparer.Ordinal);

    public static TheoryData<string> Files()
    {
        var data = new TheoryData<string>();
        foreach (var file in Corpus.Files())
        {
            data.Add(file.Name);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Files))]
    public async Task Read_CorpusFile_MeetsTheSampleOracle(string file)
    {
        var reading = await ReadAsync(file);

        Assert.True(reading.Result.Holds, $"{file}: {reading.Result.Summary}\n  {string.Join("\n  ", reading.Result.Problems)}");
    }

    [Theory]
    [MemberData(nameof(Files))]
    public async Task Read_CorpusFile_SameFocusPointsAsTheSampleText(string file)
    {
        var reading = await ReadAsync(file);
        var sample = await ReadAsync(file[..file.IndexOf('/', StringComparison.Ordinal)] + "/as-is.txt");

        Assert.True(reading.Reading is not null, $"{file}: {string.Join("; ", reading.Result.Problems)}");
        Assert.Equal(Points(sample.Reading!), Points(reading.Reading!));
    }

    [Theory]
    [InlineData("finance-bureau-113", 26, 0)]
    [InlineData("niaosong-district-113", 37, 0)]
    [InlineData("pawnshop-114", 35, 2)]
    [InlineData("public-works-bureau-105", 66, 0)]
    [InlineData("health-bureau-114", 17, 1)]
    public void OracleOf_Sample_HoldsThePointsAPersonFinds(string sample, int points, int notApplicable)
    {
        var oracle = Corpus.OracleOf(sample);

        Assert.NotNull(oracle);
        Assert.Equal(points, oracle.Points.Count);
        Assert.Equal(notApplicable, oracle.NotApplicable.Count);
        Assert.All(oracle.Points, p => Assert.Matches(@"^(0|\d\.(\d|\*))$", p.Code));
    }

    [Fact]
    public void Files_Corpus_EverySampleInEveryVariant()
    {
        var files = Corpus.Files();

        Assert.Equal(5, files.Select(f => f.Sample).Distinct().Count());
        Assert.All(files.GroupBy(f => f.Sample), g => Assert.Equal(12, g.Select(f => f.Variant).Distinct().Count()));
        Assert.All(files.GroupBy(f => f.Sample), g => Assert.Contains(g, f => f.Variant == "as-is" && f.Form == "txt"));
    }

    private static Task<CorpusReading> ReadAsync(string name) => Readings.GetOrAdd(name, n =>
    {
        var file = Corpus.Files().SingleOrDefault(f => f.Name == n) ?? throw new InvalidOperationException($"{n} is not in the corpus");
        return Corpus.ReadAsync(file);
    });

    /// <summary>What must not change with the layout or form: sub-item, title and units of each point, white space aside.</summary>
    private static List<string> Points(PlanReading reading) => reading.FocusPoints
        .Select(f => $"{f.Code} | {Compact(f.Title)} | {string.Join('、', f.Units.Select(Compact))}")
        .ToList();

    private static string Compact(string text) => Whitespace().Replace(text, "");

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}

using System.Diagnostics;
using HighServiceDashboard.Domain.Plans.Reading;
using HighServiceDashboard.Infrastructure.Documents;

namespace HighServiceDashboard.Infrastructure.Plans;

/// <summary>One file of the corpus: <c>Plans/SAMPLE/VARIANT.FORM</c> (form: txt, utf16.txt, big5.txt, docx, odt, pdf).</summary>
public sealed record CorpusFile(string Sample, string Variant, string Form, string Path)
{
    public string Name => $"{Sample}/{Variant}.{Form}";
}

/// <summary>A corpus file read and judged: the reading (null when the file could not be loaded), why not, and the time taken.</summary>
public sealed record CorpusReading(CorpusFile File, PlanReading? Reading, PlanOracleResult Result, TimeSpan Elapsed);

/// <summary>
/// The corpus that measures how the plan reader generalises (Tests/Corpus): layout variants and
/// file forms of each sample plan under <c>Plans/</c>, made by Tests/Corpus/generate.py, judged by
/// the sample's oracle (<c>SAMPLE.points.json</c> anywhere under the corpus folder but Plans/).
/// </summary>
public sealed class PlanCorpus
{
    /// <summary>The forms in the order the report shows them.</summary>
    public static readonly IReadOnlyList<string> Forms = ["txt", "utf16.txt", "big5.txt", "docx", "odt", "pdf"];

    private readonly Dictionary<string, PlanOracle> _oracles = new(StringComparer.Ordinal);

    private PlanCorpus(string root, string plans)
    {
        Root = root;
        PlansFolder = plans;
    }

    /// <summary>The corpus folder (holding Plans/ and the samples with their oracles).</summary>
    public string Root { get; }

    public string PlansFolder { get; }

    /// <summary>Opens a corpus given its folder or its Plans/ folder; null when neither is there.</summary>
    public static PlanCorpus? Open(string folder)
    {
        var full = System.IO.Path.GetFullPath(folder);
        if (Directory.Exists(System.IO.Path.Combine(full, "Plans")))
        {
            return new PlanCorpus(full, System.IO.Path.Combine(full, "Plans"));
        }

        return Directory.Exists(full) && System.IO.Path.GetFileName(full) == "Plans"
            ? new PlanCorpus(System.IO.Path.GetDirectoryName(full)!, full)
            : null;
    }

    /// <summary>Tests/Corpus of the checkout holding <paramref name="start"/> (walking up to the folder with HighServiceDashboard.sln).</summary>
    public static string? FindDefaultFolder(string start)
    {
        for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
        {
            var corpus = System.IO.Path.Combine(dir.FullName, "Tests", "Corpus");
            if (File.Exists(System.IO.Path.Combine(dir.FullName, "HighServiceDashboard.sln")) && Directory.Exists(corpus))
            {
                return corpus;
            }
        }

        return null;
    }

    public IReadOnlyList<CorpusFile> Files() => Directory.EnumerateDirectories(PlansFolder)
        .SelectMany(sample => Directory.EnumerateFiles(sample).Select(path =>
        {
            var name = System.IO.Path.GetFileName(path);
            var dot = name.IndexOf('.', StringComparison.Ordinal);
            return dot <= 0 ? null : new CorpusFile(System.IO.Path.GetFileName(sample), name[..dot], name[(dot + 1)..], path);
        }))
        .OfType<CorpusFile>()
        .OrderBy(f => f.Sample, StringComparer.Ordinal).ThenBy(f => f.Variant, StringComparer.Ordinal).ThenBy(f => f.Form, StringComparer.Ordinal)
        .ToList();

    /// <summary>The oracle of a sample (its <c>SAMPLE.points.json</c>), or null when there is none.</summary>
    public PlanOracle? OracleOf(string sample)
    {
        if (_oracles.TryGetValue(sample, out var known))
        {
            return known;
        }

        var path = Directory.EnumerateFiles(Root, sample + ".points.json", SearchOption.AllDirectories)
            .FirstOrDefault(p => !p.StartsWith(PlansFolder + System.IO.Path.DirectorySeparatorChar, StringComparison.Ordinal));
        if (path is null)
        {
            return null;
        }

        var oracle = PlanOracle.Load(path);
        _oracles[sample] = oracle;
        return oracle;
    }

    /// <summary>Loads the file as an upload would be (<see cref="PlanDocumentLoader"/>), reads it and judges it by its sample's oracle.</summary>
    public async Task<CorpusReading> ReadAsync(CorpusFile file, CancellationToken ct = default)
    {
        var oracle = OracleOf(file.Sample) ?? throw new InvalidOperationException($"No oracle {file.Sample}.points.json under {Root}.");
        var clock = Stopwatch.StartNew();
        PlanLoadResult loaded;
        await using (var stream = File.OpenRead(file.Path))
        {
            loaded = await new PlanDocumentLoader().LoadAsync(stream, System.IO.Path.GetFileName(file.Path), ct).ConfigureAwait(false);
        }

        var reading = loaded.Document is null ? null : new PlanReader().Read(loaded.Document);
        clock.Stop();
        if (reading is null)
        {
            var why = string.Join("; ", loaded.Findings.Where(f => f.Severity == FindingSeverity.Error).Select(f => $"{f.Code}: {f.MessageEn}"));
            var result = new PlanOracleResult(oracle.Points.Count, 0, 0, 0, 0, 0, [$"not loaded ({why})"]);
            return new CorpusReading(file, null, result, clock.Elapsed);
        }

        return new CorpusReading(file, reading, oracle.Check(reading), clock.Elapsed);
    }
}

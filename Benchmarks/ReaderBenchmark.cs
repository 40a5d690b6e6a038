using System.Diagnostics;
using HighServiceDashboard.Domain.Plans.Reading;
using HighServiceDashboard.Infrastructure.Documents;

namespace HighServiceDashboard.Benchmarks;

/// <summary>
/// Times the plan reader: each sample plan read alone (median of many runs, after a warm-up), and a
/// batch of 300 documents as one import would bring them. Loading (decoding) is included, as the
/// import page and import-plan pay for it too.
/// </summary>
public static class ReaderBenchmark
{
    public static Task<int> RunAsync(string[] args)
    {
        var folder = args.FirstOrDefault() ?? FindSamples();
        var files = Directory.GetFiles(folder).Where(f => f.EndsWith(".txt", StringComparison.Ordinal) || f.EndsWith(".md", StringComparison.Ordinal)).Order().ToList();
        if (files.Count == 0)
        {
            Console.Error.WriteLine($"No plan documents in {folder}");
            return Task.FromResult(1);
        }

        var loader = new PlanDocumentLoader();
        var reader = new PlanReader();
        var documents = files.Select(f => (Name: Path.GetFileName(f), Bytes: File.ReadAllBytes(f))).ToList();
        Console.WriteLine($"Plan reader on {Environment.ProcessorCount} cores, .NET {Environment.Version}, {folder}");

        foreach (var (name, bytes) in documents)
        {
            for (var i = 0; i < 20; i++)
            {
                Read(loader, reader, name, bytes);
            }

            var times = new List<double>();
            for (var i = 0; i < 100; i++)
            {
                var watch = Stopwatch.StartNew();
                Read(loader, reader, name, bytes);
                times.Add(watch.Elapsed.TotalMilliseconds);
            }

            times.Sort();
            Console.WriteLine($"  {name,-36} {bytes.Length / 1024.0,7:F1} KB   median {times[50],7:F2} ms   p95 {times[95],7:F2} ms");
        }

        const int batch = 300;
        GC.Collect();
        var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
        var batchWatch = Stopwatch.StartNew();
        for (var i = 0; i < batch; i++)
        {
            var (name, bytes) = documents[i % documents.Count];
            Read(loader, reader, name, bytes);
        }

        batchWatch.Stop();
        var allocated = (GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore) / 1024.0 / 1024.0;
        Console.WriteLine($"  batch of {batch} documents: {batchWatch.Elapsed.TotalSeconds:F2} s, {batchWatch.Elapsed.TotalMilliseconds / batch:F2} ms per document, {allocated:F0} MB allocated, peak working set {Environment.WorkingSet / 1024 / 1024} MB");
        return Task.FromResult(0);
    }

    private static void Read(PlanDocumentLoader loader, PlanReader reader, string name, byte[] bytes)
    {
        var loaded = loader.Load(bytes, name);
        if (loaded.Document is null || reader.Read(loaded.Document).FrameworkKey is null)
        {
            throw new InvalidOperationException($"{name} did not read as a plan.");
        }
    }

    private static string FindSamples()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "HighServiceDashboard.sln")))
            {
                var seeds = Path.GetFullPath(Path.Combine(dir.FullName, "..", "shared", "seeds"));
                return Directory.Exists(seeds) ? seeds : Path.Combine(dir.FullName, "Tests", "Fixtures", "Plans");
            }
        }

        throw new InvalidOperationException("Run from inside the repository.");
    }
}

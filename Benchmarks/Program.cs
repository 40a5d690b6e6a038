using HighServiceDashboard.Benchmarks;

// dotnet run -c Release --project Benchmarks -- <name> [options]
var benchmarks = new Dictionary<string, Func<string[], Task<int>>>(StringComparer.Ordinal)
{
    ["reader"] = ReaderBenchmark.RunAsync,
    ["schedule"] = ScheduleBenchmark.RunAsync,
    ["coverage"] = CoverageBenchmark.RunAsync,
};

if (args.Length == 0 || !benchmarks.TryGetValue(args[0], out var run))
{
    Console.Error.WriteLine($"usage: dotnet run -c Release --project Benchmarks -- {string.Join("|", benchmarks.Keys)} [options]");
    return 2;
}

return await run(args[1..]);

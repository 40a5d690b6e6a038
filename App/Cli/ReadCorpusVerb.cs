using System.Globalization;
using HighServiceDashboard.Infrastructure.Plans;

namespace HighServiceDashboard.App.Cli;

/// <summary>
/// <c>read-corpus [DIR]</c>: reads every file of the plan corpus (default: Tests/Corpus of this
/// checkout) as an upload would be read, judges each by its sample's oracle and prints a Markdown
/// table: a row per layout variant, a column per file form, cells <c>right/total</c> focus points
/// (under the right sub-item with the right units) summed over the samples, then the median and
/// slowest reading time per form and the totals. The files not all right go to standard error with
/// their first problems. Exit 0 when every cell is all right, 1 when one is not, 2 on wrong arguments.
/// </summary>
public static class ReadCorpusVerb
{
    public const string Verb = "read-corpus";

    private const string Usage = $"usage: {Verb} [DIR]   (DIR: the corpus folder or its Plans/ folder; default Tests/Corpus)";

    public static async Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr, CancellationToken ct)
    {
        if (args.Length > 1 || args.Any(a => a.StartsWith("--", StringComparison.Ordinal)))
        {
            await stderr.WriteLineAsync(Usage);
            return 2;
        }

        var folder = args.Length == 1 ? args[0] : PlanCorpus.FindDefaultFolder(Directory.GetCurrentDirectory()) ?? PlanCorpus.FindDefaultFolder(AppContext.BaseDirectory);
        var corpus = folder is null ? null : PlanCorpus.Open(folder);
        if (corpus is null)
        {
            await stderr.WriteLineAsync($"{Verb}: no corpus at {folder ?? "Tests/Corpus (not found from here)"}");
            await stderr.WriteLineAsync(Usage);
            return 2;
        }

        var files = corpus.Files();
        var missing = files.Select(f => f.Sample).Distinct().Where(s => corpus.OracleOf(s) is null).ToList();
        if (files.Count == 0 || missing.Count > 0)
        {
            await stderr.WriteLineAsync(files.Count == 0 ? $"{Verb}: no files under {corpus.PlansFolder}" : $"{Verb}: no oracle for {string.Join(", ", missing)}");
            return 2;
        }

        var readings = new List<CorpusReading>();
        foreach (var file in files)
        {
            readings.Add(await corpus.ReadAsync(file, ct));
        }

        foreach (var r in readings.Where(r => !r.Result.Holds))
        {
            await stderr.WriteLineAsync($"{r.File.Name}: {r.Result.Right}/{r.Result.Expected} right; {string.Join(" | ", r.Result.Problems.Take(3))}{(r.Result.Problems.Count > 3 ? $" | … {r.Result.Problems.Count - 3} more" : "")}");
        }

        await stdout.WriteAsync(Table(readings));
        return readings.All(r => r.Result.Holds) ? 0 : 1;
    }

    /// <summary>The report: variants by forms, right/total focus points per cell, times and totals.</summary>
    public static string Table(IReadOnlyList<CorpusReading> readings)
    {
        var forms = PlanCorpus.Forms.Where(f => readings.Any(r => r.File.Form == f))
            .Concat(readings.Select(r => r.File.Form).Distinct().Where(f => !PlanCorpus.Forms.Contains(f)).Order(StringComparer.Ordinal))
            .ToList();
        var variants = readings.Select(r => r.File.Variant).Distinct().OrderBy(VariantOrder).ThenBy(v => v, StringComparer.Ordinal).ToList();
        var lines = new List<string>
        {
            "| variant | " + string.Join(" | ", forms) + " |",
            "|---|" + string.Concat(forms.Select(_ => "---|")),
        };
        foreach (var variant in variants)
        {
            lines.Add($"| {variant} | " + string.Join(" | ", forms.Select(form => Cell(readings.Where(r => r.File.Variant == variant && r.File.Form == form).ToList()))) + " |");
        }

        lines.Add("| median ms | " + string.Join(" | ", forms.Select(form => Milliseconds(Median(readings.Where(r => r.File.Form == form).Select(r => r.Elapsed))))) + " |");
        lines.Add("| slowest ms | " + string.Join(" | ", forms.Select(form => Milliseconds(readings.Where(r => r.File.Form == form).Max(r => r.Elapsed)))) + " |");
        lines.Add("| all | " + string.Join(" | ", forms.Select(form => Cell(readings.Where(r => r.File.Form == form).ToList()))) + " |");
        var right = readings.Sum(r => r.Result.Right);
        var total = readings.Sum(r => r.Result.Expected);
        lines.Add("");
        lines.Add($"Total: {right}/{total} focus points right in {readings.Count} files of {readings.Select(r => r.File.Sample).Distinct().Count()} samples; " +
                  $"{readings.Count(r => r.Result.Holds)} files all right, {readings.Count(r => !r.Result.Holds)} not.");
        return string.Join('\n', lines) + "\n";
    }

    private static string Cell(IReadOnlyList<CorpusReading> readings)
    {
        if (readings.Count == 0)
        {
            return "";
        }

        var cell = $"{readings.Sum(r => r.Result.Right)}/{readings.Sum(r => r.Result.Expected)}";
        return readings.All(r => r.Result.Holds) ? cell : cell + " ✗";
    }

    private static int VariantOrder(string variant) => variant switch
    {
        "as-is" => 0,
        "three-columns" => 1,
        "four-columns" => 2,
        "subitem-in-focus" => 3,
        "labels-lost" => 4,
        "renumbered" => 5,
        "pillar-every-row" => 6,
        "header-repeated" => 7,
        "blank-lines" => 8,
        "html" => 9,
        "markdown" => 10,
        "plain" => 11,
        _ => 12,
    };

    private static TimeSpan Median(IEnumerable<TimeSpan> times)
    {
        var sorted = times.Order().ToList();
        return sorted.Count == 0 ? TimeSpan.Zero
            : sorted.Count % 2 == 1 ? sorted[sorted.Count / 2]
            : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
    }

    private static string Milliseconds(TimeSpan time) => time.TotalMilliseconds.ToString("0", CultureInfo.InvariantCulture);
}

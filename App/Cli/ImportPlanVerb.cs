using System.Globalization;
using HighServiceDashboard.Domain.Plans.Reading;
using HighServiceDashboard.Infrastructure.Plans;

namespace HighServiceDashboard.App.Cli;

/// <summary>
/// <c>import-plan FILE... [--year N] [--agency NAME] [--replace]</c>: reads each document and stores
/// it as that agency's draft plan in the configured database, one line per file: stored, or why
/// not. A bad file does not stop the others. Exit code 0 when every file was stored.
/// </summary>
public static class ImportPlanVerb
{
    public const string Usage = "usage: import-plan FILE... [--year N] [--agency NAME] [--replace]";

    public static async Task<int> RunAsync(IServiceProvider services, string[] args, TextWriter stdout, TextWriter stderr, CancellationToken ct)
    {
        var files = new List<string>();
        int? year = null;
        string? agency = null;
        var replace = false;
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--year" when i + 1 < args.Length && int.TryParse(args[i + 1], NumberStyles.None, CultureInfo.InvariantCulture, out var y) && y is > 0 and < 1000:
                    year = y;
                    i++;
                    break;
                case "--agency" when i + 1 < args.Length:
                    agency = args[++i];
                    break;
                case "--replace":
                    replace = true;
                    break;
                case var flag when flag.StartsWith("--", StringComparison.Ordinal):
                    await stderr.WriteLineAsync($"import-plan: unknown or incomplete option '{flag}' (--year takes an ROC year such as 113)");
                    await stderr.WriteLineAsync(Usage);
                    return 2;
                default:
                    files.Add(args[i]);
                    break;
            }
        }

        if (files.Count == 0)
        {
            await stderr.WriteLineAsync(Usage);
            return 2;
        }

        var import = services.GetRequiredService<PlanImportService>();
        var stored = 0;
        foreach (var file in files)
        {
            ct.ThrowIfCancellationRequested();
            var name = Path.GetFileName(file);
            if (!File.Exists(file))
            {
                await stdout.WriteLineAsync($"{name}: not stored: file not found ({file})");
                continue;
            }

            var preview = await import.PreviewAsync(await File.ReadAllBytesAsync(file, ct), name, new PlanImportOptions(year, agency), PlanImportService.CommandLine, ct);
            if (!preview.CanStore)
            {
                await stdout.WriteLineAsync($"{name}: not stored: {Explain(preview)}");
                continue;
            }

            var result = await import.StoreAsync(preview, PlanImportService.ToContent(preview.Reading!), replace, "import-plan", ct);
            if (!result.Succeeded)
            {
                var why = result.Errors.Contains("Plan.Validation.AlreadyExists")
                    ? $"{preview.AgencyName} already has a plan for {preview.RocYear} (plan {preview.ExistingPlanId}); use --replace to overwrite it"
                    : string.Join("; ", result.Errors);
                await stdout.WriteLineAsync($"{name}: not stored: {why}");
                continue;
            }

            stored++;
            var coverage = preview.Reading!.GetCoverage();
            var guesses = preview.Reading.FocusPoints.Count(p => p.IsGuess);
            await stdout.WriteLineAsync(
                $"{name}: stored as plan {result.Id} of {preview.AgencyName}, ROC {preview.RocYear}, {preview.Reading.FrameworkKey}: " +
                $"{coverage.Totals.Covered} covered, {coverage.Totals.NotApplicable} not applicable, {coverage.Totals.Missing} missing" +
                (guesses > 0 ? $", {guesses} guesses to confirm" : "") +
                (preview.Reading.Unplaced.Count > 0 ? $", {preview.Reading.Unplaced.Count} unplaced texts" : ""));
        }

        await stdout.WriteLineAsync($"{stored} of {files.Count} stored");
        return stored == files.Count ? 0 : 1;
    }

    private static string Explain(PlanImportPreview preview)
    {
        var reasons = new List<string>();
        reasons.AddRange(preview.Findings.Where(f => f.Severity == FindingSeverity.Error).Select(f => $"{f.Code}: {f.MessageEn}"));
        foreach (var error in preview.Errors.Where(e => e != "Plan.Validation.Unreadable"))
        {
            reasons.Add(error switch
            {
                "Plan.Validation.NoAgency" => $"no agency in the database matches '{preview.AgencyName ?? "(none found in the title)"}'; give --agency NAME",
                "Plan.Validation.NoYear" => preview.RocYear is null ? "no year found in the document; give --year N" : $"ROC year {preview.RocYear} is not a programme year",
                "Plan.Validation.NoFramework" => "the document fits no framework",
                "Plan.Validation.FrameworkMismatch" => $"the plan is written against '{preview.Reading?.FrameworkKey}' but ROC year {preview.RocYear} uses '{preview.YearFrameworkKey}'",
                _ => error,
            });
        }

        return string.Join("; ", reasons);
    }
}

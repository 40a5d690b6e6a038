using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using HighServiceDashboard.Domain.Plans.Reading;
using HighServiceDashboard.Infrastructure.Documents;

namespace HighServiceDashboard.App.Cli;

/// <summary>
/// <c>parse-plan FILE [--year N] [--agency NAME] [--framework KEY]</c>: reads a plan document and
/// prints the reading as JSON (coverage per sub-item, guesses, unplaced text, findings, totals).
/// Exit code 0 when the document could be read, 1 when it could not, 2 on wrong arguments.
/// </summary>
public static class ParsePlanVerb
{
    public const string Usage = "usage: parse-plan FILE [--year N] [--agency NAME] [--framework KEY]";

    private static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
    };

    public static async Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr, CancellationToken ct)
    {
        if (!TryParseArguments(args, out var file, out var options, out var error))
        {
            await stderr.WriteLineAsync(error).ConfigureAwait(false);
            await stderr.WriteLineAsync(Usage).ConfigureAwait(false);
            return 2;
        }

        if (!File.Exists(file))
        {
            await stderr.WriteLineAsync($"parse-plan: file not found: {file}").ConfigureAwait(false);
            return 1;
        }

        PlanLoadResult loaded;
        await using (var stream = File.OpenRead(file))
        {
            loaded = await new PlanDocumentLoader().LoadAsync(stream, Path.GetFileName(file), ct).ConfigureAwait(false);
        }

        if (loaded.Document is null)
        {
            foreach (var finding in loaded.Findings.Where(f => f.Severity == FindingSeverity.Error))
            {
                await stderr.WriteLineAsync($"parse-plan: {finding.Code}: {finding.MessageEn} / {finding.Message}").ConfigureAwait(false);
            }

            await stdout.WriteLineAsync(JsonSerializer.Serialize(new { file = Path.GetFileName(file), findings = loaded.Findings.Select(ToJson) }, Json)).ConfigureAwait(false);
            return 1;
        }

        var reading = new PlanReader().Read(loaded.Document, options);
        var findings = loaded.Findings.Concat(reading.Findings).ToList();
        await stdout.WriteLineAsync(JsonSerializer.Serialize(ToJson(Path.GetFileName(file), reading, findings), Json)).ConfigureAwait(false);
        if (reading.HasErrors)
        {
            foreach (var finding in reading.Findings.Where(f => f.Severity == FindingSeverity.Error))
            {
                await stderr.WriteLineAsync($"parse-plan: {finding.Code}: {finding.MessageEn} / {finding.Message}").ConfigureAwait(false);
            }

            return 1;
        }

        return 0;
    }

    private static bool TryParseArguments(string[] args, out string file, out PlanReadOptions options, out string error)
    {
        file = string.Empty;
        options = new PlanReadOptions();
        error = string.Empty;
        var rest = args.SkipWhile(a => a == "parse-plan").ToList();
        for (var i = 0; i < rest.Count; i++)
        {
            var arg = rest[i];
            if (arg is "--year" or "--agency" or "--framework")
            {
                if (i + 1 >= rest.Count)
                {
                    error = $"parse-plan: {arg} needs a value";
                    return false;
                }

                var value = rest[++i];
                switch (arg)
                {
                    case "--year" when int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var year) && year is > 0 and < 1000:
                        options = options with { RocYear = year };
                        break;
                    case "--year":
                        error = $"parse-plan: --year takes an ROC year such as 113, not '{value}'";
                        return false;
                    case "--agency":
                        options = options with { AgencyName = value };
                        break;
                    default:
                        options = options with { FrameworkKey = value };
                        break;
                }
            }
            else if (arg.StartsWith("--", StringComparison.Ordinal))
            {
                error = $"parse-plan: unknown option {arg}";
                return false;
            }
            else if (file.Length == 0)
            {
                file = arg;
            }
            else
            {
                error = $"parse-plan: more than one file given ({file}, {arg})";
                return false;
            }
        }

        if (file.Length == 0)
        {
            error = "parse-plan: no file given";
            return false;
        }

        return true;
    }

    private static object ToJson(string file, PlanReading reading, IReadOnlyList<PlanFinding> findings)
    {
        var coverage = reading.GetCoverage();
        var review = reading.Review();
        return new
        {
            file,
            agency = reading.AgencyName,
            rocYear = reading.RocYear,
            rocYearSource = Name(reading.YearSource),
            framework = reading.FrameworkKey,
            title = reading.Title,
            parent = reading.Parent,
            subordinates = reading.Subordinates,
            preamble = coverage.Preamble is { } p
                ? new { status = Name(p), focusPoints = reading.FocusPoints.Where(f => f.Code == reading.Framework!.Preamble!.Code).Select(ToJson) }
                : null,
            subItems = coverage.SubItems.Select(s => new
            {
                code = s.Code,
                pillar = s.PillarCode,
                status = Name(s.Status),
                reason = s.Reason,
                focusPoints = s.FocusPoints.Select(ToJson),
            }),
            guesses = reading.FocusPoints.Where(f => f.IsGuess).Select(f => new { code = f.Code, title = f.Title, reason = f.GuessReason, reasonEn = f.GuessReasonEn, line = f.Line }),
            unplaced = reading.Unplaced.Select(u => new { line = u.Line, text = u.Text }),
            findings = findings.Select(ToJson),
            totals = new
            {
                subItems = coverage.Totals.SubItems,
                covered = coverage.Totals.Covered,
                notApplicable = coverage.Totals.NotApplicable,
                missing = coverage.Totals.Missing,
                focusPoints = reading.FocusPoints.Count,
                guesses = reading.FocusPoints.Count(f => f.IsGuess),
                unplaced = reading.Unplaced.Count,
                textAccounted = Math.Round(reading.TextAccounted, 4),
            },
            review = new
            {
                verdict = review.NeedsReview ? "needsReview" : "ready",
                reasons = review.Reasons.Select(r => new { code = r.Code, message = r.Message, messageEn = r.MessageEn }),
            },
        };
    }

    private static object ToJson(FocusPoint f) => new
    {
        title = f.Title,
        description = f.Description,
        units = f.Units,
        allUnits = f.AllUnits,
        cadences = f.Cadences.Select(c => new { kind = c.Kind.ToString(), intervalYears = c.IntervalYears, times = c.Times, atLeast = c.AtLeast, text = c.Text }),
        line = f.Line,
        isGuess = f.IsGuess,
        guessReason = f.GuessReason,
        guessReasonEn = f.GuessReasonEn,
    };

    private static object ToJson(PlanFinding f) => new
    {
        severity = f.Severity.ToString().ToLowerInvariant(),
        code = f.Code,
        message = f.Message,
        messageEn = f.MessageEn,
        line = f.Line,
    };

    private static string Name(CoverageStatus status) => status switch
    {
        CoverageStatus.Covered => "covered",
        CoverageStatus.NotApplicable => "not-applicable",
        _ => "missing",
    };

    private static string Name(YearSource source) => source switch
    {
        YearSource.Title => "title",
        YearSource.ResultsSentence => "results-sentence",
        YearSource.Option => "option",
        _ => "none",
    };
}

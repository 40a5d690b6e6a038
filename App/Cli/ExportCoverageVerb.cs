using System.Globalization;
using HighServiceDashboard.Domain.Programme;
using HighServiceDashboard.Infrastructure.Coverage;

namespace HighServiceDashboard.App.Cli;

/// <summary>
/// <c>export-coverage --year N --format json|csv|xlsx [--out FILE]</c>: a year's coverage for the
/// commission's batch work, from the configured database. JSON goes to standard output when no
/// file is named; CSV and .xlsx need <c>--out</c>. Exit 0 on success, 2 on wrong arguments.
/// </summary>
public static class ExportCoverageVerb
{
    public const string Verb = "export-coverage";

    private const string Usage = $"usage: {Verb} --year N --format json|csv|xlsx [--out FILE]";

    public static async Task<int> RunAsync(IServiceProvider services, string[] args, TextWriter stdout, TextWriter stderr, CancellationToken ct)
    {
        int? year = null;
        string? format = null, output = null;
        for (var i = 0; i < args.Length; i++)
        {
            var value = i + 1 < args.Length ? args[i + 1] : null;
            switch (args[i])
            {
                case "--year" when int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var y) && y >= ProgrammeYear.FirstRocYear:
                    year = y;
                    i++;
                    break;
                case "--format" when value is "json" or "csv" or "xlsx":
                    format = value;
                    i++;
                    break;
                case "--out" when !string.IsNullOrWhiteSpace(value):
                    output = value;
                    i++;
                    break;
                default:
                    await stderr.WriteLineAsync($"{Usage}  (unexpected '{args[i]}')");
                    return 2;
            }
        }

        if (year is null || format is null || (format != "json" && output is null))
        {
            await stderr.WriteLineAsync(format is not null and not "json" && output is null ? $"{Usage}  ({format} needs --out FILE)" : Usage);
            return 2;
        }

        var matrix = await services.GetRequiredService<CoverageService>().GetMatrixAsync(year.Value, ct);
        if (format == "json" && output is null)
        {
            await stdout.WriteLineAsync(CoverageExport.ToJson(matrix));
            return 0;
        }

        var bytes = format switch
        {
            "csv" => CoverageExport.ToCsv(matrix),
            "xlsx" => CoverageExport.ToXlsx(matrix),
            _ => new System.Text.UTF8Encoding(false).GetBytes(CoverageExport.ToJson(matrix)),
        };
        await File.WriteAllBytesAsync(output!, bytes, ct);
        await stderr.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"{matrix.Rows.Count} agencies of ROC {year} written to {output}"));
        return 0;
    }
}

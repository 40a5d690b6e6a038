using System.Globalization;
using HighServiceDashboard.App.Hosting;
using HighServiceDashboard.Domain.Calendar;
using HighServiceDashboard.Infrastructure;
using HighServiceDashboard.Infrastructure.Data;
using HighServiceDashboard.Infrastructure.Jobs;
using HighServiceDashboard.Infrastructure.Mail;

namespace HighServiceDashboard.App.Cli;

/// <summary>
/// <c>run-daily [--as-of YYYY-MM-DD]</c>: runs what the recurring daily job runs, for that day
/// (default: today in Taipei), on the configured database; prints each alert raised and a last line
/// with the count. Run again for the same day it raises none.
/// </summary>
public static class RunDailyCommand
{
    public const string Verb = "run-daily";

    public static Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr, CancellationToken ct) =>
        RunAsync(args, stdout, stderr, null, ct);

    /// <summary><paramref name="configure"/> lets tests add settings and services (a fake clock) to the host.</summary>
    internal static async Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr, Action<HostApplicationBuilder>? configure, CancellationToken ct)
    {
        DateOnly? asOf = null;
        for (var i = 0; i < args.Length; i++)
        {
            if (args[i] == "--as-of" && i + 1 < args.Length
                && DateOnly.TryParseExact(args[i + 1], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d))
            {
                asOf = d;
                i++;
            }
            else
            {
                await stderr.WriteLineAsync($"usage: {Verb} [--as-of YYYY-MM-DD]  (unexpected '{args[i]}')");
                return 2;
            }
        }

        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { Args = [], ContentRootPath = Directory.GetCurrentDirectory() });
        builder.UseRootSettings();
        // Stdout carries the alerts and the count line only; logs go to stderr.
        builder.Logging.ClearProviders();
        builder.Logging.AddConsole(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
        builder.Logging.AddFilter((category, level) => level >= LogLevel.Warning);
        configure?.Invoke(builder);
        builder.AddInfrastructure();
        using var host = builder.Build();

        try
        {
            await host.Services.GetRequiredService<DatabaseInitializer>().InitializeAsync(ct);
        }
        catch (DatabaseStartupException ex)
        {
            await stderr.WriteLineAsync(ex.Message);
            return 1;
        }

        var job = host.Services.GetRequiredService<DailyScheduleJob>();
        var day = asOf ?? host.Services.GetRequiredService<TimeProvider>().Today();
        var result = await job.RunForAsync(day, ct);
        foreach (var a in result.Raised)
        {
            await stdout.WriteLineAsync(string.Join('\t',
                a.AgencyName, a.Obligation, RocCalendar.FormatDate(a.DueOn), a.Kind, AlertMailComposer.KindLabel(a.Kind), string.Join(", ", a.Addresses)));
        }

        if (result.Delivery.Failed > 0)
        {
            await stderr.WriteLineAsync($"{result.Delivery.Failed} mail(s) could not be sent; they stay pending and go out at the next run.");
        }

        await stdout.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"{result.Raised.Count} alert(s) raised as of {day:yyyy-MM-dd} ({RocCalendar.FormatDate(day)}); {result.Delivery.Sent} mail(s) sent."));
        return result.Delivery.Failed > 0 ? 1 : 0;
    }
}

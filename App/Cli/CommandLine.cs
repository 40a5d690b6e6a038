using System.Text;
using HighServiceDashboard.App.Hosting;
using HighServiceDashboard.Infrastructure;
using HighServiceDashboard.Infrastructure.Data;

namespace HighServiceDashboard.App.Cli;

/// <summary>
/// The verbs the app answers on the command line instead of serving the dashboard
/// (<c>dotnet run --project App -- VERB ...</c>).
/// </summary>
public static class CommandLine
{
    private delegate Task<int> Verb(string[] args, TextWriter stdout, TextWriter stderr, CancellationToken ct);

    private static readonly Dictionary<string, Verb> Verbs = new(StringComparer.Ordinal)
    {
        ["parse-plan"] = ParsePlanVerb.RunAsync,
        ["import-plan"] = (args, stdout, stderr, ct) => WithServicesAsync(services => ImportPlanVerb.RunAsync(services, args, stdout, stderr, ct), stderr),
        [RunDailyCommand.Verb] = RunDailyCommand.RunAsync,
        [ReadCorpusVerb.Verb] = ReadCorpusVerb.RunAsync,
        [CreateAdminVerb.Verb] = (args, stdout, stderr, ct) => WithServicesAsync(services => CreateAdminVerb.RunAsync(services, args, stdout, stderr, ct), stderr),
        [ExportCoverageVerb.Verb] = (args, stdout, stderr, ct) => WithServicesAsync(services => ExportCoverageVerb.RunAsync(services, args, stdout, stderr, ct), stderr),
    };

    public static bool IsCommand(string[] args) => args.Length > 0 && Verbs.ContainsKey(args[0]);

    public static async Task<int> RunAsync(string[] args)
    {
        using var cts = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) => { e.Cancel = true; cts.Cancel(); };
        var stdout = new StreamWriter(Console.OpenStandardOutput(), new UTF8Encoding(false)) { AutoFlush = true };
        var stderr = new StreamWriter(Console.OpenStandardError(), new UTF8Encoding(false)) { AutoFlush = true };
        return await Verbs[args[0]](args[1..], stdout, stderr, cts.Token);
    }

    /// <summary>
    /// Runs a verb against the configured database without starting the web server: the same
    /// configuration, migrations and services as the dashboard.
    /// </summary>
    internal static async Task<int> WithServicesAsync(Func<IServiceProvider, Task<int>> verb, TextWriter stderr, Action<IHostApplicationBuilder>? configure = null)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { EnvironmentName = Environment.GetEnvironmentVariable("DOTNET_ENVIRONMENT") ?? "Production" });
        builder.UseRootSettings();
        // Standard output carries the verb's answer (JSON, one line per file): logs go to standard error.
        builder.Logging.ClearProviders();
        builder.Logging.AddConsole(options => options.LogToStandardErrorThreshold = LogLevel.Trace);
        builder.Logging.AddFilter("HighServiceDashboard", LogLevel.Warning);
        configure?.Invoke(builder);
        builder.AddInfrastructure();
        using var host = builder.Build();
        try
        {
            await host.Services.GetRequiredService<DatabaseInitializer>().InitializeAsync();
        }
        catch (DatabaseStartupException ex)
        {
            await stderr.WriteLineAsync(ex.Message);
            return 1;
        }

        // What a verb saves is on record as done from the command line.
        host.Services.GetRequiredService<Infrastructure.Audit.AuditActor>().Set("cli");
        return await verb(host.Services);
    }
}

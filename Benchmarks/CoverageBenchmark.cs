using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using HighServiceDashboard.Domain.Agencies;
using HighServiceDashboard.Domain.Plans;
using HighServiceDashboard.Infrastructure;
using HighServiceDashboard.Infrastructure.Coverage;
using HighServiceDashboard.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace HighServiceDashboard.Benchmarks;

/// <summary>
/// The coverage heatmap and its .xlsx export over 400 agencies with 10 years of plans (ROC 105 to
/// 114, about 20 focus points each), timed over real HTTP: the dashboard is started from its build
/// output on Kestrel against a temporary SQLite file, and each request is timed from sending it to
/// the last byte of the answer (the prerendered HTML, the workbook).
/// </summary>
public static class CoverageBenchmark
{
    private const int HeatmapRuns = 40;
    private const int XlsxRuns = 10;

    public static async Task<int> RunAsync(string[] args)
    {
        var app = FindApp();
        if (app is null)
        {
            await Console.Error.WriteLineAsync("The dashboard's build output (App/bin/<configuration>/net10.0/HighServiceDashboard.App.dll) is missing: build the solution first.");
            return 2;
        }

        // --db FILE keeps the generated database there and reuses it on the next run.
        var keep = args.Length == 2 && args[0] == "--db" ? Path.GetFullPath(args[1]) : null;
        var folder = Path.Combine(Path.GetTempPath(), "hsd-bench", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        var database = keep ?? Path.Combine(folder, "bench.db");
        var connectionString = $"Data Source={database}";
        Process? server = null;
        try
        {
            if (keep is null || !File.Exists(keep))
            {
                var (agencies, plans, points) = await GenerateAsync(connectionString, folder);
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{agencies} agencies, {plans} plans of ROC 105-114, {points} focus points"));
            }

            await TimeQueryAsync(connectionString, folder);

            var port = FreePort();
            var baseUrl = $"http://127.0.0.1:{port}";
            server = StartServer(app, baseUrl, connectionString, folder);
            using var client = new HttpClient(new SocketsHttpHandler { UseCookies = false }) { BaseAddress = new Uri(baseUrl), Timeout = TimeSpan.FromSeconds(60) };
            await WaitHealthyAsync(client);

            var heatmap = await TimeAsync(client, "/coverage", HeatmapRuns, "hsd-year=113");
            var everyRow = await TimeAsync(client, "/coverage?rows=all", HeatmapRuns, "hsd-year=113");
            var xlsx = await TimeAsync(client, "/coverage/113.xlsx", XlsxRuns, null);
            Report("heatmap page /coverage (ROC 113, first page of 100 rows, the default), to the last byte of the prerendered HTML", heatmap);
            Report("heatmap page /coverage?rows=all (ROC 113, all 400 rows on one page)", everyRow);
            Report("xlsx export /coverage/113.xlsx (400 agencies)", xlsx);

            var ok = Median(heatmap.Times) < 300 && Median(xlsx.Times) < 2000;
            Console.WriteLine(ok ? "targets met (heatmap median < 300 ms, xlsx median < 2 s)" : "TARGETS MISSED (heatmap median < 300 ms, xlsx median < 2 s)");
            return ok ? 0 : 1;
        }
        finally
        {
            if (server is { HasExited: false })
            {
                server.Kill(entireProcessTree: true);
                await server.WaitForExitAsync();
            }

            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            try
            {
                Directory.Delete(folder, recursive: true);
            }
            catch (IOException)
            {
            }
        }
    }

    private static string? FindApp()
    {
        // Benchmarks/bin/<configuration>/net10.0/ → App/bin/<configuration>/net10.0/
        var own = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var configuration = own.Parent!.Name;
        var root = own.Parent.Parent!.Parent!.Parent!.FullName;
        var dll = Path.Combine(root, "App", "bin", configuration, own.Name, "HighServiceDashboard.App.dll");
        return File.Exists(dll) ? dll : null;
    }

    /// <summary>The database of a fresh install grown to 400 agencies, each with a plan in each of ten years.</summary>
    private static async Task<(int Agencies, int Plans, int Points)> GenerateAsync(string connectionString, string folder)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { Args = [], DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:Default"] = connectionString,
            ["Storage:DataFolder"] = folder,
        });
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.AddInfrastructure();
        using var host = builder.Build();
        await host.Services.GetRequiredService<DatabaseInitializer>().InitializeAsync();
        var factory = host.Services.GetRequiredService<IDbContextFactory<AppDbContext>>();
        var agencies = await ScheduleBenchmark.GrowToAsync(factory, 400);

        int plans = 0, points = 0;
        await using (var db = await factory.CreateDbContextAsync())
        {
            var ids = await db.Agencies.Where(a => a.Level != AgencyLevel.City).OrderBy(a => a.Id).Select(a => a.Id).ToListAsync();
            var years = await db.ProgrammeYears.Where(y => y.RocYear >= 105 && y.RocYear <= 114)
                .Select(y => new { y.RocYear, y.FrameworkId }).ToListAsync();
            var codes = await db.SubItems.Select(s => new { s.Pillar!.FrameworkId, s.Code }).ToListAsync();
            var codesByFramework = codes.GroupBy(c => c.FrameworkId).ToDictionary(g => g.Key, g => g.Select(c => c.Code).Order(StringComparer.Ordinal).ToList());
            db.ChangeTracker.AutoDetectChangesEnabled = false;
            var now = new DateTimeOffset(2024, 3, 1, 9, 0, 0, TimeSpan.FromHours(8));
            foreach (var year in years)
            {
                var subItems = codesByFramework[year.FrameworkId];
                foreach (var (agencyId, index) in ids.Select((id, i) => (id, i)))
                {
                    var plan = new Plan
                    {
                        AgencyId = agencyId, RocYear = year.RocYear, FrameworkId = year.FrameworkId, Title = $"基準測試{year.RocYear}年度提升服務計畫",
                        Status = (PlanStatus)((index + year.RocYear) % 4), CreatedAt = now, UpdatedAt = now,
                    };
                    plan.FocusPoints.Add(new FocusPoint { SubItemCode = "0", Order = 0, Title = "訂定計畫", Units = [new FocusPointUnit { Name = "秘書室" }] });
                    // About one sub-item in seven left out, one in eleven declared not applicable: gaps to show.
                    var served = subItems.Where((_, k) => (index + year.RocYear + k) % 7 != 0).ToList();
                    var declared = subItems.Where((c, k) => !served.Contains(c) && (index + k) % 11 == 0).ToList();
                    for (var n = 0; n < 19; n++)
                    {
                        var code = served[n % served.Count];
                        plan.FocusPoints.Add(new FocusPoint
                        {
                            SubItemCode = code, Order = n + 1, Title = $"重點{n + 1}：{code}之具體作法",
                            Description = "每季定期辦理檢討，並依民眾意見滾動修正作業流程與服務措施。",
                            Units = [new FocusPointUnit { Name = n % 3 == 0 ? "秘書室" : "業務科" }],
                        });
                    }

                    plan.NotApplicable.AddRange(declared.Select(c => new NotApplicableItem { SubItemCode = c, Reason = "本機關業務性質特殊，尚無此項服務" }));
                    db.Plans.Add(plan);
                    plans++;
                    points += plan.FocusPoints.Count;
                }

                db.ChangeTracker.DetectChanges();
                await db.SaveChangesAsync();
                db.ChangeTracker.Clear();
            }
        }

        return (agencies, plans, points);
    }

    /// <summary>The service's part alone, in this process: the year's matrix from the database.</summary>
    private static async Task TimeQueryAsync(string connectionString, string folder)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { Args = [], DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:Default"] = connectionString,
            ["Storage:DataFolder"] = folder,
        });
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.AddInfrastructure();
        using var host = builder.Build();
        var coverage = host.Services.GetRequiredService<CoverageService>();
        var times = new List<double>();
        for (var i = -3; i < 20; i++)
        {
            var watch = Stopwatch.StartNew();
            var matrix = await coverage.GetMatrixAsync(113);
            if (i >= 0)
            {
                times.Add(watch.Elapsed.TotalMilliseconds);
            }

            if (i == 0)
            {
                watch.Restart();
                var bytes = CoverageExport.ToXlsx(matrix).Length;
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"writing the workbook alone: {watch.Elapsed.TotalMilliseconds:0} ms ({bytes / 1024} KiB)"));
            }
        }

        Report("the year's matrix from the database (CoverageService, in process)", new Timing(times, 0));
    }

    private static Process StartServer(string app, string baseUrl, string connectionString, string folder)
    {
        var start = new ProcessStartInfo("dotnet", [app, "--urls", baseUrl])
        {
            WorkingDirectory = folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.Environment["ConnectionStrings__Default"] = connectionString;
        start.Environment["Storage__DataFolder"] = folder;
        start.Environment["Jobs__Enabled"] = "false";
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        var process = Process.Start(start)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) Console.Error.WriteLine($"[server] {e.Data}"); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    private static async Task WaitHealthyAsync(HttpClient client)
    {
        var watch = Stopwatch.StartNew();
        while (watch.Elapsed < TimeSpan.FromSeconds(60))
        {
            try
            {
                if ((await client.GetAsync("/healthz")).IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
            }

            await Task.Delay(250);
        }

        throw new TimeoutException("The dashboard did not answer /healthz within a minute.");
    }

    private sealed record Timing(List<double> Times, long Bytes);

    /// <summary>Three warm-up requests, then <paramref name="runs"/> timed ones, one after the other.</summary>
    private static async Task<Timing> TimeAsync(HttpClient client, string path, int runs, string? cookie)
    {
        long bytes = 0;
        var times = new List<double>();
        for (var i = -3; i < runs; i++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, path);
            if (cookie is not null)
            {
                request.Headers.Add("Cookie", cookie);
            }

            var watch = Stopwatch.StartNew();
            using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
            var body = await response.Content.ReadAsByteArrayAsync();
            watch.Stop();
            if (response.StatusCode != HttpStatusCode.OK)
            {
                throw new InvalidOperationException($"{path} answered {(int)response.StatusCode}");
            }

            bytes = body.Length;
            if (i >= 0)
            {
                times.Add(watch.Elapsed.TotalMilliseconds);
            }
        }

        return new Timing(times, bytes);
    }

    private static double Median(List<double> times) => times.Order().ElementAt(times.Count / 2);

    private static void Report(string what, Timing timing)
    {
        var sorted = timing.Times.Order().ToList();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{what}: median {Median(timing.Times):0} ms, p90 {sorted[(int)(sorted.Count * 0.9)]:0} ms, max {sorted[^1]:0} ms over {sorted.Count} requests; {timing.Bytes / 1024.0:0} KiB"));
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

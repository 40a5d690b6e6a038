using System.Diagnostics;
using System.Globalization;
using HighServiceDashboard.Domain.Agencies;
using HighServiceDashboard.Infrastructure;
using HighServiceDashboard.Infrastructure.Data;
using HighServiceDashboard.Infrastructure.Jobs;
using HighServiceDashboard.Infrastructure.Mail;
using HighServiceDashboard.Infrastructure.Schedule;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using MimeKit;

namespace HighServiceDashboard.Benchmarks;

/// <summary>
/// The daily evaluation over 400 agencies with all their obligations, timed.
/// Each measured morning is what DailyScheduleJob.RunForAsync does, in its three steps: the
/// evaluation (syncing the obligations of this and last year with the schedule, then raising the
/// alerts due, in one transaction), timed as the figure; then the delivery of the mails to a sender
/// that keeps nothing, timed apart (one commit per mail, so it is bound by the disk's fsync).
/// </summary>
public static class ScheduleBenchmark
{
    public static async Task<int> RunAsync(string[] args)
    {
        var folder = Path.Combine(Path.GetTempPath(), "hsd-bench", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { Args = [], DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:Default"] = $"Data Source={Path.Combine(folder, "bench.db")}",
            ["Storage:DataFolder"] = folder,
        });
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.AddInfrastructure();
        builder.Services.AddSingleton<IMailSender, NullMailSender>();
        using var host = builder.Build();

        try
        {
            await host.Services.GetRequiredService<DatabaseInitializer>().InitializeAsync();
            var factory = host.Services.GetRequiredService<IDbContextFactory<AppDbContext>>();
            var agencies = await GrowToAsync(factory, 400);
            var obligations = host.Services.GetRequiredService<ObligationService>();
            var job = host.Services.GetRequiredService<DailyScheduleJob>();
            var evaluator = host.Services.GetRequiredService<AlertEvaluator>();
            var delivery = host.Services.GetRequiredService<AlertDeliveryService>();

            // Every agency's plan states quarterly phone tests and a yearly inspection: those are obligations too.
            await using (var db = await factory.CreateDbContextAsync())
            {
                foreach (var id in await db.Agencies.Where(a => a.Level != AgencyLevel.City).Select(a => a.Id).ToListAsync())
                {
                    (string, string, string?)[] plan = [("每季定期辦理「電話服務品質及禮貌測試」", "quarterly", "秘書室"), ("每年至少辦理洽公環境設備檢查1次", "yearly", "總務科")];
                    await obligations.SyncCommitmentsAsync(id, 112, plan);
                    await obligations.SyncCommitmentsAsync(id, 113, plan);
                }
            }

            await job.RunForAsync(new DateOnly(2024, 4, 1));
            await using (var db = await factory.CreateDbContextAsync())
            {
                var obligationCount = await db.Obligations.CountAsync();
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{agencies} agencies, {obligationCount} obligations (ROC 112 and 113)"));
            }

            var times = new List<(DateOnly Day, double Ms, int Raised, double DeliveryMs)>();
            for (var day = new DateOnly(2024, 4, 2); day <= new DateOnly(2024, 5, 16); day = day.AddDays(1))
            {
                var watch = Stopwatch.StartNew();
                await obligations.SyncCurrentYearsAsync(day);
                var raised = await evaluator.RaiseAsync(day);
                var evaluation = watch.Elapsed.TotalMilliseconds;
                await delivery.DeliverPendingAsync();
                times.Add((day, evaluation, raised.Count, watch.Elapsed.TotalMilliseconds - evaluation));
            }

            var sorted = times.Select(t => t.Ms).Order().ToList();
            var busiest = times.MaxBy(t => t.Raised);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"daily evaluation over {times.Count} mornings (2024-04-02..2024-05-16): median {sorted[sorted.Count / 2]:0} ms, max {sorted[^1]:0} ms"));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"busiest morning {busiest.Day:yyyy-MM-dd}: {busiest.Raised} alerts raised, evaluation {busiest.Ms:0} ms, then {busiest.DeliveryMs:0} ms to deliver their mails"));
            var repeat = Stopwatch.StartNew();
            var again = await job.RunForAsync(busiest.Day);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"the same morning again (whole job): {again.Raised.Count} alerts in {repeat.Elapsed.TotalMilliseconds:0} ms"));
            return sorted[^1] < 1000 ? 0 : 1;
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }

    // Adds first-level bureaus, each with two offices, until the tree has the given number of agencies (levels 1 and 2).
    internal static async Task<int> GrowToAsync(IDbContextFactory<AppDbContext> factory, int total)
    {
        await using var db = await factory.CreateDbContextAsync();
        var city = await db.Agencies.SingleAsync(a => a.Level == AgencyLevel.City);
        var count = await db.Agencies.CountAsync(a => a.Level != AgencyLevel.City);
        for (var i = 1; count < total; i++)
        {
            var bureau = new Agency { Name = $"基準測試局{i:000}", Kind = AgencyKind.Bureau, Level = AgencyLevel.FirstLevel, ParentId = city.Id };
            count++;
            for (var j = 1; j <= 2 && count < total; j++, count++)
            {
                bureau.Children.Add(new Agency { Name = $"基準測試局{i:000}第{j}處", Kind = AgencyKind.Office, Level = AgencyLevel.SecondLevel });
            }

            db.Agencies.Add(bureau);
        }

        await db.SaveChangesAsync();
        return count;
    }
}

internal sealed class NullMailSender : IMailSender
{
    public Task SendAsync(MimeMessage message, CancellationToken ct = default) => Task.CompletedTask;
}

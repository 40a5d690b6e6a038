using System.Text.RegularExpressions;
using HighServiceDashboard.App.Components;
using HighServiceDashboard.Domain.PhoneTests;
using HighServiceDashboard.Domain.Results;
using HighServiceDashboard.Infrastructure.Data;
using HighServiceDashboard.Infrastructure.Jobs;
using HighServiceDashboard.Infrastructure.PhoneTests;
using HighServiceDashboard.Infrastructure.Plans;
using HighServiceDashboard.Infrastructure.Results;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace HighServiceDashboard.Tests.Support;

/// <summary>
/// One dashboard on Kestrel for a whole test class (starting one per test would cost more than the
/// checks): the browser tests that only read share it.
/// </summary>
public sealed partial class DashboardServerFixture : IAsyncLifetime
{
    private readonly DashboardFactory _factory = new();

    public string BaseUrl { get; private set; } = "";

    public async Task InitializeAsync()
    {
        BaseUrl = _factory.StartKestrel();
        await LoadSamplePlansAsync();
        await RaiseAlertsAsync();
        await RecordPhoneTestsAsync();
        await WriteResultsAsync();
    }

    /// <summary>The Finance Bureau's results of 113 written and with a file, where its sample plan is loaded, so that the results page shows them.</summary>
    private async Task WriteResultsAsync()
    {
        await using var db = await _factory.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        var bureau = await db.Agencies.Where(a => a.Name == "高雄市政府財政局").Select(a => a.Id).SingleAsync();
        if (await _factory.Services.GetRequiredService<ResultsQueries>().GetAsync(bureau, 113) is not { HasPlan: true } view)
        {
            return;
        }

        var results = _factory.Services.GetRequiredService<ResultsService>();
        var input = new ResultsContentInput { Summary = "本局113年度各項服務措施均依計畫完成。", Items = view.Items.ToDictionary(i => i.Code, i => $"{i.Text}：已完成") };
        var saved = await results.SaveAsync(bureau, 113, view.Version, input, "fixture");
        var file = await results.AddAttachmentAsync(bureau, 113, view.Items.First().Code, AttachmentKind.Evidence, "佐證資料.pdf", SampleFiles.Pdf, "fixture");
        if (!saved.Succeeded || !file.Succeeded)
        {
            throw new InvalidOperationException($"The sample results did not store: {string.Join(", ", saved.Errors.Concat(file.Errors))}");
        }
    }

    /// <summary>
    /// A first round of 113 for a few agencies (one call poor, so that a follow-up is open) and a
    /// second round of 112 for the Finance Bureau, so that its history has a trend.
    /// </summary>
    private async Task RecordPhoneTestsAsync()
    {
        var tests = _factory.Services.GetRequiredService<PhoneTestService>();
        var rubrics = _factory.Services.GetRequiredService<PhoneRubricService>();
        await using var db = await _factory.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        var ids = await db.Agencies.Where(a => a.Name == "高雄市政府財政局" || a.Name == "高雄市稅捐稽徵處" || a.Name == "高雄市政府財政局動產質借所")
            .ToDictionaryAsync(a => a.Name, a => a.Id);
        var calls = new (int Year, PhoneTestRound Round, string Date, string Agency, string? Unit, int[] Points, string[] Faults)[]
        {
            (112, PhoneTestRound.SecondHalf, "112/09/14", "高雄市政府財政局", "秘書室", [18, 15, 10, 18, 10], ["no-greeting"]),
            (113, PhoneTestRound.FirstHalf, "113/03/12", "高雄市政府財政局", "秘書室", [23, 19, 14, 24, 14], []),
            (113, PhoneTestRound.FirstHalf, "113/03/12", "高雄市政府財政局", "財務管理科", [20, 17, 12, 20, 12], ["unit-not-named"]),
            (113, PhoneTestRound.FirstHalf, "113/03/13", "高雄市稅捐稽徵處", "服務科", [8, 10, 5, 12, 8], ["transferred-often", "unit-not-named", "no-deputy"]),
            (113, PhoneTestRound.FirstHalf, "113/03/13", "高雄市政府財政局動產質借所", null, [22, 16, 12, 19, 11], ["unit-not-named"]),
        };
        foreach (var call in calls)
        {
            var input = PhoneTestInput.For(await rubrics.GetCurrentAsync(call.Year, call.Round));
            input.DateText = call.Date;
            input.TimeText = "10:15";
            input.AgencyId = ids[call.Agency];
            input.UnitName = call.Unit;
            input.Number = "07-3373000";
            input.Tester = "研考會測試員";
            input.FaultCodes = [.. call.Faults];
            for (var i = 0; i < call.Points.Length; i++)
            {
                input.Scores[i].Points = call.Points[i];
            }

            var result = await tests.SaveAsync(input, "fixture");
            if (!result.Succeeded)
            {
                throw new InvalidOperationException($"The sample phone test of {call.Agency} did not store: {string.Join(", ", result.Errors)}");
            }
        }
    }

    /// <summary>
    /// Two days after the plans' due date of 113, so that the schedule pages show late, open and
    /// done obligations and the alerts page has alerts to list.
    /// </summary>
    private async Task RaiseAlertsAsync()
    {
        _factory.Clock.SetUtcNow(new DateTimeOffset(2024, 5, 2, 9, 0, 0, TimeSpan.FromHours(8)));
        await _factory.Services.GetRequiredService<DailyScheduleJob>().RunForAsync(new DateOnly(2024, 5, 2));
    }

    /// <summary>
    /// The pages are checked with plans in them: the project's own fixtures always, and the four
    /// sample plans of ../shared/seeds where they are beside the checkout.
    /// </summary>
    private async Task LoadSamplePlansAsync()
    {
        var files = new[] { "not-applicable.txt", "lost-label-guess.txt", "refine-plan.txt" }
            .Select(name => Path.Combine(AppContext.BaseDirectory, "Fixtures", "Plans", name)).ToList();
        if (SeedPlans.SeedFolder is { } seeds)
        {
            files.AddRange(Directory.GetFiles(seeds, "*.txt").Order());
        }

        var import = _factory.Services.GetRequiredService<PlanImportService>();
        foreach (var file in files)
        {
            var preview = await import.PreviewAsync(await File.ReadAllBytesAsync(file), Path.GetFileName(file), new PlanImportOptions(), PlanImportService.CommandLine);
            var result = await import.StoreAsync(preview, PlanImportService.ToContent(preview.Reading!), replace: false, "fixture");
            if (!result.Succeeded)
            {
                throw new InvalidOperationException($"The sample plan {file} did not store: {string.Join(", ", result.Errors)}");
            }
        }
    }

    /// <summary>The catalogue's sample address with each <c>{agency:NAME}</c> replaced by that seeded agency's id.</summary>
    public async Task<string> ResolveAsync(PageEntry page)
    {
        var path = page.SamplePath;
        foreach (Match token in AgencyToken().Matches(page.SamplePath))
        {
            var name = token.Groups["name"].Value;
            await using var db = await _factory.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
            var id = await db.Agencies.Where(a => a.Name == name).Select(a => (int?)a.Id).SingleOrDefaultAsync()
                ?? throw new InvalidOperationException($"PageCatalog's sample for {page.Template} names agency '{name}', which is not seeded.");
            path = path.Replace(token.Value, id.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
        }

        foreach (Match token in PlanToken().Matches(path))
        {
            var name = token.Groups["name"].Value;
            await using var db = await _factory.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
            var id = await db.Plans.Where(p => p.Agency!.Name == name).OrderBy(p => p.RocYear).Select(p => (int?)p.Id).FirstOrDefaultAsync()
                ?? throw new InvalidOperationException($"PageCatalog's sample for {page.Template} names the plan of '{name}', which is not loaded.");
            path = path.Replace(token.Value, id.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
        }

        foreach (Match token in FollowUpToken().Matches(path))
        {
            var name = token.Groups["name"].Value;
            await using var db = await _factory.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
            var id = await db.PhoneFollowUps.Where(f => f.PhoneTest!.Agency!.Name == name).OrderBy(f => f.Id).Select(f => (int?)f.Id).FirstOrDefaultAsync()
                ?? throw new InvalidOperationException($"PageCatalog's sample for {page.Template} names a follow-up of '{name}', which is not recorded.");
            path = path.Replace(token.Value, id.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
        }

        return path;
    }

    public async Task DisposeAsync() => await _factory.DisposeAsync();

    [GeneratedRegex(@"\{agency:(?<name>[^}]+)\}")]
    private static partial Regex AgencyToken();

    [GeneratedRegex(@"\{plan:(?<name>[^}]+)\}")]
    private static partial Regex PlanToken();

    [GeneratedRegex(@"\{followup:(?<name>[^}]+)\}")]
    private static partial Regex FollowUpToken();
}

using HighServiceDashboard.App.Cli;
using HighServiceDashboard.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace HighServiceDashboard.Tests.App.Cli;

public class ImportPlanVerbTests : IAsyncLifetime
{
    private TestDatabase _database = default!;

    public async Task InitializeAsync() => _database = await TestDatabase.CreateAsync(initialize: false);

    public async Task DisposeAsync() => await _database.DisposeAsync();

    private static string Fixture(string name) => Path.Combine(AppContext.BaseDirectory, "Fixtures", "Plans", name);

    private async Task<(int Exit, string Out, string Err)> RunAsync(params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var exit = await CommandLine.WithServicesAsync(
            services => ImportPlanVerb.RunAsync(services, args, stdout, stderr, CancellationToken.None),
            stderr,
            builder => builder.Configuration["ConnectionStrings:Default"] = _database.ConnectionString);
        return (exit, stdout.ToString(), stderr.ToString());
    }

    [Fact]
    public async Task Run_BatchWithOneBadFile_StoresTheGoodOnesAndNamesTheBadOne()
    {
        var bad = Path.Combine(_database.Folder, "broken.txt");
        await File.WriteAllBytesAsync(bad, [0x00, 0x13, 0x37, 0x00, 0xFF]);

        var (exit, output, _) = await RunAsync(Fixture("not-applicable.txt"), bad, Fixture("refine-plan.txt"));

        Assert.Equal(1, exit);
        var lines = output.Trim().Split('\n');
        Assert.StartsWith("not-applicable.txt: stored as plan ", lines[0]);
        Assert.StartsWith("broken.txt: not stored: BINARY_FILE", lines[1]);
        Assert.StartsWith("refine-plan.txt: stored as plan ", lines[2]);
        Assert.Equal("2 of 3 stored", lines[^1]);
        await using var db = _database.Open();
        Assert.Equal(2, await db.Plans.CountAsync());
    }

    [Fact]
    public async Task Run_SecondTimeWithoutReplace_RefusesAndKeepsThePlan()
    {
        await RunAsync(Fixture("not-applicable.txt"));

        var (exit, output, _) = await RunAsync(Fixture("not-applicable.txt"));
        var (replaceExit, replaced, _) = await RunAsync(Fixture("not-applicable.txt"), "--replace");

        Assert.Equal(1, exit);
        Assert.Contains("already has a plan for 113", output);
        Assert.Contains("use --replace", output);
        Assert.Equal(0, replaceExit);
        Assert.Contains("stored as plan 1 of 高雄市政府財政局動產質借所, ROC 113, leap", replaced);
    }

    [Fact]
    public async Task Run_NoFiles_PrintsUsage()
    {
        var (exit, _, error) = await RunAsync("--year", "113");

        Assert.Equal(2, exit);
        Assert.Contains(ImportPlanVerb.Usage, error);
    }
}

using HighServiceDashboard.App.Cli;
using HighServiceDashboard.Tests.Support;
using Microsoft.Extensions.Configuration;

namespace HighServiceDashboard.Tests.Integration;

public class RunDailyCommandTests : IAsyncLifetime
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "hsd-tests", Guid.NewGuid().ToString("N"));

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_folder, true);
        }
        catch (IOException)
        {
        }

        return Task.CompletedTask;
    }

    private async Task<(int Code, string[] Lines, string Errors)> RunAsync(params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var code = await RunDailyCommand.RunAsync(args, stdout, stderr, builder => builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:Default"] = $"Data Source={Path.Combine(_folder, "cli.db")};Pooling=False",
            ["Storage:DataFolder"] = _folder,
        }), CancellationToken.None);
        return (code, stdout.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries), stderr.ToString());
    }

    [Fact]
    public async Task RunDaily_AsOfDayBeforePlanDeadline_PrintsEachAlertThenTheCountAndSecondRunRaisesNone()
    {
        var first = await RunAsync("--as-of", "2024-04-29");
        var second = await RunAsync("--as-of", "2024-04-29");

        Assert.Equal((0, ""), (first.Code, first.Errors));
        Assert.Equal(97, first.Lines.Length);
        Assert.Equal("96 alert(s) raised as of 2024-04-29 (113/04/29); 96 mail(s) sent.", first.Lines[^1]);
        Assert.Contains("高雄市政府財政局\t提送113年度提升服務執行計畫\t113/04/30\tDueIn1Day\t到期提醒：明日到期\tcommission@highservice.local", first.Lines);
        Assert.Equal(["0 alert(s) raised as of 2024-04-29 (113/04/29); 0 mail(s) sent."], second.Lines);
        Assert.Equal(96, Directory.GetFiles(Path.Combine(_folder, "mail"), "*.eml").Length);
    }

    [Fact]
    public async Task RunDaily_BadDate_ExplainsUsage()
    {
        var result = await RunAsync("--as-of", "113/04/29");

        Assert.Equal(2, result.Code);
        Assert.Contains("usage: run-daily [--as-of YYYY-MM-DD]", result.Errors);
    }
}

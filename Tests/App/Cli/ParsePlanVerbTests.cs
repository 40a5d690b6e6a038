using System.Text;
using System.Text.Json;
using HighServiceDashboard.App.Cli;
using HighServiceDashboard.Tests.Domain.PlanReading;

namespace HighServiceDashboard.Tests.App.Cli;

public sealed class ParsePlanVerbTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("parse-plan-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task RunAsync_ReadablePlan_PrintsCoverageJsonAndExitsZero()
    {
        var (code, stdout, stderr) = await RunAsync(PlanFixtures.Path("not-applicable.txt"));

        Assert.Equal(0, code);
        Assert.Equal(string.Empty, stderr);
        Assert.Contains("高雄市政府財政局動產質借所", stdout);
        using var json = JsonDocument.Parse(stdout);
        var root = json.RootElement;
        Assert.Equal("高雄市政府財政局動產質借所", root.GetProperty("agency").GetString());
        Assert.Equal(113, root.GetProperty("rocYear").GetInt32());
        Assert.Equal("title", root.GetProperty("rocYearSource").GetString());
        Assert.Equal("leap", root.GetProperty("framework").GetString());
        Assert.Equal("missing", root.GetProperty("preamble").GetProperty("status").GetString());
        var subItems = root.GetProperty("subItems").EnumerateArray().ToList();
        Assert.Equal(22, subItems.Count);
        var online = subItems.Single(s => s.GetProperty("code").GetString() == "3.2");
        Assert.Equal("not-applicable", online.GetProperty("status").GetString());
        Assert.Equal("質借業務須當面鑑定物品，尚無提供線上申辦服務", online.GetProperty("reason").GetString());
        var window = subItems.Single(s => s.GetProperty("code").GetString() == "3.1");
        Assert.Equal("covered", window.GetProperty("status").GetString());
        Assert.Equal("單一窗口", window.GetProperty("focusPoints")[0].GetProperty("title").GetString());
        Assert.Equal("missing", subItems.Single(s => s.GetProperty("code").GetString() == "3.3").GetProperty("status").GetString());
        Assert.Equal("本項不適用。", root.GetProperty("unplaced")[0].GetProperty("text").GetString());
        Assert.Contains(root.GetProperty("findings").EnumerateArray(), f => f.GetProperty("code").GetString() == "NOT_APPLICABLE_WITHOUT_REASON");
        var totals = root.GetProperty("totals");
        Assert.Equal(22, totals.GetProperty("subItems").GetInt32());
        Assert.Equal(2, totals.GetProperty("covered").GetInt32());
        Assert.Equal(1, totals.GetProperty("notApplicable").GetInt32());
        Assert.Equal(19, totals.GetProperty("missing").GetInt32());
        Assert.Equal(0, root.GetProperty("guesses").GetArrayLength());
    }

    [Fact]
    public async Task RunAsync_GuessedFocusPoint_ListsItUnderGuesses()
    {
        var (code, stdout, _) = await RunAsync(PlanFixtures.Path("lost-label-guess.txt"));

        Assert.Equal(0, code);
        using var json = JsonDocument.Parse(stdout);
        var guess = Assert.Single(json.RootElement.GetProperty("guesses").EnumerateArray());
        Assert.Equal("2.3", guess.GetProperty("code").GetString());
        Assert.Equal("滿意度調查", guess.GetProperty("title").GetString());
        var covered = json.RootElement.GetProperty("subItems").EnumerateArray().Single(s => s.GetProperty("code").GetString() == "2.3");
        Assert.True(covered.GetProperty("focusPoints")[0].GetProperty("isGuess").GetBoolean());
    }

    [Fact]
    public async Task RunAsync_YearAndAgencyOptions_OverrideTheDocument()
    {
        var (code, stdout, _) = await RunAsync(PlanFixtures.Path("split-cell-page-break.txt"), "--year", "110", "--agency", "高雄市鳳山地政事務所");

        Assert.Equal(0, code);
        using var json = JsonDocument.Parse(stdout);
        Assert.Equal(110, json.RootElement.GetProperty("rocYear").GetInt32());
        Assert.Equal("option", json.RootElement.GetProperty("rocYearSource").GetString());
        Assert.Equal("高雄市鳳山地政事務所", json.RootElement.GetProperty("agency").GetString());
    }

    [Fact]
    public async Task RunAsync_VerbNameAsFirstArgument_IsAccepted()
    {
        var (code, _, _) = await RunAsync("parse-plan", PlanFixtures.Path("refine-plan.txt"));

        Assert.Equal(0, code);
    }

    [Fact]
    public async Task RunAsync_EmptyFile_ExitsNonZeroWithMessage()
    {
        var file = Path.Combine(_folder, "empty.txt");
        await File.WriteAllBytesAsync(file, []);

        var (code, stdout, stderr) = await RunAsync(file);

        Assert.Equal(1, code);
        Assert.Contains("EMPTY_FILE", stderr);
        using var json = JsonDocument.Parse(stdout);
        Assert.Equal("EMPTY_FILE", json.RootElement.GetProperty("findings")[0].GetProperty("code").GetString());
    }

    [Fact]
    public async Task RunAsync_DocumentWithoutFramework_ExitsNonZero()
    {
        var file = Path.Combine(_folder, "other.txt");
        await File.WriteAllTextAsync(file, "高雄市政府環境保護局113年度節能減碳計畫\n項目\t做法\n一、節約用電\t冷氣溫度設定26度\n", Encoding.UTF8);

        var (code, stdout, stderr) = await RunAsync(file);

        Assert.Equal(1, code);
        Assert.Contains("UNKNOWN_FRAMEWORK", stderr);
        using var json = JsonDocument.Parse(stdout);
        Assert.Equal(JsonValueKind.Null, json.RootElement.GetProperty("framework").ValueKind);
    }

    [Theory]
    [InlineData(new string[0], "no file given")]
    [InlineData(new[] { "a.txt", "--year" }, "--year needs a value")]
    [InlineData(new[] { "a.txt", "--year", "2024x" }, "ROC year")]
    [InlineData(new[] { "a.txt", "--colour" }, "unknown option")]
    [InlineData(new[] { "a.txt", "b.txt" }, "more than one file")]
    public async Task RunAsync_WrongArguments_ExitsTwoWithUsage(string[] args, string message)
    {
        var (code, stdout, stderr) = await RunAsync(args);

        Assert.Equal(2, code);
        Assert.Equal(string.Empty, stdout);
        Assert.Contains(message, stderr);
        Assert.Contains(ParsePlanVerb.Usage, stderr);
    }

    [Fact]
    public async Task RunAsync_MissingFile_ExitsOneWithMessage()
    {
        var (code, _, stderr) = await RunAsync(Path.Combine(_folder, "nowhere.docx"));

        Assert.Equal(1, code);
        Assert.Contains("file not found", stderr);
    }

    private static async Task<(int Code, string Stdout, string Stderr)> RunAsync(params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var code = await ParsePlanVerb.RunAsync(args, stdout, stderr, CancellationToken.None);
        return (code, stdout.ToString(), stderr.ToString());
    }
}

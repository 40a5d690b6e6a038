using System.Net;
using System.Text;
using System.Text.Json;
using HighServiceDashboard.App.Cli;
using HighServiceDashboard.Domain.Coverage;
using HighServiceDashboard.Infrastructure.Coverage;
using HighServiceDashboard.Infrastructure.Data;
using HighServiceDashboard.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MiniExcelLibs;

namespace HighServiceDashboard.Tests.Integration;

/// <summary>The exports and the open-data endpoint give the numbers the pages show (the service's).</summary>
public class CoverageExportTests : IAsyncLifetime
{
    private const string Finance = "高雄市政府財政局";
    private const string Pawnshop = "高雄市政府財政局動產質借所";
    private readonly DashboardFactory _factory = new();

    public async Task InitializeAsync()
    {
        _ = _factory.Services;
        var contexts = _factory.Services.GetRequiredService<IDbContextFactory<AppDbContext>>();
        await CoveragePlans.AddAsync(contexts, Finance, 113, CoveragePlans.LeapExcept("6.4"));
        await CoveragePlans.AddAsync(contexts, Pawnshop, 113, CoveragePlans.LeapExcept("3.2", "3.3"),
            new Dictionary<string, string> { ["3.2"] = "無線上申辦", ["3.3"] = "無跨機關服務" });
    }

    public async Task DisposeAsync() => await _factory.DisposeAsync();

    private Task<CoverageMatrix> MatrixAsync() => _factory.Services.GetRequiredService<CoverageService>().GetMatrixAsync(113);

    [Fact]
    public async Task GetApiCoverage_Year113_SameNumbersAsTheService()
    {
        var response = await _factory.CreateClient().GetAsync("/api/coverage/113");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var root = json.RootElement;
        Assert.Equal(113, root.GetProperty("rocYear").GetInt32());
        Assert.Equal("leap", root.GetProperty("frameworkKey").GetString());
        var matrix = await MatrixAsync();
        var agencies = root.GetProperty("agencies").EnumerateArray().ToList();
        Assert.Equal(91, agencies.Count);
        Assert.Equal(matrix.Rows.Select(r => r.Name), agencies.Select(a => a.GetProperty("name").GetString()));
        var finance = agencies.Single(a => a.GetProperty("name").GetString() == Finance);
        Assert.Equal("Draft", finance.GetProperty("planStatus").GetString());
        Assert.Equal("FirstLevel", finance.GetProperty("level").GetString());
        Assert.Equal("missing", finance.GetProperty("subItems").GetProperty("6.4").GetString());
        Assert.Equal(21, finance.GetProperty("covered").GetInt32());
        Assert.Equal(0.9545, finance.GetProperty("share").GetDouble());
        var pawnshop = agencies.Single(a => a.GetProperty("name").GetString() == Pawnshop);
        Assert.Equal(Finance, pawnshop.GetProperty("parent").GetString());
        Assert.Equal("notApplicable", pawnshop.GetProperty("subItems").GetProperty("3.3").GetString());
        Assert.Equal(1.0, pawnshop.GetProperty("share").GetDouble());
        var works = agencies.Single(a => a.GetProperty("name").GetString() == "高雄市政府工務局");
        Assert.Equal("none", works.GetProperty("planStatus").GetString());
        Assert.Equal("noPlan", works.GetProperty("subItems").GetProperty("1.1").GetString());
        // City-wide pillar 3: finance 4 of 4, pawnshop 2 of 2.
        var pillar3 = root.GetProperty("pillars").EnumerateArray().Single(p => p.GetProperty("code").GetString() == "3");
        Assert.Equal((6, 2, 0), (pillar3.GetProperty("covered").GetInt32(), pillar3.GetProperty("notApplicable").GetInt32(), pillar3.GetProperty("missing").GetInt32()));
        Assert.Equal(2, root.GetProperty("subItems").GetProperty("1.1").GetProperty("covered").GetInt32());
    }

    [Fact]
    public async Task GetXlsx_Year113_ReadBackWithMiniExcel_AgreesWithTheService()
    {
        var response = await (await _factory.SignedInClientAsync("reviewer")).GetAsync("/coverage/113.xlsx");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var stream = new MemoryStream(await response.Content.ReadAsByteArrayAsync());
        Assert.Equal(["民國113年涵蓋熱圖", "民國113年各執行要項", "民國113年子項目統計"], MiniExcel.GetSheetNames(stream));
        var rows = MiniExcel.Query(stream, useHeaderRow: true, sheetName: "民國113年涵蓋熱圖").Cast<IDictionary<string, object?>>().ToList();
        var matrix = await MatrixAsync();
        Assert.Equal(matrix.Rows.Count, rows.Count);
        var finance = rows.Single(r => (string?)r["機關"] == Finance);
        Assert.Equal("已涵蓋", finance["1.1"]);
        Assert.Equal("缺漏", finance["6.4"]);
        Assert.Equal(21.0, Convert.ToDouble(finance["已涵蓋"], System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(0.9545, Convert.ToDouble(finance["涵蓋率"], System.Globalization.CultureInfo.InvariantCulture));
        var pawnshop = rows.Single(r => (string?)r["機關"] == Pawnshop);
        Assert.Equal("不適用", pawnshop["3.2"]);
        Assert.Equal(Finance, pawnshop["上級機關"]);
        Assert.Equal("尚無計畫", rows.Single(r => (string?)r["機關"] == "高雄市政府工務局")["1.1"]);
        foreach (var subItem in matrix.Framework.SubItems)
        {
            Assert.Equal(matrix.Columns[subItem.Code].Covered, rows.Count(r => (string?)r[subItem.Code] == "已涵蓋"));
        }

        var tallies = MiniExcel.Query(stream, useHeaderRow: true, sheetName: "民國113年子項目統計").Cast<IDictionary<string, object?>>().ToList();
        Assert.Equal(2.0, Convert.ToDouble(tallies.Single(t => (string?)t["子項目"] == "1.1")["已涵蓋機關數"], System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task GetXlsx_FirstRowIsFrozenAndCellsColoured()
    {
        var bytes = await (await _factory.SignedInClientAsync("reviewer")).GetByteArrayAsync("/coverage/113.xlsx");

        using var document = DocumentFormat.OpenXml.Packaging.SpreadsheetDocument.Open(new MemoryStream(bytes), false);
        var sheet = document.WorkbookPart!.WorksheetParts.First().Worksheet;
        var pane = sheet.Descendants<DocumentFormat.OpenXml.Spreadsheet.Pane>().Single();
        Assert.Equal(DocumentFormat.OpenXml.Spreadsheet.PaneStateValues.Frozen, pane.State!.Value);
        Assert.Equal(1.0, pane.VerticalSplit!.Value);
        var fills = document.WorkbookPart.WorkbookStylesPart!.Stylesheet.Fills!.Elements<DocumentFormat.OpenXml.Spreadsheet.Fill>().ToList();
        Assert.Equal("FF1B5E20", fills[2].PatternFill!.ForegroundColor!.Rgb!.Value);
    }

    [Fact]
    public async Task GetCsv_Year113_HasBomAndTheHeatmapRows()
    {
        var response = await (await _factory.SignedInClientAsync("reviewer")).GetAsync("/coverage/113.csv");
        var bytes = await response.Content.ReadAsByteArrayAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal([0xEF, 0xBB, 0xBF], bytes[..3]);
        var lines = Encoding.UTF8.GetString(bytes[3..]).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(92, lines.Length);
        Assert.StartsWith("機關,層級,上級機關,計畫狀態,1.1,1.2,", lines[0]);
        Assert.EndsWith(",涵蓋率,已涵蓋,不適用,缺漏", lines[0]);
        Assert.Contains($"{Pawnshop},二級機關,{Finance},草稿,已涵蓋,", lines.Single(l => l.StartsWith(Pawnshop + ",", StringComparison.Ordinal)));
        Assert.EndsWith(",95.5%,21,0,1", lines.Single(l => l.StartsWith(Finance + ",", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task GetAgencyXlsx_Pawnshop_SubItemsWithReasons()
    {
        var id = (await MatrixAsync()).Rows.Single(r => r.Name == Pawnshop).AgencyId;

        var bytes = await (await _factory.SignedInClientAsync("reviewer")).GetByteArrayAsync($"/coverage/agencies/{id}/113.xlsx");

        using var stream = new MemoryStream(bytes);
        var rows = MiniExcel.Query(stream, useHeaderRow: true, sheetName: "民國113年子項目").Cast<IDictionary<string, object?>>().ToList();
        Assert.Equal(22, rows.Count);
        Assert.Equal("無跨機關服務", rows.Single(r => (string?)r["子項目"] == "3.3")["不適用理由"]);
        Assert.Equal("1. 1.1之重點1", rows.Single(r => (string?)r["子項目"] == "1.1")["執行重點"]);
    }

    [Fact]
    public async Task GetExports_YearBeforeTheProgramme_NotFound()
    {
        var client = await _factory.SignedInClientAsync("reviewer");

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/api/coverage/90")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/coverage/90.xlsx")).StatusCode);
    }

    [Fact]
    public async Task ExportCoverageVerb_JsonWithoutOut_WritesTheDocumentToStandardOutput()
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();

        var exit = await CommandLine.WithServicesAsync(
            services => ExportCoverageVerb.RunAsync(services, ["--year", "113", "--format", "json"], stdout, stderr, CancellationToken.None),
            stderr,
            builder => builder.Configuration["ConnectionStrings:Default"] = _factory.ConnectionString);

        Assert.Equal(0, exit);
        using var json = JsonDocument.Parse(stdout.ToString());
        var pawnshop = json.RootElement.GetProperty("agencies").EnumerateArray().Single(a => a.GetProperty("name").GetString() == Pawnshop);
        Assert.Equal("SecondLevel", pawnshop.GetProperty("level").GetString());
        Assert.Equal(Finance, pawnshop.GetProperty("parent").GetString());
        Assert.Equal("Draft", pawnshop.GetProperty("planStatus").GetString());
        Assert.Equal("notApplicable", pawnshop.GetProperty("subItems").GetProperty("3.2").GetString());
        Assert.Equal(6, json.RootElement.GetProperty("pillars").GetArrayLength());
    }

    [Fact]
    public async Task ExportCoverageVerb_XlsxAndCsvToFiles_WritesThem()
    {
        var folder = _factory.DataFolder;
        foreach (var format in new[] { "xlsx", "csv" })
        {
            var file = Path.Combine(folder, $"out.{format}");
            var stderr = new StringWriter();
            var exit = await CommandLine.WithServicesAsync(
                services => ExportCoverageVerb.RunAsync(services, ["--year", "113", "--format", format, "--out", file], TextWriter.Null, stderr, CancellationToken.None),
                stderr,
                builder => builder.Configuration["ConnectionStrings:Default"] = _factory.ConnectionString);
            Assert.Equal(0, exit);
            Assert.True(new FileInfo(file).Length > 1000, format);
        }

        Assert.Equal(91, MiniExcel.Query(Path.Combine(folder, "out.xlsx"), useHeaderRow: true).Count());
    }

    [Fact]
    public async Task ExportCoverageVerb_CsvWithoutOut_IsAWrongArgument()
    {
        var stderr = new StringWriter();

        var exit = await ExportCoverageVerb.RunAsync(_factory.Services, ["--year", "113", "--format", "csv"], TextWriter.Null, stderr, CancellationToken.None);

        Assert.Equal(2, exit);
        Assert.Contains("needs --out", stderr.ToString());
    }
}

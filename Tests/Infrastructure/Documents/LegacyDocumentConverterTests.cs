using System.Diagnostics;
using HighServiceDashboard.Domain.Plans.Reading;
using HighServiceDashboard.Infrastructure.Documents;
using HighServiceDashboard.Tests.Support;

namespace HighServiceDashboard.Tests.Infrastructure.Documents;

/// <summary>A fact that runs LibreOffice; skipped, saying so, where soffice is not installed (CI installs it).</summary>
public sealed class SofficeFactAttribute : FactAttribute
{
    public SofficeFactAttribute()
    {
        if (new LegacyDocumentConverter().SofficePath is null)
        {
            Skip = "LibreOffice (soffice) is not on this machine; Tests/run.sh installs it.";
        }
        else if (SeedPlans.SeedFolder is null)
        {
            Skip = "The sample plans (../shared/seeds beside the repository) are not on this machine.";
        }
    }
}

public sealed class LegacyDocumentConverterTests
{
    private const string Seed = "pawnshop-114.txt";

    [Theory]
    [InlineData(new byte[] { 0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1 }, LegacyFormat.Doc)]
    [InlineData(new byte[] { (byte)'{', (byte)'\\', (byte)'r', (byte)'t', (byte)'f', (byte)'1' }, LegacyFormat.Rtf)]
    [InlineData(new byte[] { (byte)'{', (byte)'r', (byte)'t', (byte)'f' }, LegacyFormat.None)]
    [InlineData(new byte[] { (byte)'P', (byte)'K', 3, 4 }, LegacyFormat.None)]
    public void Detect_FirstBytes_TellTheFormat(byte[] bytes, LegacyFormat expected)
    {
        Assert.Equal(expected, LegacyDocumentConverter.Detect(bytes));
    }

    [SofficeFact]
    public async Task LoadAsync_DocMadeByLibreOffice_ReadsTheSameCoverageAsTheTextForm()
    {
        await using var stream = File.OpenRead(OfficeFixtures.Path("pawnshop-114.doc"));

        var loaded = await new PlanDocumentLoader().LoadAsync(stream, "pawnshop-114.doc");

        Assert.True(loaded.Succeeded, string.Join(" ", loaded.Findings.Select(f => f.Code + " " + f.MessageEn)));
        Assert.Equal(PlanFindingCodes.LegacyConverted, Assert.Single(loaded.Findings).Code);
        OfficeFixtures.AssertSameCoverage(SeedText(), loaded.Document!);
    }

    [SofficeFact]
    public async Task LoadAsync_RtfMadeByLibreOffice_ReadsTheSameCoverageAsTheTextForm()
    {
        var loaded = await new PlanDocumentLoader().LoadAsync(File.ReadAllBytes(OfficeFixtures.Path("pawnshop-114.rtf")), "pawnshop-114.rtf");

        Assert.True(loaded.Succeeded, string.Join(" ", loaded.Findings.Select(f => f.Code + " " + f.MessageEn)));
        Assert.Equal(PlanFindingCodes.LegacyConverted, Assert.Single(loaded.Findings).Code);
        Assert.Contains("RTF", loaded.Findings[0].MessageEn);
        OfficeFixtures.AssertSameCoverage(SeedText(), loaded.Document!);
    }

    [Fact]
    public async Task LoadAsync_SofficePathMissing_RefusesAskingForDocxOrOdt()
    {
        var loader = new PlanDocumentLoader(new PlanLoadOptions { SofficePath = "/nonexistent/libreoffice/soffice" });

        var doc = await loader.LoadAsync(File.ReadAllBytes(OfficeFixtures.Path("pawnshop-114.doc")), "plan.doc");
        var rtf = await loader.LoadAsync(File.ReadAllBytes(OfficeFixtures.Path("pawnshop-114.rtf")), "plan.rtf");

        var docFinding = Assert.Single(doc.Findings);
        Assert.Equal(PlanFindingCodes.UnsupportedFormat, docFinding.Code);
        Assert.Equal("這是舊版 Word（.doc）檔，本系統無法直接讀取；請另存為 .docx 或 .odt 後再上傳。", docFinding.Message);
        Assert.Equal("This is an old Word (.doc) file, which cannot be read here; save it as .docx or .odt and upload again.", docFinding.MessageEn);
        var rtfFinding = Assert.Single(rtf.Findings);
        Assert.Equal(PlanFindingCodes.UnsupportedFormat, rtfFinding.Code);
        Assert.Equal("This is an RTF file, which cannot be read here; save it as .docx or .odt and upload again.", rtfFinding.MessageEn);
    }

    [Fact]
    public void Load_LegacyFilesOnTheSyncPath_AreRefusedWithTheSameMessage()
    {
        var loader = new PlanDocumentLoader();

        var rtf = loader.Load(@"{\rtf1\ansi 計畫}"u8.ToArray(), "plan.txt");
        var doc = loader.Load([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0, 0], "plan.doc");
        var xls = loader.Load([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0, 0], "plan.xls");

        Assert.Equal(LegacyDocumentConverter.Refusal(LegacyFormat.Rtf).Findings[0], Assert.Single(rtf.Findings));
        Assert.Equal(LegacyDocumentConverter.Refusal(LegacyFormat.Doc).Findings[0], Assert.Single(doc.Findings));
        Assert.Equal("Unsupported file format (.xls); upload a .docx, .odt, .pdf or text file.", Assert.Single(xls.Findings).MessageEn);
    }

    [Fact]
    public async Task LoadAsync_ConversionOverTheTimeLimit_KillsTheProcessTreeAndDeletesItsFolder()
    {
        if (!OperatingSystem.IsLinux())
        {
            return;
        }

        using var scratch = new ScratchFolder();
        var childPid = Path.Combine(scratch.Path, "child.pid");
        var soffice = scratch.Script("soffice-hangs", $"#!/bin/sh\npwd > '{scratch.Path}/workdir'\nsleep 60 &\necho $! > '{childPid}'\nwait\n");
        var loader = new PlanDocumentLoader(new PlanLoadOptions { SofficePath = soffice, ConversionTimeout = TimeSpan.FromSeconds(2) });
        var clock = Stopwatch.StartNew();

        var loaded = await loader.LoadAsync(@"{\rtf1 計畫}"u8.ToArray(), "plan.rtf");

        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(15), clock.Elapsed.ToString());
        var finding = Assert.Single(loaded.Findings);
        Assert.Equal(PlanFindingCodes.LegacyConversionFailed, finding.Code);
        Assert.Contains("longer than 2 s", finding.MessageEn);
        var pid = int.Parse(File.ReadAllText(childPid).Trim(), System.Globalization.CultureInfo.InvariantCulture);
        Assert.False(Directory.Exists($"/proc/{pid}") && !File.ReadAllText($"/proc/{pid}/stat").Contains(") Z ", StringComparison.Ordinal), "the child process still runs");
        var workFolder = File.ReadAllText(Path.Combine(scratch.Path, "workdir")).Trim();
        Assert.Contains("hsd-convert-", workFolder);
        Assert.False(Directory.Exists(workFolder));
    }

    [Fact]
    public async Task LoadAsync_SofficeWritesNothing_GivesConversionFailed()
    {
        if (!OperatingSystem.IsLinux())
        {
            return;
        }

        using var scratch = new ScratchFolder();
        var loader = new PlanDocumentLoader(new PlanLoadOptions { SofficePath = scratch.Script("soffice-fails", "#!/bin/sh\necho 'Error: source file could not be loaded' >&2\nexit 1\n") });

        var loaded = await loader.LoadAsync([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0, 0], "plan.doc");

        var finding = Assert.Single(loaded.Findings);
        Assert.Equal(PlanFindingCodes.LegacyConversionFailed, finding.Code);
        Assert.Equal("LibreOffice could not convert this file; it may be damaged or not a text document. Save it as .docx or .odt and upload again.", finding.MessageEn);
    }

    private static PlanTextDocument SeedText() => PlanTextDocument.FromText(File.ReadAllText(SeedPlans.Path(Seed)), Seed);

    private sealed class ScratchFolder : IDisposable
    {
        public string Path { get; } = Directory.CreateTempSubdirectory("hsd-test-").FullName;

        [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
        public string Script(string name, string body)
        {
            var file = System.IO.Path.Combine(Path, name);
            File.WriteAllText(file, body);
            File.SetUnixFileMode(file, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
            return file;
        }

        public void Dispose() => Directory.Delete(Path, recursive: true);
    }
}

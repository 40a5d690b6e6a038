using System.Text;
using HighServiceDashboard.Domain.Plans.Reading;
using HighServiceDashboard.Infrastructure.Documents;
using HighServiceDashboard.Tests.Domain.PlanReading;

namespace HighServiceDashboard.Tests.Infrastructure.Documents;

public sealed class PlanDocumentLoaderTests
{
    static PlanDocumentLoaderTests()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
    }

    [Fact]
    public void Load_Big5TextFile_DetectsBig5AndReadsThePlan()
    {
        var text = PlanFixtures.Text("renumbered-labels.txt");
        var bytes = Encoding.GetEncoding(950).GetBytes(text);

        var loaded = new PlanDocumentLoader().Load(bytes, "旗津戶政.txt");

        Assert.True(loaded.Succeeded);
        Assert.Equal(PlanFindingCodes.Big5Detected, Assert.Single(loaded.Findings).Code);
        var reading = new PlanReader().Read(loaded.Document!);
        Assert.Equal("高雄市旗津區戶政事務所", reading.AgencyName);
        Assert.Equal(["1.1", "1.3", "1.4"], PlanFixtures.Covered(reading));
    }

    [Theory]
    [InlineData("utf8")]
    [InlineData("utf8-bom")]
    [InlineData("utf16le-bom")]
    [InlineData("utf16be-bom")]
    public void Load_UnicodeTextFile_ReadsSameDocument(string form)
    {
        var text = PlanFixtures.Text("not-applicable.txt");
        var bytes = form switch
        {
            "utf8" => Encoding.UTF8.GetBytes(text),
            "utf8-bom" => [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(text)],
            "utf16le-bom" => [.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes(text)],
            _ => [.. Encoding.BigEndianUnicode.GetPreamble(), .. Encoding.BigEndianUnicode.GetBytes(text)],
        };

        var loaded = new PlanDocumentLoader().Load(bytes, "plan.txt");

        var reading = new PlanReader().Read(loaded.Document!);
        Assert.Equal("高雄市政府財政局動產質借所", reading.AgencyName);
        Assert.Equal("3.2", Assert.Single(reading.NotApplicable).Code);
    }

    [Fact]
    public void Load_CsvFile_ReadsQuotedCellsAsTable()
    {
        var csv = "高雄市政府文化局113年度提升服務執行計畫\n執行要項,,執行重點,執行單位\n"
            + "\"四、關懷多元對象及城鄉差距，促進社會資源公平使用\",\"(一)體認服務對象屬性差異，對特殊或弱勢族群提供適性服務，降低其取得服務的成本。\",\"友善參觀 提供輪椅借用，並設置\"\"無障礙\"\"動線。\",\"藝術發展科、文化資產科\"\n"
            + ",\"(二)搭配複合策略，延伸服務據點，提高偏遠或交通不便地區民眾的服務可近性。\",\"行動圖書車 前往偏鄉學校提供借閱服務。\",圖書資訊科\n"
            + ",\"(三)考量服務對象數位落差，發展網路服務或輔以其他方式，提供可替代的服務管道。\",\"電話預約 提供電話預約導覽。\",各科室\n";

        var loaded = new PlanDocumentLoader().Load(Encoding.UTF8.GetBytes(csv), "plan.csv");

        var reading = new PlanReader().Read(loaded.Document!);
        Assert.Equal(["4.1", "4.2", "4.3"], PlanFixtures.Covered(reading));
        Assert.Equal("提供輪椅借用，並設置\"無障礙\"動線。", reading.FocusPoints.Single(f => f.Code == "4.1").Description);
    }

    [Fact]
    public void Load_HtmlPageFromWord_ReadsItsTable()
    {
        var html = """
            <html><head><style>td { border: 1px }</style></head><body>
            <p class=MsoTitle>高雄市政府文化局113年度提升服務執行計畫</p>
            <table border=1>
            <tr><td colspan=2><p>執行要項</p></td><td><p>執行重點</p></td><td><p>執行單位</p></td></tr>
            <tr><td rowspan=2><p>四、關懷多元對象及城鄉差距，
            促進社會資源公平使用</p></td><td><p>(一)體認服務對象屬性差異，對特殊或弱勢族群提供適性服務，降低其取得服務的成本。</p></td>
            <td><p><b>友善參觀服務</b></p><p>提供輪椅及語音導覽借用。</p></td><td><p>藝術發展科</p></td></tr>
            <tr><td><p>(二)搭配複合策略，延伸服務據點，提高偏遠或交通不便地區民眾的服務可近性。</p></td>
            <td><p>行動圖書車 每月前往偏鄉學校。</p></td><td><p>圖書資訊科</p></td></tr>
            </table>
            <p>伍、推動及管考</p></body></html>
            """;

        var loaded = new PlanDocumentLoader().Load(Encoding.UTF8.GetBytes(html), "plan.htm");

        var reading = new PlanReader().Read(loaded.Document!);
        Assert.Equal("高雄市政府文化局", reading.AgencyName);
        Assert.Equal(["4.1", "4.2"], PlanFixtures.Covered(reading));
        Assert.Equal("友善參觀服務", reading.FocusPoints.Single(f => f.Code == "4.1").Title);
        Assert.Equal(["圖書資訊科"], reading.FocusPoints.Single(f => f.Code == "4.2").Units);
        Assert.Contains(reading.OtherText, t => t.Text == "伍、推動及管考");
    }

    [Fact]
    public void Load_EmptyFile_GivesEmptyFileError()
    {
        AssertError(new PlanDocumentLoader().Load([], "plan.txt"), PlanFindingCodes.EmptyFile);
    }

    [Fact]
    public async Task LoadAsync_FileOverLimit_GivesTooLargeError()
    {
        var loader = new PlanDocumentLoader(new PlanLoadOptions { MaxBytes = 1024 });
        using var stream = new MemoryStream(new byte[4096]);

        AssertError(await loader.LoadAsync(stream, "plan.txt"), PlanFindingCodes.FileTooLarge);
    }

    [Fact]
    public async Task LoadAsync_UnseekableStreamOverLimit_StopsReadingAndGivesTooLargeError()
    {
        var loader = new PlanDocumentLoader(new PlanLoadOptions { MaxBytes = 100 });
        await using var stream = new BufferedStream(new NonSeekable(new MemoryStream(Encoding.UTF8.GetBytes(new string('計', 1000)))));

        AssertError(await loader.LoadAsync(stream, "plan.txt"), PlanFindingCodes.FileTooLarge);
    }

    [Fact]
    public void Load_DefaultLimit_IsTwentyMegabytes()
    {
        Assert.Equal(20L * 1024 * 1024, new PlanLoadOptions().MaxBytes);
    }

    [Fact]
    public void Load_BinaryFileWithTextExtension_GivesBinaryError()
    {
        var random = new Random(7);
        var bytes = new byte[2048];
        random.NextBytes(bytes);
        bytes[0] = 0x01;
        bytes[10] = 0;

        AssertError(new PlanDocumentLoader().Load(bytes, "plan.txt"), PlanFindingCodes.BinaryFile);
    }

    [Fact]
    public void Load_NeitherUtf8NorBig5_GivesNotUtf8Error()
    {
        // Windows-1252 "Café résumé": bytes that are neither valid UTF-8 nor valid Big5.
        var bytes = new byte[] { 0x43, 0x61, 0x66, 0xE9, 0x20, 0x72, 0xE9, 0x73, 0x75, 0x6D, 0xE9, 0x0A, 0xFF, 0x20 };

        var loaded = new PlanDocumentLoader().Load(bytes, "plan.txt");

        AssertError(loaded, PlanFindingCodes.NotUtf8);
        Assert.Contains("UTF-8", loaded.Findings[0].MessageEn);
    }

    [Fact]
    public void Load_OldWordFile_GivesUnsupportedFormatError()
    {
        AssertError(new PlanDocumentLoader().Load([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0, 0], "plan.doc"), PlanFindingCodes.UnsupportedFormat);
    }

    [Fact]
    public void Load_UnknownExtension_GivesUnsupportedFormatError()
    {
        AssertError(new PlanDocumentLoader().Load(Encoding.UTF8.GetBytes("計畫"), "plan.exe"), PlanFindingCodes.UnsupportedFormat);
    }

    [Fact]
    public void Load_RandomBytesAndTruncation_NeverThrowsNorLosesText()
    {
        var random = new Random(1123);
        var loader = new PlanDocumentLoader();
        var seed = Encoding.UTF8.GetBytes(PlanFixtures.Text("html-cells.txt"));
        foreach (var name in new[] { "plan.txt", "plan.docx", "plan.pdf", "plan.md", "plan.csv", "plan.html" })
        {
            for (var i = 0; i < 40; i++)
            {
                var bytes = (byte[])seed.Clone();
                for (var n = random.Next(1, 20); n > 0; n--)
                {
                    bytes[random.Next(bytes.Length)] = (byte)random.Next(256);
                }

                var truncated = bytes[..random.Next(1, bytes.Length)];
                var loaded = loader.Load(truncated, name);
                if (loaded.Document is { } document)
                {
                    PlanFixtures.AssertNoTextLost(document, new PlanReader().Read(document), $"{name} #{i}");
                }
                else
                {
                    Assert.Contains(loaded.Findings, f => f.Severity == FindingSeverity.Error);
                }
            }
        }
    }

    private static void AssertError(PlanLoadResult loaded, string code)
    {
        Assert.Null(loaded.Document);
        var finding = Assert.Single(loaded.Findings);
        Assert.Equal(FindingSeverity.Error, finding.Severity);
        Assert.Equal(code, finding.Code);
        Assert.NotEmpty(finding.Message);
        Assert.NotEmpty(finding.MessageEn);
    }

    private sealed class NonSeekable(Stream inner) : Stream
    {
        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override void Flush()
        {
        }

        public override int Read(byte[] buffer, int offset, int count) => inner.Read(buffer, offset, count);

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}

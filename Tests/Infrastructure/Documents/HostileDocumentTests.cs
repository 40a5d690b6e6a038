using System.Diagnostics;
using System.Text;
using HighServiceDashboard.Domain.Plans.Reading;
using HighServiceDashboard.Infrastructure.Documents;
using HighServiceDashboard.Tests.Domain.PlanReading;
using HighServiceDashboard.Tests.Support;
using Xunit.Abstractions;

namespace HighServiceDashboard.Tests.Infrastructure.Documents;

/// <summary>
/// Any signed-in person who may import can upload any file: built bombs (nesting 20,000 deep, parts of
/// hundreds of megabytes, a million cells, a 20 MB line) and seeded mutations of the sample plans must
/// each be loaded and read in under 2 s and 300 MB of allocations, ending in a reading or a finding,
/// never an exception.
/// </summary>
public sealed class HostileDocumentTests(ITestOutputHelper output)
{
    private static readonly TimeSpan MaxTime = TimeSpan.FromSeconds(2);
    private const long MaxAllocated = 300L * 1024 * 1024;

    private static readonly Dictionary<string, string?> Expected = new()
    {
        ["nested-sdt.docx"] = PlanFindingCodes.DocumentTooDeep,
        ["nested-tables.docx"] = PlanFindingCodes.DocumentTooDeep,
        ["nested-run-sdt.docx"] = PlanFindingCodes.DocumentTooDeep,
        ["deep-numbering.docx"] = PlanFindingCodes.DocumentTooDeep,
        ["huge-comments.docx"] = PlanFindingCodes.PackageTooLarge,
        ["large-comments-read-past.docx"] = null,
        ["zip-bomb-entry.docx"] = PlanFindingCodes.PackageTooLarge,
        ["zip-bomb-body.docx"] = PlanFindingCodes.PackageTooLarge,
        ["many-entries.docx"] = PlanFindingCodes.PackageTooLarge,
        ["million-cells.docx"] = PlanFindingCodes.PackageTooCompressed,
        ["million-cells-stored.docx"] = PlanFindingCodes.TooManyCells,
        ["long-paragraph.docx"] = PlanFindingCodes.TextTooLong,
        ["million-cells.txt"] = PlanFindingCodes.TextTooLong,
        ["million-cells.csv"] = PlanFindingCodes.TextTooLong,
        ["many-cells.txt"] = PlanFindingCodes.TooManyCells,
        ["twenty-mb-line.txt"] = PlanFindingCodes.TextTooLong,
        ["deep-html.html"] = PlanFindingCodes.TextTooLong,
        ["unclosed-html.html"] = PlanFindingCodes.DocumentTooComplex,
        ["unclosed-comments.html"] = PlanFindingCodes.DocumentTooComplex,
        ["near-limit-cells.docx"] = null,
        ["near-limit-text.txt"] = null,
        ["near-limit-paragraph.docx"] = null,
        ["many-empty-paragraphs.docx"] = null,
        ["oversized-body.docx"] = PlanFindingCodes.PackageTooLarge,
        ["lying-sizes.docx"] = PlanFindingCodes.DocxUnreadable,
    };

    public static TheoryData<string> Bombs => new(HostileDocuments.Names);

    [Theory]
    [MemberData(nameof(Bombs))]
    public void Load_BuiltBomb_EndsInItsFindingWithinTimeAndMemory(string name)
    {
        var bytes = HostileDocuments.Build(name);

        var (loaded, _) = LoadAndRead(bytes, name);

        if (Expected[name] is { } code)
        {
            Assert.Null(loaded.Document);
            var finding = Assert.Single(loaded.Findings);
            Assert.Equal(code, finding.Code);
            Assert.Equal(FindingSeverity.Error, finding.Severity);
            Assert.False(string.IsNullOrWhiteSpace(finding.Message));
            Assert.False(string.IsNullOrWhiteSpace(finding.MessageEn));
        }
        else
        {
            Assert.NotNull(loaded.Document);
        }
    }

    [Fact]
    public void Load_HugeCommentsBesideThePlan_ReadsTheBodyOnly()
    {
        var (loaded, _) = LoadAndRead(HostileDocuments.Build("large-comments-read-past.docx"), "large-comments-read-past.docx");

        var paragraph = Assert.IsType<PlanParagraph>(Assert.Single(loaded.Document!.Blocks));
        Assert.Equal("高雄市政府財政局113年度提升服務執行計畫", paragraph.Text);
    }

    [SeedFact]
    public void Load_MutatedSamplePlansAsTextAndWord_NeverThrowsAndStaysWithinBounds()
    {
        var random = new Random(20261202);
        var seeds = new[] { "finance-bureau-113.txt", "niaosong-district-113.txt", "public-works-bureau-105.txt", "pawnshop-114.txt" };
        var slowest = (Name: "", Cost: default(Cost));
        foreach (var file in seeds)
        {
            var text = File.ReadAllText(SeedPlans.Path(file));
            var docx = DocxBuilder.FromPlan(PlanTextDocument.FromText(text, file));
            var docxName = Path.ChangeExtension(file, ".docx");
            var (whole, wholeCost) = LoadAndRead(docx, docxName);
            Assert.True(whole.Succeeded);
            output.WriteLine($"seed {docxName}: {docx.Length / 1024} KB, {wholeCost}");

            for (var i = 0; i < 25; i++)
            {
                foreach (var (name, bytes) in new[] { (file, MutateBytes(Encoding.UTF8.GetBytes(text), random)), (docxName, MutateWord(docx, random, i)) })
                {
                    var (loaded, cost) = LoadAndRead(bytes, name, $"{name} #{i}");
                    if (cost.Elapsed > slowest.Cost.Elapsed)
                    {
                        slowest = ($"{name} #{i}", cost);
                    }

                    if (loaded.Document is null)
                    {
                        Assert.Contains(loaded.Findings, f => f.Severity == FindingSeverity.Error);
                    }
                }
            }
        }

        output.WriteLine($"slowest mutation: {slowest.Name}, {slowest.Cost}");
    }

    [Fact]
    public void Load_DamagedWordAndPdfFiles_NeverThrowsNorLosesText()
    {
        var random = new Random(4242);
        var pdf = CjkPdfWriter.Write([(40, 550, "高雄市前鎮地政事務所113年度提升服務工作計畫"), (40, 500, "一、完備基礎服務項目"), (260, 500, "(一)建立業務標準作業流程"), (560, 500, "登記課")]);
        var samples = new[] { (Name: "plan.docx", Bytes: DocxPlanExtractorTests.BuildPlan()), (Name: "plan.pdf", Bytes: pdf) };
        var loader = new PlanDocumentLoader();
        foreach (var (name, original) in samples)
        {
            for (var i = 0; i < 60; i++)
            {
                var bytes = (byte[])original.Clone();
                for (var n = random.Next(0, 4); n > 0; n--)
                {
                    bytes[random.Next(bytes.Length)] = (byte)random.Next(256);
                }

                var cut = i % 3 == 0 ? bytes[..random.Next(1, bytes.Length)] : bytes;

                var loaded = loader.Load(cut, name);

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

    [Fact]
    public void Load_PastTheTimeBudget_GivesTooComplexFinding()
    {
        var loader = new PlanDocumentLoader(new PlanLoadOptions { TimeBudget = TimeSpan.FromMilliseconds(1) });

        // Half a second of work against a budget of a millisecond.
        var loaded = loader.Load(HostileDocuments.Build("many-empty-paragraphs.docx"), "plan.docx");

        Assert.Null(loaded.Document);
        var finding = Assert.Single(loaded.Findings);
        Assert.Equal(PlanFindingCodes.DocumentTooComplex, finding.Code);
        Assert.Contains("過於複雜", finding.Message);
    }

    [Fact]
    public async Task LoadAsync_CallerCancels_ThrowsInsteadOfAFinding()
    {
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            new PlanDocumentLoader().LoadAsync(new MemoryStream(DocxPlanExtractorTests.BuildPlan()), "plan.docx", cancelled.Token));
    }

    private (PlanLoadResult Loaded, Cost Cost) LoadAndRead(byte[] bytes, string name, string? context = null)
    {
        var loader = new PlanDocumentLoader();
        var allocated = GC.GetAllocatedBytesForCurrentThread();
        var watch = Stopwatch.StartNew();
        var loaded = loader.Load(bytes, name);
        if (loaded.Document is { } document)
        {
            new PlanReader().Read(document);
        }

        var cost = new Cost(watch.Elapsed, GC.GetAllocatedBytesForCurrentThread() - allocated);
        if (context is null)
        {
            output.WriteLine($"{name}: {bytes.Length / 1024.0:N0} KB, {cost}, {(loaded.Succeeded ? "read" : loaded.Findings[0].Code)}");
        }

        Assert.True(cost.Elapsed < MaxTime, $"{context ?? name} took {cost}");
        Assert.True(cost.Allocated < MaxAllocated, $"{context ?? name} allocated {cost}");
        return (loaded, cost);
    }

    private static byte[] MutateBytes(byte[] original, Random random)
    {
        var bytes = (byte[])original.Clone();
        for (var n = random.Next(1, 6); n > 0; n--)
        {
            bytes[random.Next(bytes.Length)] = (byte)random.Next(256);
        }

        return random.Next(3) == 0 ? bytes[..random.Next(1, bytes.Length)] : bytes;
    }

    // Damage at the byte level (the zip breaks), at the entry level (order) and inside document.xml (the XML breaks or nests oddly).
    private static byte[] MutateWord(byte[] docx, Random random, int i) => (i % 4) switch
    {
        0 => MutateBytes(docx, random),
        1 => DocxBuilder.Shuffled(docx, random),
        2 => DocxBuilder.WithDocumentXml(docx, xml => CutOrRepeat(xml, random)),
        _ => DocxBuilder.WithDocumentXml(docx, xml => InsertTags(xml, random)),
    };

    private static string CutOrRepeat(string xml, Random random)
    {
        var at = random.Next(xml.Length);
        var length = random.Next(Math.Min(2000, xml.Length - at));
        return random.Next(2) == 0 ? xml.Remove(at, length) : xml.Insert(at, xml.Substring(at, length));
    }

    private static string InsertTags(string xml, Random random)
    {
        string[] tags =
        [
            "<w:sdt><w:sdtContent>", "</w:sdtContent></w:sdt>", "<w:tc>", "</w:tc>", "<w:tr>", "</w:tr>", "<w:tbl>", "<w:p>", "</w:p>",
            "<w:r><w:t>插入</w:t></w:r>", "<w:tcPr><w:gridSpan w:val=\"99999\"/><w:vMerge/></w:tcPr>", "<w:trPr><w:gridBefore w:val=\"-5\"/></w:trPr>",
            "<w:pPr><w:numPr><w:ilvl w:val=\"42\"/><w:numId w:val=\"7\"/></w:numPr></w:pPr>", "<w:txbxContent>", "</w:txbxContent>",
        ];
        for (var n = random.Next(1, 8); n > 0; n--)
        {
            var at = xml.IndexOf('<', random.Next(xml.Length));
            xml = xml.Insert(at < 0 ? xml.Length : at, tags[random.Next(tags.Length)]);
        }

        return xml;
    }

    private readonly record struct Cost(TimeSpan Elapsed, long Allocated)
    {
        public override string ToString() => $"{Elapsed.TotalMilliseconds:N0} ms, {Allocated / 1024.0 / 1024.0:N1} MB allocated";
    }
}

using HighServiceDashboard.Domain.Plans.Reading;
using HighServiceDashboard.Infrastructure.Documents;
using HighServiceDashboard.Tests.Domain.PlanReading;

namespace HighServiceDashboard.Tests.Infrastructure.Documents;

/// <summary>Damaged Word and PDF files (bytes changed, files cut short) give a finding or a reading, never an exception.</summary>
public sealed class DocumentFuzzTests
{
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
}

using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using HighServiceDashboard.Domain.Plans.Reading;
using HighServiceDashboard.Infrastructure.Documents;
using HighServiceDashboard.Tests.Domain.PlanReading;

using HighServiceDashboard.Tests.Support;

namespace HighServiceDashboard.Tests.Infrastructure.Documents;

/// <summary>The sample plans written back into Word (as agencies keep them) read to the same coverage.</summary>
public sealed class SeedPlanDocxTests
{
    [SeedTheory]
    [InlineData("finance-bureau-113.txt")]
    [InlineData("niaosong-district-113.txt")]
    [InlineData("public-works-bureau-105.txt")]
    [InlineData("pawnshop-114.txt")]
    public void Load_SeedPlanAsDocxWithMergedPillarCells_ReadsTheSameCoverage(string file)
    {
        var text = PlanTextDocument.FromText(File.ReadAllText(SeedPlans.Path(file)), file);

        var loaded = new PlanDocumentLoader().Load(ToDocx(text), Path.ChangeExtension(file, ".docx"));

        Assert.True(loaded.Succeeded);
        var fromWord = new PlanReader().Read(loaded.Document!);
        var fromText = new PlanReader().Read(text);
        Assert.Equal(fromText.AgencyName, fromWord.AgencyName);
        Assert.Equal(fromText.RocYear, fromWord.RocYear);
        Assert.Equal(fromText.GetCoverage().SubItems.Select(s => (s.Code, s.Status)), fromWord.GetCoverage().SubItems.Select(s => (s.Code, s.Status)));
        Assert.Equal(fromText.GetCoverage().Preamble, fromWord.GetCoverage().Preamble);
        Assert.Empty(fromWord.Unplaced);
    }

    // Word keeps no HTML: each line of a cell is a paragraph; the pillar cell is merged down its group.
    private static byte[] ToDocx(PlanTextDocument document)
    {
        using var stream = new MemoryStream();
        using (var word = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var body = new Body();
            foreach (var block in document.Blocks)
            {
                if (block is PlanParagraph paragraph)
                {
                    body.Append(Paragraph(TextNormalizer.Soft(paragraph.Text)));
                    continue;
                }

                var table = new Table();
                var merging = false;
                foreach (var row in ((PlanTable)block).Rows)
                {
                    var tableRow = new TableRow();
                    foreach (var cell in row.Cells)
                    {
                        var lines = TextNormalizer.Soft(cell.Text).Split('\n');
                        var tableCell = new TableCell(lines.Select(Paragraph));
                        if (cell.Column == 0)
                        {
                            var empty = lines.All(l => l.Length == 0);
                            if (!empty)
                            {
                                tableCell.PrependChild(new TableCellProperties(new VerticalMerge { Val = MergedCellValues.Restart }));
                                merging = true;
                            }
                            else if (merging)
                            {
                                tableCell.PrependChild(new TableCellProperties(new VerticalMerge()));
                            }
                        }

                        tableRow.Append(tableCell);
                    }

                    table.Append(tableRow);
                }

                body.Append(table);
            }

            word.AddMainDocumentPart().Document = new Document(body);
        }

        return stream.ToArray();
    }

    private static Paragraph Paragraph(string text) => new(new Run(new Text(text) { Space = SpaceProcessingModeValues.Preserve }));
}

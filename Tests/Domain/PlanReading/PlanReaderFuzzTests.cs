using System.Text;
using HighServiceDashboard.Domain.Plans.Reading;

namespace HighServiceDashboard.Tests.Domain.PlanReading;

/// <summary>
/// Mutated plans (rows cut, shuffled, truncated mid-character, random characters injected) must never
/// make the reader throw, and no text may be lost: every cell's text ends up somewhere in the reading.
/// </summary>
public sealed class PlanReaderFuzzTests
{
    private static readonly string[] Sources =
    [
        "split-cell-page-break.txt", "renumbered-labels.txt", "lost-label-guess.txt", "not-applicable.txt",
        "one-unit-per-point.txt", "html-cells.txt", "markdown-results-year.md", "four-columns-stray-spaces.txt", "refine-plan.txt", "messy-layout.txt", "lost-sub-item-cell.txt",
    ];

    [Fact]
    public void Read_MutatedPlans_NeverThrowsAndLosesNoText()
    {
        var random = new Random(20261123);
        var reader = new PlanReader();
        var texts = Sources.Select(PlanFixtures.Text).ToList();
        for (var iteration = 0; iteration < 300; iteration++)
        {
            var text = Mutate(texts[random.Next(texts.Count)], random);
            var document = PlanTextDocument.FromText(text, $"fuzz-{iteration}");

            var reading = reader.Read(document);

            PlanFixtures.AssertNoTextLost(document, reading, $"iteration {iteration}");
        }
    }

    private static string Mutate(string text, Random random)
    {
        var lines = text.Split('\n').ToList();
        var mutations = random.Next(1, 4);
        for (var m = 0; m < mutations && lines.Count > 0; m++)
        {
            switch (random.Next(5))
            {
                case 0:
                    lines.RemoveAt(random.Next(lines.Count));
                    break;
                case 1:
                    var a = random.Next(lines.Count);
                    var b = random.Next(lines.Count);
                    (lines[a], lines[b]) = (lines[b], lines[a]);
                    break;
                case 2:
                    var i = random.Next(lines.Count);
                    lines[i] = lines[i][..random.Next(lines[i].Length + 1)];
                    break;
                case 3:
                    var j = random.Next(lines.Count);
                    var at = random.Next(lines[j].Length + 1);
                    lines[j] = lines[j].Insert(at, RandomText(random));
                    break;
                default:
                    var k = random.Next(lines.Count);
                    var cells = lines[k].Split('\t').ToList();
                    cells.RemoveAt(random.Next(cells.Count));
                    lines[k] = string.Join('\t', cells);
                    break;
            }
        }

        return string.Join('\n', lines);
    }

    private static string RandomText(Random random)
    {
        var alphabet = "\t\n(一)（二）1.、，。<p></b>各科室 每季定期  非\u3000\uFFFD\u0001abc123";
        var builder = new StringBuilder();
        for (var n = random.Next(1, 12); n > 0; n--)
        {
            builder.Append(alphabet[random.Next(alphabet.Length)]);
        }

        return builder.ToString();
    }
}

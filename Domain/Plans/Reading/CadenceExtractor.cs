using System.Globalization;
using System.Text.RegularExpressions;

namespace HighServiceDashboard.Domain.Plans.Reading;

/// <summary>How often a commitment recurs.</summary>
public enum CadenceKind
{
    Daily,
    Weekly,
    Monthly,
    Quarterly,
    HalfYearly,
    Yearly,
    EveryNYears,

    /// <summary>定期: "regularly", without a stated period.</summary>
    Periodic,
}

/// <summary>
/// A commitment with a cadence found inside a focus point's text, e.g. 每季定期辦理「電話服務品質及禮貌測試」
/// (quarterly), 每年至少辦理…1次 (yearly, at least once), 定期每4年辦理1次 (every 4 years, once).
/// </summary>
public sealed record Cadence(CadenceKind Kind, string Text, int? IntervalYears = null, int? Times = null, bool AtLeast = false);

/// <summary>Finds cadence commitments in plan text.</summary>
public static partial class CadenceExtractor
{
    public static IReadOnlyList<Cadence> Extract(string? text)
    {
        var clean = TextNormalizer.Fold(TextNormalizer.CleanLine(text));
        var found = new List<Cadence>();
        foreach (var sentence in SentenceBreak().Split(clean))
        {
            var inSentence = new List<Cadence>();
            foreach (Match match in CadenceWord().Matches(sentence))
            {
                var word = match.Value.Replace(" ", string.Empty);
                var rest = sentence[(match.Index + match.Length)..];
                var times = Times().Match(rest);
                int? count = times.Success ? Number(times.Groups[1].Value) : null;
                var atLeast = rest.StartsWith("至少", StringComparison.Ordinal) || (times.Success && rest[..times.Index].Contains("至少", StringComparison.Ordinal));
                var clause = sentence.Trim();
                Cadence cadence = word switch
                {
                    "每日" or "每天" => new(CadenceKind.Daily, clause, Times: count, AtLeast: atLeast),
                    "每週" or "每周" => new(CadenceKind.Weekly, clause, Times: count, AtLeast: atLeast),
                    "每月" or "每個月" or "按月" or "逐月" => new(CadenceKind.Monthly, clause, Times: count, AtLeast: atLeast),
                    "每季" or "按季" or "逐季" or "每3個月" or "每三個月" => new(CadenceKind.Quarterly, clause, Times: count, AtLeast: atLeast),
                    "每半年" or "每6個月" or "每六個月" => new(CadenceKind.HalfYearly, clause, Times: count, AtLeast: atLeast),
                    "每年" or "每年度" or "逐年" => new(CadenceKind.Yearly, clause, Times: count, AtLeast: atLeast),
                    "隔年" => new(CadenceKind.EveryNYears, clause, IntervalYears: 2, Times: count, AtLeast: atLeast),
                    "定期" => new(CadenceKind.Periodic, clause),
                    _ => Years(word) is 1
                        ? new(CadenceKind.Yearly, clause, Times: count, AtLeast: atLeast)
                        : new(CadenceKind.EveryNYears, clause, IntervalYears: Years(word), Times: count, AtLeast: atLeast),
                };

                // 定期每4年 is one commitment, not two.
                if (cadence.Kind == CadenceKind.Periodic && PeriodFollows().IsMatch(rest))
                {
                    continue;
                }

                inSentence.Add(cadence);
            }

            // 每季定期辦理 is one commitment: "regularly" adds nothing to a stated period.
            var periodic = inSentence.All(c => c.Kind == CadenceKind.Periodic);
            found.AddRange(periodic ? inSentence.Take(1) : inSentence.Where(c => c.Kind != CadenceKind.Periodic));
        }

        return found;
    }

    private static int Years(string word) => Number(EveryYears().Match(word).Groups[1].Value);

    // 1-99 in digits or in Chinese numerals (一, 兩, 十二).
    private static int Number(string text)
    {
        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var n))
        {
            return n;
        }

        const string digits = "零一二三四五六七八九";
        var value = 0;
        var current = 0;
        foreach (var c in text)
        {
            if (c == '十')
            {
                value += (current == 0 ? 1 : current) * 10;
                current = 0;
            }
            else
            {
                current = c == '兩' ? 2 : Math.Max(0, digits.IndexOf(c));
            }
        }

        return value + current;
    }

    [GeneratedRegex(@"[。；;\n]")]
    private static partial Regex SentenceBreak();

    [GeneratedRegex(@"每\s*([\d一二兩三四五六七八九十]{1,3})\s*年|每\s*[3三6六]\s*個月|每半年|每年度|每年|逐年|每季|按季|逐季|每個?月|按月|逐月|每週|每周|每日|每天|隔年|(?<!不)定期")]
    private static partial Regex CadenceWord();

    [GeneratedRegex(@"每\s*([\d一二兩三四五六七八九十]{1,3})\s*年")]
    private static partial Regex EveryYears();

    [GeneratedRegex(@"^\s*每")]
    private static partial Regex PeriodFollows();

    [GeneratedRegex(@"([\d一二兩三四五六七八九十]{1,3})\s*(次|場|回)")]
    private static partial Regex Times();

}

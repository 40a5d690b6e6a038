using System.Globalization;
using System.Text.RegularExpressions;

namespace HighServiceDashboard.Domain.Plans.Reading;

/// <summary>
/// Splits a focus-point cell (執行重點) into its short title, its description and its numbered
/// measures (1. 2. or (1) (2)), and tells a cell holding several numbered points from one point with
/// a title over its measures.
/// </summary>
public static partial class FocusTextParser
{
    private const int MaxTitleLength = 25;

    public static (string Title, string Description) SplitTitle(string raw)
    {
        // A bold run opening the cell is its title: "<b>1. 服務資訊公開透明</b> (1)機關網站…".
        var boldStart = BoldOpening().Match(raw);
        if (boldStart.Success)
        {
            raw = raw[..boldStart.Length] + "\n" + raw[boldStart.Length..];
        }

        var soft = TextNormalizer.Soft(raw);
        if (soft.Length == 0)
        {
            return (string.Empty, string.Empty);
        }

        // A number alone on the first line ("1." in a column of its own) belongs to the line after it.
        var lines = soft.Split('\n').ToList();
        while (lines.Count > 1 && LeadingMarker().Replace(lines[0], string.Empty).Trim().Length == 0)
        {
            lines.RemoveAt(0);
        }

        var first = LeadingMarker().Replace(lines[0], string.Empty).Trim();
        var rest = string.Join('\n', lines.Skip(1));

        // "發展優質服務" on its own line (a <p> or a bold line), then the description.
        if (lines.Count > 1 && IsShortHeading(first, allowComma: true))
        {
            return (TextNormalizer.Clean(first), TextNormalizer.Clean(rest));
        }

        // "案件查詢管道 提供受理案件多元查詢管道…": a short title, a space, the description.
        // The title may hold a space of its own ("常見問題集 (FAQ) 透過…"): the first space after which
        // the description begins is the one.
        for (var space = first.IndexOf(' '); space > 1 && space <= MaxTitleLength + 1; space = first.IndexOf(' ', space + 1))
        {
            var head = first[..space];
            var tail = first[(space + 1)..];
            if (tail.Length > 0 && IsShortHeading(head, allowComma: true) && (TextNormalizer.IsWide(head[^1]) || head[^1] is ')' or '）')
                && (TextNormalizer.IsIdeograph(tail[0]) || AnyMarker().IsMatch(TextNormalizer.Fold(tail)))
                && TextNormalizer.Clean(tail).Length >= head.Length)
            {
                return (TextNormalizer.Clean(head), TextNormalizer.Clean(Join(tail, rest)));
            }
        }

        // "鼓勵服務創新：鼓勵員工創新提案…": a title before a colon.
        var colon = TextNormalizer.Fold(first).IndexOf(':');
        if (colon > 1 && colon <= MaxTitleLength)
        {
            return (TextNormalizer.Clean(first[..colon]), TextNormalizer.Clean(Join(first[(colon + 1)..], rest)));
        }

        var sentence = TextNormalizer.Clean(SentenceEnd().Split(first)[0]);
        var title = sentence.Length <= MaxTitleLength ? sentence : sentence[..MaxTitleLength] + "…";
        return (title, TextNormalizer.Clean(string.Join('\n', lines)));
    }

    /// <summary>
    /// A cell that is a list of numbered points from its first character ("1. 注重服務禮貌 … 2. 友善洽公環境 …")
    /// holds several focus points; a cell with a title before its list is one point with measures.
    /// Returns the points' raw-free texts, or nothing when the cell is one point.
    /// </summary>
    public static IReadOnlyList<string> SplitPoints(string raw)
    {
        var soft = TextNormalizer.Soft(raw).Replace('\n', ' ');
        var folded = TextNormalizer.Fold(soft);
        var first = TopMarker().Match(folded);
        if (!first.Success || first.Index != 0)
        {
            return [];
        }

        return Slices(soft, SplitNumbered(folded, TopMarker()));
    }

    /// <summary>The numbered measures of a focus text at the first numbering level used consistently (1, 2, 3 …).</summary>
    public static IReadOnlyList<string> SplitMeasures(string raw, int? expectedCount = null)
    {
        var text = TextNormalizer.CleanLine(raw);
        var folded = TextNormalizer.Fold(text);
        var top = SplitNumbered(folded, TopMarker());
        var inner = SplitNumbered(folded, ParenMarker());
        if (expectedCount is { } n)
        {
            if (top.Count == n)
            {
                return Slices(text, top);
            }

            if (inner.Count == n)
            {
                return Slices(text, inner);
            }
        }

        return Slices(text, top.Count >= 2 ? top : inner.Count >= 2 ? inner : []);
    }

    /// <summary>True when the text opens with a list marker (1. (1) 一、 (一)) or a bold title: it starts something new rather than continuing a sentence.</summary>
    public static bool StartsSomethingNew(string raw) =>
        AnyMarker().IsMatch(TextNormalizer.Fold(TextNormalizer.Soft(raw))) || BoldOpening().IsMatch(raw);

    /// <summary>
    /// True when <paramref name="next"/> opens with list number n > 1 and <paramref name="previous"/>'s
    /// list ends at n - 1: one list broken over two rows at a page break.
    /// </summary>
    /// <summary>
    /// True when <paramref name="next"/> opens the first measure under the title <paramref name="heading"/>:
    /// "(1)" under any title, "1." under a title that is not itself numbered.
    /// </summary>
    public static bool OpensMeasures(string heading, string next)
    {
        var folded = TextNormalizer.Fold(TextNormalizer.Soft(next));
        if (ParenMarker().Match(folded) is { Success: true, Index: 0 } paren)
        {
            return paren.Groups["n"].Value == "1";
        }

        return TopMarker().Match(folded) is { Success: true, Index: 0 } top && top.Groups["n"].Value == "1"
            && TopMarker().Match(TextNormalizer.Fold(TextNormalizer.Soft(heading))) is not { Success: true, Index: 0 };
    }

    /// <summary>True when the text opens a numbered list at its first number: "1. …" or "(1) …".</summary>
    public static bool OpensList(string raw)
    {
        var folded = TextNormalizer.Fold(TextNormalizer.Soft(raw));
        return (TopMarker().Match(folded) is { Success: true, Index: 0 } top && top.Groups["n"].Value == "1")
            || (ParenMarker().Match(folded) is { Success: true, Index: 0 } paren && paren.Groups["n"].Value == "1");
    }

    public static bool ContinuesList(string previous, string next) =>
        ContinuesList(previous, next, TopMarker()) || ContinuesList(previous, next, ParenMarker());

    // The same, at one numbering level: 1. 2. | 3. or (1) (2) | (3).
    private static bool ContinuesList(string previous, string next, Regex marker)
    {
        var opening = marker.Match(TextNormalizer.Fold(TextNormalizer.Soft(next)));
        if (!opening.Success || opening.Index != 0)
        {
            return false;
        }

        var number = int.Parse(opening.Groups["n"].Value, CultureInfo.InvariantCulture);
        var folded = TextNormalizer.Fold(TextNormalizer.CleanLine(previous));

        // Only a list of measures under a title continues; "1. title …" followed by "2. title …" are two points.
        if (marker.Match(folded) is not { Success: true, Index: > 0 })
        {
            return false;
        }

        var ranges = SplitNumbered(folded, marker);
        var count = ranges.Count > 0 ? ranges.Count : marker.Match(folded) is { Success: true, Groups: var g } && g["n"].Value == "1" ? 1 : 0;
        return number > 1 && count == number - 1;
    }

    private static List<string> Slices(string text, List<(int Start, int End)> ranges) =>
        ranges.Select(r => text[r.Start..r.End].Trim()).Where(s => s.Length > 0).ToList();

    private static List<(int Start, int End)> SplitNumbered(string folded, Regex marker)
    {
        // Markers must count on in order (1, 2, 3 …): "第7條", "0.88%" or "2.0" are not markers. A list
        // continued from the row above may start at its own number, at the start of the cell.
        var starts = new List<int>();
        int? expected = null;
        foreach (Match match in marker.Matches(folded))
        {
            var number = int.Parse(match.Groups["n"].Value, CultureInfo.InvariantCulture);
            if (expected is null ? number == 1 || match.Index == 0 : number == expected)
            {
                starts.Add(match.Index);
                expected = number + 1;
            }
        }

        if (starts.Count < 2)
        {
            return [];
        }

        var ranges = new List<(int, int)>();
        for (var i = 0; i < starts.Count; i++)
        {
            ranges.Add((i == 0 ? 0 : starts[i], i + 1 < starts.Count ? starts[i + 1] : folded.Length));
        }

        return ranges;
    }

    private static bool IsShortHeading(string text, bool allowComma)
    {
        var clean = TextNormalizer.Fold(TextNormalizer.Clean(text));
        return clean.Length is >= 2 and <= MaxTitleLength && !(allowComma ? StrongPunctuation() : SentencePunctuation()).IsMatch(clean);
    }

    private static string Join(string a, string b) => b.Length == 0 ? a : a + "\n" + b;

    [GeneratedRegex(@"(?<![\d.．])(?<n>\d{1,2})\s*[.．、](?![\d])")]
    private static partial Regex TopMarker();

    [GeneratedRegex(@"\(\s*(?<n>\d{1,2})\s*\)")]
    private static partial Regex ParenMarker();

    [GeneratedRegex(@"^\s*(<p>\s*)?(<b>|<strong>)[^<]{1,40}(</b>|</strong>)", RegexOptions.IgnoreCase)]
    private static partial Regex BoldOpening();

    [GeneratedRegex(@"^\s*(\d{1,2}\s*[.．、](?!\d)|[\(（]\s*\d{1,2}\s*[\)）]|[一二三四五六七八九十]+\s*[、.]|[\(（]\s*[一二三四五六七八九十]+\s*[\)）])")]
    private static partial Regex AnyMarker();

    [GeneratedRegex(@"^\s*(\d{1,2}\s*$|\d{1,2}\s+(?=[\u4e00-\u9fff])|\d{1,2}\s*[.．、](?!\d)|[\(（]\s*\d{1,2}\s*[\)）])\s*")]
    private static partial Regex LeadingMarker();

    [GeneratedRegex(@"[。；;：:]")]
    private static partial Regex StrongPunctuation();

    [GeneratedRegex(@"[，,。；;：:]")]
    private static partial Regex SentencePunctuation();

    [GeneratedRegex(@"[。；;]")]
    private static partial Regex SentenceEnd();
}

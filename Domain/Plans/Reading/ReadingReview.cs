namespace HighServiceDashboard.Domain.Plans.Reading;

/// <summary>Why a reading needs a person before it is stored, in zh-TW and English.</summary>
public sealed record ReviewReason(string Code, string Message, string MessageEn);

/// <summary>
/// The verdict on one document's reading: clean (可儲存) only when every focus point sits under a
/// sub-item the plan states, nothing is left unplaced, the whole table's text is accounted for and
/// no point looks wrong; otherwise 需人工確認 with every reason listed.
/// </summary>
public sealed record ReadingReview(IReadOnlyList<ReviewReason> Reasons)
{
    public bool NeedsReview => Reasons.Count > 0;

    public static class Codes
    {
        public const string Guesses = "GUESSES";
        public const string Unplaced = "UNPLACED";
        public const string TextLost = "TEXT_LOST";
        public const string UnitTitle = "UNIT_TITLE";
        public const string ShortPoint = "SHORT_POINT";
        public const string Warnings = "WARNINGS";
    }

    /// <summary>Looks at a reading as a person checking it would.</summary>
    public static ReadingReview Of(PlanReading reading)
    {
        var reasons = new List<ReviewReason>();
        if (reading.Framework is null)
        {
            return new ReadingReview(reasons);
        }

        var guesses = reading.FocusPoints.Count(f => f.IsGuess);
        if (guesses > 0)
        {
            reasons.Add(new ReviewReason(Codes.Guesses, $"{guesses} 項執行重點的子項目是推定的，請逐項確認。",
                $"The sub-item of {guesses} focus point(s) was inferred; please confirm each."));
        }

        if (reading.Unplaced.Count > 0)
        {
            reasons.Add(new ReviewReason(Codes.Unplaced, $"{reading.Unplaced.Count} 段表格文字無法歸入任何子項目。",
                $"{reading.Unplaced.Count} piece(s) of the table's text could not be placed under any sub-item."));
        }

        if (reading.TextAccounted < 0.995)
        {
            var share = Math.Floor(reading.TextAccounted * 1000) / 10;
            reasons.Add(new ReviewReason(Codes.TextLost, $"表格文字只讀出 {share:0.#}%，部分內容可能遺漏。",
                $"Only {share:0.#}% of the table's text was read; some content may be lost."));
        }

        var unitTitles = reading.FocusPoints.Where(f => f.Title.Length > 0 && UnitSplitter.LooksLikeUnits(f.Title)).ToList();
        if (unitTitles.Count > 0)
        {
            reasons.Add(new ReviewReason(Codes.UnitTitle, $"{unitTitles.Count} 項執行重點的標題是單位名稱（如「{unitTitles[0].Title}」），欄位可能錯置。",
                $"{unitTitles.Count} focus point(s) are titled with a unit's name (e.g. \"{unitTitles[0].Title}\"); the columns may be mixed up."));
        }

        var shortPoints = reading.FocusPoints.Count(f =>
            TextNormalizer.Key(f.Title + f.Description).Length < Math.Max(6, TextNormalizer.Key(string.Concat(f.Units)).Length));
        if (shortPoints > 0)
        {
            reasons.Add(new ReviewReason(Codes.ShortPoint, $"{shortPoints} 項執行重點的內容比其執行單位還短，可能只讀到片段。",
                $"{shortPoints} focus point(s) are shorter than their units; only a fragment may have been read."));
        }

        var warnings = reading.Findings.Count(f => f.Severity == FindingSeverity.Warning
            && f.Code is not (PlanFindingCodes.UnplacedText or PlanFindingCodes.CadenceUnstated));
        if (warnings > 0)
        {
            reasons.Add(new ReviewReason(Codes.Warnings, $"讀取時有 {warnings} 項提醒，請查看讀取說明。",
                $"The reading raised {warnings} warning(s); see the reading notes."));
        }

        return new ReadingReview(reasons);
    }
}

/// <summary>
/// How much of a plan table's text a reading accounts for: the characters of every cell (letters and
/// digits, as <see cref="TextNormalizer.Key"/> keeps them) against those of what the reading made of
/// them — focus points, units, item texts, declarations, unplaced and header text. Counted as a
/// multiset, so text read twice cannot make up for text lost.
/// </summary>
public static partial class TextAccounting
{
    /// <summary>
    /// The content of a cell, less what only gives it structure: list numbers (1. (1) 一、 (一)), and
    /// in a units cell the conjunctions and the repeats of a unit listed once per point.
    /// </summary>
    public static string Content(string cell)
    {
        if (UnitSplitter.LooksLikeUnits(cell))
        {
            return string.Concat(UnitSplitter.Split(cell).Distinct());
        }

        return ListMarker().Replace(TextNormalizer.Fold(TextNormalizer.Soft(cell)), " ");
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"(?<=^|\s|[>。；;：:])(\(?\d{1,2}\s*[.)、]|\(\s*\d{1,2}\s*\)|[一二三四五六七八九十]{1,3}\s*、|\(\s*[一二三四五六七八九十]{1,3}\s*\))", System.Text.RegularExpressions.RegexOptions.Multiline)]
    private static partial System.Text.RegularExpressions.Regex ListMarker();

    public static double Share(IEnumerable<string> source, IEnumerable<string> read)
    {
        var wanted = Count(source);
        var total = wanted.Values.Sum();
        if (total == 0)
        {
            return 1;
        }

        var got = Count(read);
        var found = wanted.Sum(kv => Math.Min(kv.Value, got.GetValueOrDefault(kv.Key)));
        return (double)found / total;
    }

    private static Dictionary<char, int> Count(IEnumerable<string> texts)
    {
        var counts = new Dictionary<char, int>();
        foreach (var text in texts)
        {
            foreach (var c in TextNormalizer.Key(text))
            {
                counts[c] = counts.GetValueOrDefault(c) + 1;
            }
        }

        return counts;
    }
}

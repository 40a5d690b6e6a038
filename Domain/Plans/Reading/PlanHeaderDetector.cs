using System.Globalization;
using System.Text.RegularExpressions;

namespace HighServiceDashboard.Domain.Plans.Reading;

/// <summary>
/// Reads what a plan says about itself outside its table: the title (agency and year), the year of the
/// results submission when the title has none, and the subordinate or parent agencies it names.
/// </summary>
public static partial class PlanHeaderDetector
{
    /// <summary>The title found in the first paragraphs: agency, ROC year (if stated) and the title line(s).</summary>
    public static (string? Title, string? Agency, int? Year, int? Line) FindTitle(IReadOnlyList<SourceText> paragraphs)
    {
        var head = paragraphs.Take(12).ToList();
        for (var i = 0; i < head.Count; i++)
        {
            var line = TextNormalizer.Fold(TextNormalizer.CleanLine(head[i].Text));
            var match = TitleWithYear().Match(line);
            if (!match.Success)
            {
                continue;
            }

            var year = int.Parse(match.Groups["year"].Value, CultureInfo.InvariantCulture);
            if (year > RocCalendarOffset)
            {
                year -= RocCalendarOffset;
            }

            var agency = CleanAgency(match.Groups["agency"].Value);
            var title = line;

            // A sentence that mentions a plan ("依據本府113年度…計畫") is not a title.
            if (agency.Length > 30 || NotATitle().IsMatch(agency))
            {
                continue;
            }

            // "113年度高雄市政府衛生局提升服務執行計畫": the agency after the year.
            if (agency.Length == 0 && AgencyAfterYear().Match(line) is { Success: true } after && LooksLikeAgency(CleanAgency(after.Groups["agency"].Value)))
            {
                agency = CleanAgency(after.Groups["agency"].Value);
            }

            // The agency on its own line above "114年度提升服務工作計畫".
            if (agency.Length == 0 && i > 0 && LooksLikeAgency(CleanAgency(TextNormalizer.CleanLine(head[i - 1].Text))))
            {
                agency = CleanAgency(TextNormalizer.CleanLine(head[i - 1].Text));
                title = agency + line;
            }

            return (title, agency.Length > 0 ? agency : null, year, head[i].Line);
        }

        foreach (var paragraph in head)
        {
            var line = TextNormalizer.CleanLine(paragraph.Text);
            var match = TitleWithoutYear().Match(line);
            if (match.Success)
            {
                var agency = CleanAgency(match.Groups["agency"].Value);
                return (line, agency.Length > 0 ? agency : null, null, paragraph.Line);
            }
        }

        return (null, null, null, null);
    }

    /// <summary>
    /// The year a plan is for, from its results-submission sentence: 於109年1月提送年度執行成果 is the
    /// results of 108 (submitted early the next year); a submission in the second half of a year is
    /// that year's.
    /// </summary>
    public static (int Year, int Line)? FindYearFromResultsSentence(IEnumerable<SourceText> texts)
    {
        foreach (var text in texts)
        {
            var line = TextNormalizer.Fold(TextNormalizer.CleanLine(text.Text));
            var match = ResultsSentence().Match(line);
            if (match.Success)
            {
                var year = int.Parse(match.Groups["year"].Value, CultureInfo.InvariantCulture);
                var month = int.Parse(match.Groups["month"].Value, CultureInfo.InvariantCulture);
                return (month <= 6 ? year - 1 : year, text.Line);
            }
        }

        return null;
    }

    /// <summary>
    /// Agencies the plan says it supervises (督導本市稅捐稽徵處及動產質借所, or the ones that submit their
    /// results through it), as full names: 本市 becomes the city, a bare name takes the agency's name.
    /// </summary>
    public static IReadOnlyList<string> FindSubordinates(IEnumerable<SourceText> texts, string? agency)
    {
        var found = new List<string>();
        foreach (var text in texts)
        {
            var line = TextNormalizer.CleanLine(text.Text);
            foreach (Match match in SubordinateList().Matches(line))
            {
                foreach (var piece in ListSeparator().Split(match.Groups["list"].Value))
                {
                    var name = OwnPrefix().Replace(piece.Trim(), string.Empty);
                    if (!AgencyName().IsMatch(name) || name is "本所" or "本局" or "本處" or "所屬機關")
                    {
                        continue;
                    }

                    var full = Expand(name, agency);
                    if (!found.Contains(full) && full != agency)
                    {
                        found.Add(full);
                    }
                }
            }
        }

        return found;
    }

    /// <summary>
    /// The parent agency: from a name of the form 高雄市政府財政局動產質借所 (a bureau, then an office), or
    /// from 配合本府財政局推動及管考.
    /// </summary>
    public static string? FindParent(string? agency, IEnumerable<SourceText> texts)
    {
        if (agency is not null)
        {
            var match = ParentInName().Match(agency);
            if (match.Success)
            {
                return match.Groups["parent"].Value;
            }
        }

        foreach (var text in texts)
        {
            var match = ParentMention().Match(TextNormalizer.CleanLine(text.Text));
            if (match.Success)
            {
                return Expand(match.Groups["name"].Value, agency);
            }
        }

        return null;
    }

    private static string Expand(string name, string? agency)
    {
        var city = agency is not null && agency.StartsWith("高雄市", StringComparison.Ordinal) ? "高雄市" : CityOf(agency);
        if (name.StartsWith("本市", StringComparison.Ordinal))
        {
            return city + name[2..];
        }

        if (name.StartsWith("本府", StringComparison.Ordinal))
        {
            return city + "政府" + name[2..];
        }

        if (name.StartsWith(city, StringComparison.Ordinal) || agency is null)
        {
            return name;
        }

        var own = name.StartsWith("本局", StringComparison.Ordinal) || name.StartsWith("本處", StringComparison.Ordinal) ? name[2..] : name;
        return agency + own;
    }

    private static string CityOf(string? agency)
    {
        var match = agency is null ? Match.Empty : City().Match(agency);
        return match.Success ? match.Value : string.Empty;
    }

    private static string CleanAgency(string text) =>
        TextNormalizer.CleanLine(text).Replace(" ", string.Empty).Trim('「', '」', '"', ':', '：', '*', '#');

    private static bool LooksLikeAgency(string text) => text.Length is >= 3 and <= 30 && AgencyName().IsMatch(text);

    private const int RocCalendarOffset = 1911;

    [GeneratedRegex(@"^(依據|依|配合|為|本|一、|二、|壹、|貳、)|[，。；]")]
    private static partial Regex NotATitle();

    [GeneratedRegex(@"^(?<agency>.*?)\s*(民國)?\s*(?<!\d)(?<year>\d{2,3}|(19|20)\d{2})\s*年(?!\s*\d{1,2}\s*月)度?\s*.*(計畫|計劃)")]
    private static partial Regex TitleWithYear();

    [GeneratedRegex(@"年度?\s*(?<agency>.+?)(提升|為民服務|服務品質|工作計畫|執行計畫)")]
    private static partial Regex AgencyAfterYear();

    [GeneratedRegex(@"^(?<agency>.*?)(提升服務|為民服務|服務品質).*(計畫|計劃)$")]
    private static partial Regex TitleWithoutYear();

    [GeneratedRegex(@"於\s*(?<year>\d{2,3})\s*年\s*(?<month>\d{1,2})\s*月.{0,20}?提(送|報|交).{0,12}?(執行)?成果")]
    private static partial Regex ResultsSentence();

    [GeneratedRegex(@"^(本局|本處|本府)?所屬(二級)?(機關|單位)?")]
    private static partial Regex OwnPrefix();

    [GeneratedRegex(@"(督導|所屬(二級)?機關(包括|含)?\s*[：:（(]?|所屬之?)(?<list>[\p{IsCJKUnifiedIdeographs}、及和與]{3,60}?)(，|,|。|；|隨時|訂定|提送|於|$)|(?<list>(本市|本府|本局)[\p{IsCJKUnifiedIdeographs}、及和與]{3,60}?)於[^，。]{0,10}提送")]
    private static partial Regex SubordinateList();

    [GeneratedRegex(@"[、及和與]")]
    private static partial Regex ListSeparator();

    [GeneratedRegex(@"(處|所|局|中心|隊|館|院|委員會)$")]
    private static partial Regex AgencyName();

    [GeneratedRegex(@"^(?<parent>.+?(局|委員會))(?<own>.+(所|處|中心|隊|館|院))$")]
    private static partial Regex ParentInName();

    [GeneratedRegex(@"配合(?<name>(本府|本市)?[\p{IsCJKUnifiedIdeographs}]{1,10}?(局|委員會|處))(之|的)?[^，。]{0,6}(推動|管考|督導|考核)")]
    private static partial Regex ParentMention();

    [GeneratedRegex(@"^.+?(市|縣)")]
    private static partial Regex City();
}

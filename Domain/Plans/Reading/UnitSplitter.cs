using System.Text.RegularExpressions;

namespace HighServiceDashboard.Domain.Plans.Reading;

/// <summary>
/// Splits a responsible-units cell (執行單位) into unit names. Separators are 、 , ; and, when the text
/// before them is already a whole unit name, 及 / 暨 / spaces / line breaks: a space or a line break
/// inside a name ("非公用 財產管理科", a name wrapped in a narrow cell) is not a separator.
/// </summary>
public static partial class UnitSplitter
{
    private static readonly string[] Suffixes =
        ["科", "室", "課", "組", "處", "中心", "所", "局", "隊", "股", "館", "站", "會", "機關", "單位", "小組", "團隊", "府", "院"];

    public static IReadOnlyList<string> Split(string? cell)
    {
        var soft = TextNormalizer.Fold(TextNormalizer.Soft(cell));
        var units = new List<string>();
        foreach (var part in HardSeparator().Split(soft))
        {
            var pending = string.Empty;
            foreach (var piece in SoftSeparator().Split(part))
            {
                var token = Unlabel(piece);
                if (token.Length == 0)
                {
                    continue;
                }

                pending += token;
                if (EndsWithUnitSuffix(pending))
                {
                    units.Add(pending);
                    pending = string.Empty;
                }
            }

            if (pending.Length > 0)
            {
                units.Add(pending);
            }
        }

        return units;
    }

    /// <summary>True when the cell stops inside a unit's name ("非公用財產管"): the rest is on the next row, past a page break.</summary>
    public static bool EndsInsideName(string? cell)
    {
        var units = Split(cell);
        return units.Count > 0 && !EndsWithUnitSuffix(units[^1]) && !MeansAllUnits(units[^1]) && units.Take(units.Count - 1).All(EndsWithUnitSuffix);
    }

    /// <summary>各科室, 各課室, 各組室中心, 各單位, 全體同仁 …: every unit of the agency.</summary>
    public static bool MeansAllUnits(string unit) => AllUnits().IsMatch(unit);

    /// <summary>True when every piece of the cell reads as a unit name (used to find the units column).</summary>
    public static bool LooksLikeUnits(string? cell)
    {
        var units = Split(cell);
        return units.Count > 0 && units.All(u => u.Length <= 16 && (EndsWithUnitSuffix(u) || MeansAllUnits(u)) && !u.Any(char.IsDigit));
    }

    private static bool EndsWithUnitSuffix(string text) => Suffixes.Any(text.EndsWith);

    // "1.秘書室" or "(1)秘書室": units listed one per numbered point.
    private static string Unlabel(string token)
    {
        var text = NumberLabel().Replace(token.Trim(), string.Empty);
        text = RoleNote().Replace(text, string.Empty);
        return LeadingConjunction().Replace(text, string.Empty).Trim();
    }

    // "秘書室(主辦)", "主辦:秘書室": the unit's role is not part of its name.
    [GeneratedRegex(@"\((主辦|協辦|主責|協助|配合|彙整|督導)[^)]{0,6}\)|^(主辦|協辦|主責|配合)(單位)?\s*:")]
    private static partial Regex RoleNote();

    [GeneratedRegex(@"^\s*(及|暨|與|和)\s*")]
    private static partial Regex LeadingConjunction();

    // A line break is soft, like a space: a name wrapped in a narrow cell (心理衛生中 / 心) is one name.
    [GeneratedRegex(@"[、,，;；/]+")]
    private static partial Regex HardSeparator();

    [GeneratedRegex(@"(?<=[科室課組處心所局隊股館站會關位府院])\s*(?:及|暨|與|和)\s*|\s+")]
    private static partial Regex SoftSeparator();

    [GeneratedRegex(@"^(\(?\d{1,2}[.)、]|\(\d{1,2}\))\s*")]
    private static partial Regex NumberLabel();

    [GeneratedRegex(@"(^|本(局|所|處|府|會|公所|中心)?)(各|全)(一級|業務|權責)?(科|室|課|組|處|中心|股|隊|單位|局|所)+$|全體(同仁|員工|人員)|^本(局|所|處|府|會|公所)全體")]
    private static partial Regex AllUnits();
}

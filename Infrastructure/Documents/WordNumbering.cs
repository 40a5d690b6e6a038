using System.Globalization;
using System.Text;
using System.Xml;
using DocumentFormat.OpenXml.Packaging;

namespace HighServiceDashboard.Infrastructure.Documents;

/// <summary>
/// The automatic numbering of a Word document (numbering.xml, and the paragraph styles that carry
/// numbering), counted as Word counts it, so that a numbered paragraph reads with the label a person
/// sees: "(一)", "1.", "(1)", "壹、". Both parts are read as streams, bounded like the body.
/// </summary>
internal sealed class WordNumbering
{
    private const int Levels = 9;

    private readonly Dictionary<int, Level?[]> _abstracts = [];
    private readonly Dictionary<int, Instance> _instances = [];
    private readonly Dictionary<string, StyleNumbering> _styles = new(StringComparer.Ordinal);
    private readonly Dictionary<int, int?[]> _counters = [];
    private readonly HashSet<(int NumberingId, int Level)> _restarted = [];

    // Where the streaming read of numbering.xml and styles.xml stands.
    private Level?[]? _abstract;
    private Instance? _instance;
    private Level? _level;
    private int? _overrideLevel;
    private string? _style;

    public static WordNumbering Read(NumberingDefinitionsPart? numbering, StyleDefinitionsPart? styles, CancellationToken ct)
    {
        var result = new WordNumbering();
        if (numbering is not null)
        {
            ReadPart(numbering, ct, result.OnNumbering);
        }

        if (styles is not null)
        {
            ReadPart(styles, ct, result.OnStyles);
        }

        return result;
    }

    /// <summary>The label of a numbered paragraph ("" when it has none), counting it.</summary>
    public string Label(ParagraphFrame paragraph, CellFrame? cell)
    {
        var (numberingId, level) = Resolve(paragraph);
        if (numberingId is not { } id || id == 0)
        {
            return string.Empty;
        }

        level = Math.Clamp(level, 0, Levels - 1);
        if (Defined(id, level) is { } label)
        {
            return label;
        }

        if (cell is null)
        {
            return string.Empty;
        }

        // No definition: what the reader did before numbering.xml was read, counted within the cell.
        var key = (id, level);
        cell.Counters[key] = cell.Counters.GetValueOrDefault(key) + 1;
        foreach (var deeper in cell.Counters.Keys.Where(k => k.NumberingId == id && k.Level > level).ToList())
        {
            cell.Counters.Remove(deeper);
        }

        var n = cell.Counters[key];
        return level == 0 ? $"{n}. " : $"({n})";
    }

    private (int? NumberingId, int Level) Resolve(ParagraphFrame paragraph)
    {
        int? id = paragraph.NumberingId;
        int? level = paragraph.Level;
        var style = paragraph.Style;
        for (var hops = 0; hops < 10 && style is not null && _styles.TryGetValue(style, out var found); hops++)
        {
            id ??= found.NumberingId;
            level ??= found.Level;
            style = found.BasedOn;
        }

        return (id, level ?? 0);
    }

    private string? Defined(int id, int level)
    {
        if (!_instances.TryGetValue(id, out var instance) || instance.AbstractId is not { } abstractId || !_abstracts.TryGetValue(abstractId, out var levels)
            || LevelOf(instance, levels, level) is not { } definition)
        {
            return null;
        }

        if (!_counters.TryGetValue(abstractId, out var counters))
        {
            _counters[abstractId] = counters = new int?[Levels];
        }

        if (instance.StartOverrides.TryGetValue(level, out var start) && _restarted.Add((id, level)))
        {
            counters[level] = start - 1;
        }

        counters[level] = (counters[level] ?? definition.Start - 1) + 1;
        for (var deeper = level + 1; deeper < Levels; deeper++)
        {
            counters[deeper] = null;
        }

        if (definition.Format == "bullet")
        {
            return string.Empty;
        }

        var text = definition.Text ?? string.Empty;
        var label = new StringBuilder();
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '%' && i + 1 < text.Length && text[i + 1] is >= '1' and <= '9')
            {
                var k = text[i + 1] - '1';
                var other = LevelOf(instance, levels, k);
                var format = k == level ? definition.Format : other?.Format ?? "decimal";
                if (format != "none")
                {
                    label.Append(Format(counters[k] ?? other?.Start ?? 1, definition.Legal ? "decimal" : format));
                }

                i++;
            }
            else
            {
                label.Append(text[i]);
            }
        }

        if (label.Length > 0 && definition.Suffix != "nothing")
        {
            label.Append(' ');
        }

        return label.ToString();
    }

    private static Level? LevelOf(Instance instance, Level?[] levels, int level) =>
        instance.Levels.TryGetValue(level, out var overridden) ? overridden : levels[level];

    /// <summary>A number in one of Word's number formats (ST_NumberFormat).</summary>
    internal static string Format(int n, string format)
    {
        if (n < 0)
        {
            n = 0;
        }

        return format switch
        {
            "decimalZero" => n.ToString("00", CultureInfo.InvariantCulture),
            "decimalFullWidth" or "decimalFullWidth2" => new string(n.ToString(CultureInfo.InvariantCulture).Select(c => (char)(c - '0' + '０')).ToArray()),
            "decimalEnclosedCircle" or "decimalEnclosedCircleChinese" when n is >= 1 and <= 20 => ((char)(0x2460 + n - 1)).ToString(),
            "decimalEnclosedParen" when n is >= 1 and <= 20 => ((char)(0x2474 + n - 1)).ToString(),
            "decimalEnclosedFullstop" when n is >= 1 and <= 20 => ((char)(0x2488 + n - 1)).ToString(),
            "upperLetter" or "lowerLetter" when n >= 1 => Letters(n, format == "upperLetter"),
            "upperRoman" or "lowerRoman" when n is >= 1 and < 4000 => Roman(n, format == "upperRoman"),
            "taiwaneseCounting" or "taiwaneseCountingThousand" or "chineseCounting" or "chineseCountingThousand" or "japaneseCounting" or "koreanCounting"
                when n is >= 1 and < 10000 => Counting(n, "一二三四五六七八九", "十百千"),
            "ideographLegalTraditional" when n is >= 1 and < 10000 => Counting(n, "壹貳參肆伍陸柒捌玖", "拾佰仟"),
            "chineseLegalSimplified" when n is >= 1 and < 10000 => Counting(n, "壹贰叁肆伍陆柒捌玖", "拾佰仟"),
            "ideographDigital" or "taiwaneseDigital" or "japaneseDigitalTenThousand" => new string(n.ToString(CultureInfo.InvariantCulture).Select(c => "〇一二三四五六七八九"[c - '0']).ToArray()),

            // Word's ideographTraditional is the ten heavenly stems, ideographZodiac the twelve branches.
            "ideographTraditional" when n is >= 1 and <= 10 => "甲乙丙丁戊己庚辛壬癸"[n - 1].ToString(),
            "ideographZodiac" when n is >= 1 and <= 12 => "子丑寅卯辰巳午未申酉戌亥"[n - 1].ToString(),
            _ => n.ToString(CultureInfo.InvariantCulture),
        };
    }

    // 1 → 一, 10 → 十, 11 → 十一, 20 → 二十, 105 → 一百零五, as Word writes the counting formats.
    private static string Counting(int n, string digits, string units)
    {
        var builder = new StringBuilder();
        var zero = false;
        for (var power = 3; power >= 0; power--)
        {
            var digit = n / (int)Math.Pow(10, power) % 10;
            if (digit == 0)
            {
                zero = builder.Length > 0;
                continue;
            }

            if (zero)
            {
                builder.Append('零');
                zero = false;
            }

            if (!(power == 1 && digit == 1 && builder.Length == 0))
            {
                builder.Append(digits[digit - 1]);
            }

            if (power > 0)
            {
                builder.Append(units[power - 1]);
            }
        }

        return builder.ToString();
    }

    private static string Letters(int n, bool upper)
    {
        // Word repeats the letter: a … z, aa … zz, aaa …
        var letter = (char)((upper ? 'A' : 'a') + (n - 1) % 26);
        return new string(letter, Math.Min(1 + (n - 1) / 26, 10));
    }

    private static string Roman(int n, bool upper)
    {
        (int Value, string Symbol)[] numerals = [(1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"), (50, "l"), (40, "xl"), (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i")];
        var builder = new StringBuilder();
        foreach (var (value, symbol) in numerals)
        {
            for (; n >= value; n -= value)
            {
                builder.Append(symbol);
            }
        }

        return upper ? builder.ToString().ToUpperInvariant() : builder.ToString();
    }

    private static void ReadPart(OpenXmlPart part, CancellationToken ct, Action<XmlReader> onNode)
    {
        using var stream = new LimitedReadStream(part.GetStream(FileMode.Open, FileAccess.Read), PlanLoadLimits.MaxSmallPartCharacters, PlanLoadLimits.PartTooLarge);
        using var xml = XmlReader.Create(stream, DocxPlanExtractor.ReaderSettings(PlanLoadLimits.MaxSmallPartCharacters));
        var nodes = 0;
        while (xml.Read())
        {
            if ((++nodes & 0x3FF) == 0)
            {
                ct.ThrowIfCancellationRequested();
            }

            if (xml.Depth > PlanLoadLimits.MaxNestingDepth)
            {
                throw new PlanLimitExceededException(PlanLoadLimits.TooDeep());
            }

            if (xml.NamespaceURI is WordBodyReader.Main or WordBodyReader.StrictMain && xml.NodeType is XmlNodeType.Element or XmlNodeType.EndElement)
            {
                onNode(xml);
            }
        }
    }

    // numbering.xml: abstractNum > lvl > start, numFmt, lvlText, suff, isLgl; num > abstractNumId, lvlOverride > startOverride, lvl.
    private void OnNumbering(XmlReader xml)
    {
        var ns = xml.NamespaceURI;
        if (xml.NodeType == XmlNodeType.EndElement)
        {
            switch (xml.LocalName)
            {
                case "abstractNum":
                    _abstract = null;
                    break;
                case "num":
                    _instance = null;
                    break;
                case "lvl":
                    _level = null;
                    break;
                case "lvlOverride":
                    _overrideLevel = null;
                    break;
            }

            return;
        }

        var empty = xml.IsEmptyElement;
        switch (xml.LocalName)
        {
            case "abstractNum" when !empty && Int(xml, "abstractNumId") is { } id:
                _abstracts[id] = _abstract = new Level?[Levels];
                _instance = null;
                break;
            case "num" when !empty && Int(xml, "numId") is { } id:
                _instances[id] = _instance = new Instance();
                _abstract = null;
                break;
            case "abstractNumId" when _instance is not null:
                _instance.AbstractId = Int(xml, "val");
                break;
            case "lvlOverride" when !empty && _instance is not null && Int(xml, "ilvl") is { } overridden and >= 0 and < Levels:
                _overrideLevel = overridden;
                break;
            case "startOverride" when _instance is not null && _overrideLevel is { } at && Int(xml, "val") is { } start:
                _instance.StartOverrides[at] = start;
                break;
            case "lvl" when !empty:
                var index = _overrideLevel ?? Int(xml, "ilvl") ?? -1;
                if (index is >= 0 and < Levels)
                {
                    _level = new Level();
                    if (_instance is not null && _overrideLevel is not null)
                    {
                        _instance.Levels[index] = _level;
                    }
                    else if (_abstract is not null)
                    {
                        _abstract[index] = _level;
                    }
                }

                break;
            case "start" when _level is not null && Int(xml, "val") is { } first:
                _level.Start = first;
                break;
            case "numFmt" when _level is not null:
                _level.Format = xml.GetAttribute("val", ns) ?? "decimal";
                break;
            case "lvlText" when _level is not null:
                _level.Text = xml.GetAttribute("val", ns);
                break;
            case "suff" when _level is not null:
                _level.Suffix = xml.GetAttribute("val", ns) ?? "tab";
                break;
            case "isLgl" when _level is not null:
                _level.Legal = xml.GetAttribute("val", ns) is null or "1" or "true" or "on";
                break;
        }
    }

    // styles.xml: style (paragraph) > basedOn, pPr > numPr > numId, ilvl.
    private void OnStyles(XmlReader xml)
    {
        if (xml.NodeType == XmlNodeType.EndElement)
        {
            if (xml.LocalName == "style")
            {
                _style = null;
            }

            return;
        }

        var ns = xml.NamespaceURI;
        switch (xml.LocalName)
        {
            case "style" when !xml.IsEmptyElement:
                _style = xml.GetAttribute("type", ns) is null or "paragraph" ? xml.GetAttribute("styleId", ns) : null;
                if (_style is not null)
                {
                    _styles[_style] = new StyleNumbering(null, null, null);
                }

                break;
            case "basedOn" when _style is not null:
                _styles[_style] = _styles[_style] with { BasedOn = xml.GetAttribute("val", ns) };
                break;
            case "numId" when _style is not null:
                _styles[_style] = _styles[_style] with { NumberingId = Int(xml, "val") };
                break;
            case "ilvl" when _style is not null:
                _styles[_style] = _styles[_style] with { Level = Int(xml, "val") };
                break;
        }
    }

    private static int? Int(XmlReader xml, string attribute) =>
        int.TryParse(xml.GetAttribute(attribute, xml.NamespaceURI), NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) ? value : null;

    private sealed class Level
    {
        public int Start { get; set; } = 1;

        public string Format { get; set; } = "decimal";

        public string? Text { get; set; }

        public string Suffix { get; set; } = "tab";

        public bool Legal { get; set; }
    }

    private sealed class Instance
    {
        public int? AbstractId { get; set; }

        public Dictionary<int, int> StartOverrides { get; } = [];

        public Dictionary<int, Level> Levels { get; } = [];
    }

    private sealed record StyleNumbering(int? NumberingId, int? Level, string? BasedOn);
}

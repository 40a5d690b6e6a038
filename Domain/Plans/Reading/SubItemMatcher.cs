using System.Text.RegularExpressions;
using HighServiceDashboard.Domain.Frameworks;

namespace HighServiceDashboard.Domain.Plans.Reading;

/// <summary>
/// Finds which pillar, sub-item or preamble of a framework a piece of plan text cites, by text and never
/// by the plan's own label. Method and thresholds: docs/decisions/002-plan-reader-matching.md.
/// </summary>
public sealed partial class SubItemMatcher
{
    /// <summary>Share of a cell's bigrams that must be in a sub-item's text for an unlabelled cell to cite it.</summary>
    public const double StrongContainment = 0.6;

    /// <summary>Share needed when the cell carries a sub-item label ((一), （二）) and the sub-item is in the current pillar.</summary>
    public const double LabelledContainment = 0.3;

    /// <summary>Bigrams a cell must share with a sub-item before its share counts (a short fragment proves little).</summary>
    public const int MinimumShared = 4;

    private readonly List<(SubItem Item, Pillar Pillar, Bigrams Bigrams)> _subItems;
    private readonly List<(Pillar Pillar, Bigrams Bigrams)> _pillars;
    private readonly Bigrams? _preambleTitle;
    private readonly Bigrams? _preambleText;

    // Bigram → the sub-items whose text holds it: a cell is compared with all sub-items in one pass
    // over its own bigrams, which keeps a long document (tens of thousands of cells) fast.
    private readonly Dictionary<int, List<int>> _index = [];

    // The same cell text is compared several times (framework choice, layout, reading).
    private readonly Dictionary<string, Bigrams> _cellBigrams = new(StringComparer.Ordinal);

    public SubItemMatcher(Framework framework)
    {
        Framework = framework;
        _pillars = framework.Pillars.OrderBy(p => p.Order).Select(p => (p, Bigrams.Of(p.Title))).ToList();
        _subItems = framework.Pillars.OrderBy(p => p.Order)
            .SelectMany(p => p.SubItems.OrderBy(s => s.Order).Select(s => (s, p, Bigrams.Of(s.Text))))
            .ToList();
        if (framework.Preamble is { } preamble)
        {
            _preambleTitle = Bigrams.Of(preamble.Title);
            _preambleText = Bigrams.Of(preamble.Text);
        }

        for (var i = 0; i < _subItems.Count; i++)
        {
            foreach (var bigram in _subItems[i].Bigrams.Items)
            {
                if (!_index.TryGetValue(bigram, out var list))
                {
                    _index[bigram] = list = [];
                }

                list.Add(i);
            }
        }
    }

    public Framework Framework { get; }

    /// <summary>The best sub-item for a cell's text, or null when none is close enough.</summary>
    public SubItemMatch? MatchSubItem(string text, Pillar? currentPillar, bool labelled)
    {
        var bigrams = CellBigrams(text);
        if (bigrams.Count == 0)
        {
            return null;
        }

        var counts = new int[_subItems.Count];
        foreach (var bigram in bigrams.Items)
        {
            if (_index.TryGetValue(bigram, out var holders))
            {
                foreach (var holder in holders)
                {
                    counts[holder]++;
                }
            }
        }

        SubItemMatch? best = null;
        for (var i = 0; i < _subItems.Count; i++)
        {
            var shared = counts[i];
            if (shared == 0)
            {
                continue;
            }

            var (item, pillar, itemBigrams) = _subItems[i];

            var containment = (double)shared / bigrams.Count;
            var coverage = (double)shared / itemBigrams.Count;
            var inPillar = currentPillar is not null && pillar.Code == currentPillar.Code;

            // Containment says "this cell is a piece of the sub-item" (true of a half split at a page
            // break); coverage says how much of the sub-item it holds. The current pillar breaks ties,
            // since the pillars' texts share phrases (服務, 民眾).
            var score = (containment + coverage) / 2 + (inPillar ? 0.1 : 0);
            var accepted = (containment >= StrongContainment && shared >= MinimumShared)
                || (labelled && inPillar && containment >= LabelledContainment && shared >= 2);
            if (accepted && (best is null || score > best.Score))
            {
                best = new SubItemMatch(item, pillar, score, containment, coverage);
            }
        }

        return best;
    }

    /// <summary>The pillar a heading cell names, by its title; null when it names none.</summary>
    public Pillar? MatchPillar(string text, bool labelled)
    {
        var bigrams = CellBigrams(text);
        if (bigrams.Count < 2)
        {
            return null;
        }

        Pillar? best = null;
        var bestScore = 0.0;
        foreach (var (pillar, titleBigrams) in _pillars)
        {
            var shared = bigrams.Shared(titleBigrams);
            var containment = (double)shared / bigrams.Count;
            var coverage = (double)shared / titleBigrams.Count;
            var accepted = labelled ? containment >= 0.4 && shared >= 2 : containment >= 0.7 && shared >= 3;
            var score = containment + coverage;
            if (accepted && score > bestScore)
            {
                best = pillar;
                bestScore = score;
            }
        }

        return best;
    }

    /// <summary>True when the text is the preamble item's title (訂定「提升服務計畫」) or its text.</summary>
    public bool MatchesPreamble(string text)
    {
        if (_preambleTitle is null || _preambleText is null)
        {
            return false;
        }

        var bigrams = CellBigrams(text);
        if (bigrams.Count < 3)
        {
            return false;
        }

        return (bigrams.ContainedIn(_preambleTitle) >= 0.8 && _preambleTitle.ContainedIn(bigrams) >= 0.8)
            || (bigrams.ContainedIn(_preambleText) >= 0.7 && _preambleText.ContainedIn(bigrams) >= 0.7);
    }

    /// <summary>
    /// The sub-item a focus point's own words are closest to, first among the given pillar's sub-items
    /// (when given), then in the whole framework. Used only where the sub-item's label was lost.
    /// </summary>
    /// <param name="focusText">The focus point's text (and any unrecognised item text above it).</param>
    /// <param name="pillar">The pillar the focus point sits in, when known.</param>
    /// <param name="cited">Sub-items the plan cites elsewhere: a lost cell is more likely one it does not, so those are tried first.</param>
    public (SubItem Item, double Score, bool WithinPillar)? GuessSubItem(string focusText, Pillar? pillar, IReadOnlySet<string>? cited = null)
    {
        var bigrams = Bigrams.Of(focusText);
        if (bigrams.Count == 0)
        {
            return null;
        }

        if (pillar is not null)
        {
            var pillarItems = _subItems.Where(s => s.Pillar.Code == pillar.Code).ToList();
            var uncited = pillarItems.Where(s => cited is null || !cited.Contains(s.Item.Code)).ToList();
            var inPillar = Best(uncited.Count > 0 ? uncited : pillarItems);
            if (inPillar is { } found && found.Score >= GuessWithinPillar)
            {
                return (found.Item, found.Score, true);
            }
        }

        var any = Best(_subItems);
        return any is { } f && f.Score >= GuessAnywhere ? (f.Item, f.Score, false) : null;

        (SubItem Item, double Score)? Best(IEnumerable<(SubItem Item, Pillar Pillar, Bigrams Bigrams)> candidates)
        {
            (SubItem Item, double Score)? best = null;
            foreach (var (item, _, itemBigrams) in candidates)
            {
                // Share of the sub-item's wording that the focus point repeats: a focus point is usually
                // much longer than the sub-item and paraphrases it.
                var score = itemBigrams.ContainedIn(bigrams);
                if (best is null || score > best.Value.Score)
                {
                    best = (item, score);
                }
            }

            return best;
        }
    }

    /// <summary>Score a guess within the current pillar needs.</summary>
    public const double GuessWithinPillar = 0.12;

    /// <summary>Score a guess across the framework needs (higher: nothing narrows the choice).</summary>
    public const double GuessAnywhere = 0.2;

    private Bigrams CellBigrams(string text)
    {
        if (!_cellBigrams.TryGetValue(text, out var bigrams))
        {
            bigrams = Bigrams.Of(StripLabels(text));
            if (_cellBigrams.Count < 100_000)
            {
                _cellBigrams[text] = bigrams;
            }
        }

        return bigrams;
    }

    /// <summary>Removes leading item labels: 一、 (一) （一） 1. so that they do not count as text.</summary>
    public static string StripLabels(string text) => LeadingLabel().Replace(TextNormalizer.Fold(text).TrimStart(), string.Empty);

    [GeneratedRegex(@"^(\s*([一二三四五六七八九十]+\s*[、.]|\(\s*[一二三四五六七八九十]+\s*\)|[一二三四五六七八九十]+\s*\)|\d{1,2}\s*[.、]))+\s*")]
    private static partial Regex LeadingLabel();
}

/// <summary>A sub-item found for a piece of text, with the shares that decided it.</summary>
public sealed record SubItemMatch(SubItem Item, Pillar Pillar, double Score, double Containment, double Coverage);

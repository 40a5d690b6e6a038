using System.Text;
using System.Text.RegularExpressions;
using HighServiceDashboard.Domain.Frameworks;

namespace HighServiceDashboard.Domain.Plans.Reading;

/// <summary>
/// Reads an extracted plan document (<see cref="PlanTextDocument"/>) into a draft plan: agency, year,
/// framework, focus points per sub-item, not-applicable declarations and everything it could not
/// place. It never throws on content: what is wrong becomes a <see cref="PlanFinding"/>.
/// </summary>
public sealed partial class PlanReader
{
    private readonly IReadOnlyList<Framework> _frameworks;

    /// <summary>Reads against the shipped frameworks (<see cref="FrameworkCatalogue.All"/>).</summary>
    public PlanReader()
        : this(FrameworkCatalogue.All)
    {
    }

    /// <summary>Reads against the given frameworks (e.g. those in the database).</summary>
    public PlanReader(IReadOnlyList<Framework> frameworks)
    {
        _frameworks = frameworks;
    }

    public PlanReading Read(PlanTextDocument document, PlanReadOptions? options = null)
    {
        options ??= new PlanReadOptions();
        var findings = new List<PlanFinding>();
        var paragraphs = document.Blocks.OfType<PlanParagraph>().Select(p => new SourceText(p.Line, p.Text)).ToList();

        // The title and what the closing sections say are read from the paragraphs, whatever the table gives.
        var (title, agency, titleYear, titleLine) = PlanHeaderDetector.FindTitle(paragraphs);
        if (options.AgencyName is { Length: > 0 } givenAgency)
        {
            agency = givenAgency;
        }

        int? year;
        YearSource yearSource;
        if (options.RocYear is { } givenYear)
        {
            (year, yearSource) = (givenYear, YearSource.Option);
        }
        else if (titleYear is { } y)
        {
            (year, yearSource) = (y, YearSource.Title);
        }
        else if (PlanHeaderDetector.FindYearFromResultsSentence(AllTexts(document)) is { } fromResults)
        {
            (year, yearSource) = (fromResults.Year, YearSource.ResultsSentence);
            findings.Add(PlanFinding.Info(PlanFindingCodes.YearFromResultsSentence,
                $"標題未載年度，依成果提送時程判定為{year}年度。",
                $"The title states no year; the year {year} was taken from the results-submission sentence.", fromResults.Line));
        }
        else
        {
            (year, yearSource) = (null, YearSource.None);
        }

        if (!document.AllCells().Any(c => TextNormalizer.Key(c.Text).Length > 0))
        {
            findings.Add(PlanFinding.Error(PlanFindingCodes.EmptyDocument, "文件沒有任何文字內容。", "The document contains no text."));
            return new PlanReading { Findings = findings, Title = title };
        }

        if (agency is null)
        {
            findings.Add(PlanFinding.Warning(PlanFindingCodes.AgencyNotFound, "無法從標題判斷機關名稱，請手動填寫。",
                "The agency could not be found in the title; please enter it.", titleLine));
        }

        if (year is null)
        {
            findings.Add(PlanFinding.Warning(PlanFindingCodes.YearNotFound, "無法判斷計畫年度，請手動填寫。",
                "The plan's year could not be found; please enter it.", titleLine));
        }

        var framework = ChooseFramework(document, options, findings);
        var subordinates = PlanHeaderDetector.FindSubordinates(paragraphs, agency);
        var parent = PlanHeaderDetector.FindParent(agency, paragraphs);
        if (framework is null)
        {
            return new PlanReading
            {
                AgencyName = agency, RocYear = year, YearSource = yearSource, Title = title, Findings = findings,
                OtherText = document.AllCells().Select(c => new SourceText(c.Line, TextNormalizer.Clean(c.Text))).Where(t => t.Text.Length > 0).ToList(),
                Subordinates = subordinates, Parent = parent,
            };
        }

        var matcher = new SubItemMatcher(framework);
        var (planRows, otherText, between) = SelectPlanRows(document, matcher);
        if (planRows.Count == 0)
        {
            findings.Add(PlanFinding.Error(PlanFindingCodes.NoPlanTable, "找不到計畫內容表格（執行要項、執行重點、執行單位）。",
                "No plan table (pillars, focus points, units) was found in the document."));
            return new PlanReading
            {
                AgencyName = agency, RocYear = year, YearSource = yearSource, Title = title, Framework = framework,
                Findings = findings, OtherText = otherText, Subordinates = subordinates, Parent = parent,
            };
        }

        var table = new PlanTableReader(matcher, planRows);
        table.Read();
        if (table.FocusPoints.Count == 0 && table.Declarations.Count == 0)
        {
            // Sub-item texts quoted without any focus points (in goals, say): there is no plan to read.
            findings.Add(PlanFinding.Error(PlanFindingCodes.NoPlanTable, "找不到計畫內容表格（執行要項、執行重點、執行單位）。",
                "No plan table (pillars, focus points, units) was found in the document."));
            return new PlanReading
            {
                AgencyName = agency, RocYear = year, YearSource = yearSource, Title = title, Framework = framework,
                Findings = findings, Subordinates = subordinates, Parent = parent,
                OtherText = document.AllCells().Select(c => new SourceText(c.Line, TextNormalizer.Clean(c.Text))).Where(t => t.Text.Length > 0).ToList(),
            };
        }

        findings.AddRange(table.Findings);
        var unplaced = between.Concat(table.Unplaced).OrderBy(u => u.Line).ToList();
        foreach (var text in unplaced)
        {
            findings.Add(PlanFinding.Warning(PlanFindingCodes.UnplacedText, $"無法歸入任何子項目的內容：「{Shorten(text.Text)}」",
                $"Text that could not be placed under any sub-item: \"{Shorten(text.Text)}\"", text.Line));
        }

        var source = planRows.SelectMany(r => r.Cells).Select(c => c.Text).Concat(between.Select(b => b.Text)).Select(TextAccounting.Content);
        var read = table.FocusPoints.SelectMany(f => new[] { f.Title, f.Description }.Concat(f.Units))
            .Concat(table.Items.Select(i => i.Text))
            .Concat(table.Declarations.Select(d => d.Text))
            .Concat(unplaced.Select(u => u.Text))
            .Concat(table.OtherText.Select(t => t.Text));
        return new PlanReading
        {
            AgencyName = agency,
            RocYear = year,
            YearSource = yearSource,
            Title = title,
            Framework = framework,
            TextAccounted = TextAccounting.Share(source, read),
            FocusPoints = table.FocusPoints,
            NotApplicable = table.Declarations,
            Items = table.Items,
            Unplaced = unplaced,
            OtherText = otherText.Concat(table.OtherText).OrderBy(t => t.Line).ToList(),
            Findings = findings.OrderBy(f => f.Line ?? 0).ToList(),
            Subordinates = subordinates,
            Parent = parent,
        };
    }

    private Framework? ChooseFramework(PlanTextDocument document, PlanReadOptions options, List<PlanFinding> findings)
    {
        if (options.FrameworkKey is { Length: > 0 } key)
        {
            var forced = _frameworks.FirstOrDefault(f => string.Equals(f.Key, key, StringComparison.OrdinalIgnoreCase));
            if (forced is null)
            {
                findings.Add(PlanFinding.Error(PlanFindingCodes.FrameworkNotAvailable, $"找不到方案「{key}」。",
                    $"There is no framework with the key '{key}'."));
            }

            return forced;
        }

        // The framework whose sub-item and pillar texts the document cites most (distinct ones), so
        // that a phrase shared by two frameworks cannot decide alone. Three are needed: fewer could be
        // a quotation in some other document.
        var cells = document.AllCells().SelectMany(c => CitationParts(c.Text)).Where(t => t.Length >= 6).ToList();
        Framework? best = null;
        var bestCount = 0;
        foreach (var framework in _frameworks)
        {
            var matcher = new SubItemMatcher(framework);
            var cited = new HashSet<string>();
            foreach (var cell in cells)
            {
                if (matcher.MatchSubItem(cell, null, false) is { Containment: >= 0.7 } match)
                {
                    cited.Add(match.Item.Code);
                }
                else if (matcher.MatchPillar(cell, PillarLabel().IsMatch(TextNormalizer.Fold(cell))) is { } pillar)
                {
                    cited.Add("pillar " + pillar.Code);
                }
            }

            if (cited.Count > bestCount)
            {
                best = framework;
                bestCount = cited.Count;
            }
        }

        if (best is null || bestCount < 3)
        {
            findings.Add(PlanFinding.Error(PlanFindingCodes.UnknownFramework, "文件內容與已知的服務方案（躍升方案、精進方案）皆不相符。",
                "The document's items match none of the known frameworks."));
            return null;
        }

        return best;
    }

    // The plan table is every table from the first to the last that cites the framework (Word and PDF
    // break one table into several at page breaks). Paragraphs between them belong to the plan but
    // sit outside its grid: they are listed as unplaced. A plan written without a table is read from
    // its paragraphs as a one-column table.
    private static (List<PlanRow> Rows, List<SourceText> Other, List<SourceText> Between) SelectPlanRows(PlanTextDocument document, SubItemMatcher matcher)
    {
        var blocks = document.Blocks;
        var planIndexes = blocks.Select((b, i) => (b, i)).Where(x => x.b is PlanTable t && Cites(t.Rows.SelectMany(r => r.Cells), matcher) >= 2).Select(x => x.i).ToList();
        var rows = new List<PlanRow>();
        var other = new List<SourceText>();
        var between = new List<SourceText>();
        if (planIndexes.Count > 0)
        {
            // A running head repeats a line from above the table (the title) on every page.
            var before = blocks.Take(planIndexes[0]).OfType<PlanParagraph>().Select(p => TextNormalizer.Key(p.Text)).ToHashSet();

            // The plan table's last page may hold one sub-item or only the end of one: a table that
            // follows it, with nothing but page furniture between, as wide, or citing an item, goes on.
            var width = Width((PlanTable)blocks[planIndexes[^1]]);
            for (var next = planIndexes[^1] + 1; next < blocks.Count; next++)
            {
                if (blocks[next] is PlanParagraph furniture && (PageNumber().IsMatch(TextNormalizer.Clean(furniture.Text)) || before.Contains(TextNormalizer.Key(furniture.Text))))
                {
                    continue;
                }

                if (blocks[next] is PlanTable more && (Width(more) == width || Cites(more.Rows.SelectMany(r => r.Cells), matcher) >= 1))
                {
                    planIndexes.Add(next);
                    continue;
                }

                break;
            }

            for (var i = 0; i < blocks.Count; i++)
            {
                var inside = i >= planIndexes[0] && i <= planIndexes[^1];
                switch (blocks[i])
                {
                    case PlanTable t when inside:
                        rows.AddRange(t.Rows);
                        break;
                    // A pillar heading written across the whole table is a line of its own in text form.
                    case PlanParagraph p when inside && Cites([new PlanCell(p.Text, p.Line, 0)], matcher) > 0:
                        rows.Add(new PlanRow(p.Line, [new PlanCell(p.Text, p.Line, 0)]));
                        break;
                    // Page numbers and running heads are not plan content.
                    case PlanParagraph p when inside && (PageNumber().IsMatch(TextNormalizer.Clean(p.Text)) || before.Contains(TextNormalizer.Key(p.Text))):
                        AddText(other, p.Line, p.Text);
                        break;
                    case PlanParagraph p when inside:
                        AddText(between, p.Line, p.Text);
                        break;
                    default:
                        AddBlock(other, blocks[i]);
                        break;
                }
            }

            return (rows, other, between);
        }

        var paragraphs = blocks.OfType<PlanParagraph>().ToList();
        var citing = paragraphs.Select((p, i) => (p, i)).Where(x => Cites([new PlanCell(x.p.Text, x.p.Line, 0)], matcher) > 0).Select(x => x.i).ToList();
        if (citing.Count < 3)
        {
            foreach (var block in blocks)
            {
                AddBlock(other, block);
            }

            return (rows, other, between);
        }

        var last = citing[^1];
        while (last + 1 < paragraphs.Count && !SectionHeading().IsMatch(TextNormalizer.Clean(paragraphs[last + 1].Text)))
        {
            last++;
        }

        var first = citing[0];
        for (var i = 0; i < paragraphs.Count; i++)
        {
            if (i >= first && i <= last)
            {
                rows.Add(new PlanRow(paragraphs[i].Line, [new PlanCell(paragraphs[i].Text, paragraphs[i].Line, 0)]));
            }
            else
            {
                AddText(other, paragraphs[i].Line, paragraphs[i].Text);
            }
        }

        foreach (var table in blocks.OfType<PlanTable>())
        {
            AddBlock(other, table);
        }

        return (rows, other, between);
    }

    private static int Width(PlanTable table) => table.Rows.SelectMany(r => r.Cells).Select(c => c.Column).DefaultIfEmpty(-1).Max() + 1;

    private static int Cites(IEnumerable<PlanCell> cells, SubItemMatcher matcher) =>
        cells.SelectMany(c => CitationParts(c.Text)).Where(t => t.Length >= 4)
            .Count(t => matcher.MatchSubItem(t, null, false) is { Containment: >= 0.7 } || matcher.MatchPillar(t, PillarLabel().IsMatch(TextNormalizer.Fold(t))) is not null);

    // A cell may hold a pillar heading and the first sub-item's text together: "六、… (一)主動發掘…";
    // a focus cell may open with the sub-item's text, then its points: its first sentence is a part.
    private static IEnumerable<string> CitationParts(string raw)
    {
        var clean = TextNormalizer.Fold(TextNormalizer.CleanLine(raw));
        var sub = SubLabelInside().Match(clean);
        if (PillarLabel().IsMatch(clean) && sub.Success && sub.Index > 0)
        {
            return [clean[..sub.Index], clean[sub.Index..]];
        }

        var stop = clean.IndexOf('。');
        return stop > 0 && stop < clean.Length - 1 && stop <= 200 ? [clean, clean[..(stop + 1)]] : [clean];
    }

    private static void AddBlock(List<SourceText> list, PlanBlock block)
    {
        switch (block)
        {
            case PlanParagraph p:
                AddText(list, p.Line, p.Text);
                break;
            case PlanTable t:
                foreach (var row in t.Rows)
                {
                    AddText(list, row.Line, string.Join(" ", row.Cells.Select(c => TextNormalizer.Clean(c.Text)).Where(x => x.Length > 0)));
                }

                break;
        }
    }

    private static void AddText(List<SourceText> list, int line, string raw)
    {
        var clean = TextNormalizer.Clean(raw);
        if (clean.Length > 0)
        {
            list.Add(new SourceText(line, clean));
        }
    }

    private static IEnumerable<SourceText> AllTexts(PlanTextDocument document) =>
        document.AllCells().Select(c => new SourceText(c.Line, c.Text));

    internal static string Shorten(string text)
    {
        var line = text.Replace('\n', ' ');
        return line.Length <= 40 ? line : line[..40] + "…";
    }

    [GeneratedRegex(@"^\s*[一二三四五六七八九十]+\s*[、.]")]
    internal static partial Regex PillarLabel();

    [GeneratedRegex(@"^[壹貳參叁肆伍陸柒捌玖拾]+\s*[、.．]")]
    private static partial Regex SectionHeading();

    [GeneratedRegex(@"\(\s*[一二三四五六七八九十]+\s*\)")]
    private static partial Regex SubLabelInside();

    [GeneratedRegex(@"^[-–—\s]*(第\s*)?\d{1,3}\s*(頁|/\s*\d{1,3}|of\s*\d{1,3})?[-–—\s]*$", RegexOptions.IgnoreCase)]
    private static partial Regex PageNumber();
}

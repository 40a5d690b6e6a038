using System.Globalization;
using System.Text.RegularExpressions;
using HighServiceDashboard.Domain.Frameworks;

namespace HighServiceDashboard.Domain.Plans.Reading;

/// <summary>
/// Walks the rows of a plan table once: finds which columns hold the items (pillar, sub-item), the
/// focus points and the units, then groups focus points under the sub-item whose text they follow.
/// One instance per reading.
/// </summary>
internal sealed partial class PlanTableReader
{
    private readonly SubItemMatcher _matcher;
    private readonly IReadOnlyList<PlanRow> _rows;
    private readonly List<Group> _groups = [];
    private readonly List<Draft> _drafts = [];
    private readonly List<(int Line, int Order, Func<PlanItemText> Make)> _items = [];
    private int _firstItemColumn;
    private int _lastItemColumn = -1;
    private int? _unitColumn;
    private int? _pillarColumn;
    private int? _focusColumn;
    private Pillar? _pillar;
    private Group? _group;
    private bool _pendingLabel;
    private HashSet<string> _cited = [];
    private string? _previousCode;
    private (Group Group, string Units, int Line)? _pendingUnits;

    public PlanTableReader(SubItemMatcher matcher, IReadOnlyList<PlanRow> rows)
    {
        _matcher = matcher;
        _rows = rows;
    }

    public List<FocusPoint> FocusPoints { get; } = [];

    public List<NotApplicableDeclaration> Declarations { get; } = [];

    public List<PlanItemText> Items { get; } = [];

    public List<SourceText> Unplaced { get; } = [];

    public List<SourceText> OtherText { get; } = [];

    public List<PlanFinding> Findings { get; } = [];

    public void Read()
    {
        var dataRows = SkipHeaders(out var hasUnitsHeader, out var headerRoles);
        dataRows = TableLayout.Normalise(dataRows);
        InferLayout(dataRows, hasUnitsHeader, headerRoles);
        foreach (var row in dataRows)
        {
            ReadRow(row);
        }

        Finish();
    }

    private enum CellKind
    {
        Pillar,
        Preamble,
        SubItem,
        Label,
        Other,
    }

    private List<PlanRow> SkipHeaders(out bool hasUnitsHeader, out IReadOnlyList<PlanRow> headers)
    {
        hasUnitsHeader = false;
        var headerRows = new List<PlanRow>();
        headers = headerRows;
        var sawHeader = false;
        var data = new List<PlanRow>();
        foreach (var row in _rows)
        {
            var texts = row.Cells.Select(c => TextNormalizer.Fold(TextNormalizer.CleanLine(c.Text))).Where(t => t.Length > 0).ToList();
            if (texts.Count > 0 && texts.Any(t => HeaderWord().IsMatch(t)) && texts.All(t => t.Length <= 14 && Kind(t) is not (CellKind.Pillar or CellKind.SubItem or CellKind.Preamble)))
            {
                sawHeader = true;
                headerRows.Add(row);
                hasUnitsHeader |= texts.Any(t => UnitsHeader().IsMatch(t));
                OtherText.Add(new SourceText(row.Line, string.Join(" ", texts)));
                continue;
            }

            data.Add(row);
        }

        // Without a header the units column is found by its content alone.
        if (!sawHeader)
        {
            hasUnitsHeader = true;
        }

        return data;
    }

    private void InferLayout(List<PlanRow> rows, bool hasUnitsHeader, IReadOnlyList<PlanRow> headers)
    {
        var itemCounts = new Dictionary<int, int>();
        var pillarCounts = new Dictionary<int, int>();
        var unitCounts = new Dictionary<int, int>();
        var filled = new Dictionary<int, int>();
        var lengths = new Dictionary<int, int>();
        foreach (var cell in rows.SelectMany(r => r.Cells))
        {
            var text = TextNormalizer.CleanLine(cell.Text);
            var key = TextNormalizer.Key(text);
            if (key.Length == 0)
            {
                continue;
            }

            Increment(filled, cell.Column);
            lengths[cell.Column] = lengths.GetValueOrDefault(cell.Column) + key.Length;
            var kind = Kind(TextNormalizer.Fold(text));
            if (kind is CellKind.Pillar or CellKind.SubItem or CellKind.Preamble or CellKind.Label)
            {
                Increment(itemCounts, cell.Column);
            }

            if (kind == CellKind.Pillar)
            {
                Increment(pillarCounts, cell.Column);
            }

            if (UnitSplitter.LooksLikeUnits(cell.Text))
            {
                Increment(unitCounts, cell.Column);
            }
        }

        // The header names the columns when it is as wide as the rows under it; the content decides
        // otherwise (a header of three cells over rows of six, as Word's text export gives).
        var named = TableLayout.HeaderRoles(headers, rows);
        _pillarColumn = pillarCounts.Count > 0 ? pillarCounts.MaxBy(kv => kv.Value).Key : null;
        double Share(Dictionary<int, int> counts, int column) => (double)counts.GetValueOrDefault(column) / Math.Max(1, filled.GetValueOrDefault(column));

        // A header is believed only where the cells agree with it: the column it calls units holds unit
        // lists (or none does), the one it calls focus points is not mostly pillars and sub-items. A
        // header drawn over the wrong columns (a PDF's centred header words) then decides nothing.
        var agrees = named.All(kv => kv.Value switch
        {
            ColumnRole.Units => Share(unitCounts, kv.Key) >= 0.5 || !filled.Keys.Any(c => filled[c] >= 2 && Share(unitCounts, c) >= 0.5),
            ColumnRole.Focus => Share(itemCounts, kv.Key) < 0.5,
            _ => true,
        });
        if (!agrees)
        {
            named = new Dictionary<int, ColumnRole>();
        }

        // The units column: named so, or cells mostly unit lists while some other column is not.
        var namedUnits = named.Where(kv => kv.Value == ColumnRole.Units && filled.ContainsKey(kv.Key)).Select(kv => (int?)kv.Key).FirstOrDefault();
        if (namedUnits is not null)
        {
            _unitColumn = namedUnits;
        }
        else if (hasUnitsHeader)
        {
            var candidates = filled.Keys.Where(c => filled[c] >= 2 && Share(unitCounts, c) >= 0.5).ToList();
            if (candidates.Count > 0 && filled.Keys.Any(c => !candidates.Contains(c) && Share(unitCounts, c) < 0.5))
            {
                _unitColumn = candidates.OrderByDescending(c => Share(unitCounts, c)).ThenByDescending(c => c).First();
            }
        }

        // The focus column: named so, or the one holding most of the text among those that are not
        // mostly items (a sub-item may open a focus cell; that does not make it an item column).
        var namedFocus = named.Where(kv => kv.Value == ColumnRole.Focus && filled.ContainsKey(kv.Key)).Select(kv => (int?)kv.Key).FirstOrDefault();
        var others = filled.Keys.Where(c => c != _unitColumn).ToList();
        int? focus = namedFocus;
        if (focus is null && others.Count > 0)
        {
            var notItems = others.Where(c => Share(itemCounts, c) < 0.5).ToList();
            focus = (notItems.Count > 0 ? notItems : others).OrderByDescending(c => lengths.GetValueOrDefault(c)).ThenBy(c => c).First();
        }

        // Item columns lie before the focus column; a first column of row numbers (項次) is not one.
        // Between the last of them and the focus column, a column of point numbers (1.) reads with the focus.
        var itemColumns = filled.Keys.Where(c => c < (focus ?? int.MaxValue) && c != _unitColumn
            && itemCounts.GetValueOrDefault(c) >= 2 && itemCounts[c] * 5 >= filled[c]).ToList();
        _lastItemColumn = itemColumns.Count > 0 ? itemColumns.Max() : -1;
        _firstItemColumn = itemColumns.Count > 0 ? itemColumns.Min() : 0;
        _focusColumn = focus;
    }

    private static void Increment(Dictionary<int, int> counts, int key) => counts[key] = counts.GetValueOrDefault(key) + 1;

    private CellKind Kind(string folded)
    {
        if (PlanReader.PillarLabel().IsMatch(folded) && _matcher.MatchPillar(SplitPillarCell(folded).Pillar, true) is not null)
        {
            return CellKind.Pillar;
        }

        if (_matcher.MatchesPreamble(folded))
        {
            return CellKind.Preamble;
        }

        if (BareLabel().IsMatch(folded))
        {
            return CellKind.Label;
        }

        var labelled = SubLabel().IsMatch(folded);
        if (_matcher.MatchSubItem(folded, null, false) is not null || (labelled && TextNormalizer.Key(folded).Length > 3))
        {
            return CellKind.SubItem;
        }

        return _matcher.MatchPillar(folded, false) is not null ? CellKind.Pillar : CellKind.Other;
    }

    private void ReadRow(PlanRow row)
    {
        var cells = row.Cells.Where(c => TextNormalizer.Key(c.Text).Length > 0 || TextNormalizer.Clean(c.Text).Length > 0).ToList();
        var itemCells = cells.Where(c => c.Column <= _lastItemColumn && c.Column != _unitColumn).ToList();
        // Columns after the units (a schedule, 預定期程) stay with the focus point's text.
        var focusCells = cells.Where(c => c.Column > _lastItemColumn && c.Column != _unitColumn).ToList();
        var unitCells = cells.Where(c => c.Column == _unitColumn).ToList();
        var groupsBefore = _groups.Count;

        // A units cell is never a focus point: a row shifted by a missing cell puts its units where
        // the focus text stands.
        if (unitCells.Count == 0 && _unitColumn is not null && focusCells.Count >= 2 && UnitSplitter.LooksLikeUnits(focusCells[^1].Text))
        {
            unitCells.Add(focusCells[^1]);
            focusCells.RemoveAt(focusCells.Count - 1);
        }

        // The sub-item written at the top of the focus cell, before the focus points: read it as the
        // item it is, and the rest of the cell as the focus.
        if (focusCells.Count > 0 && SplitLeadingItem(focusCells[0].Text) is { } lead)
        {
            itemCells.Add(new PlanCell(lead.Item, focusCells[0].Line, Math.Max(_firstItemColumn, 0)));
            if (lead.Remainder.Length > 0)
            {
                focusCells[0] = focusCells[0] with { Text = lead.Remainder };
            }
            else
            {
                focusCells.RemoveAt(0);
            }
        }

        for (var i = 0; i < itemCells.Count; i++)
        {
            var cell = itemCells[i];
            if (!ReadItemCell(cell, lastChance: focusCells.Count == 0 && unitCells.Count == 0))
            {
                // Not an item: the row has no focus cells, so this cell and the rest are its focus
                // (a two-column row shifted left, or a plan written in paragraphs).
                focusCells.InsertRange(0, itemCells.Skip(i));
                break;
            }
        }

        var focusText = string.Join("\n", focusCells.Select(c => c.Text));
        var unitsText = string.Join("\n", unitCells.Select(c => c.Text));
        var hasFocus = TextNormalizer.Key(focusText).Length > 0;
        var hasUnits = TextNormalizer.Key(unitsText).Length > 0;
        if (!hasFocus && !hasUnits)
        {
            return;
        }

        var last = _drafts.Count > 0 ? _drafts[^1] : null;
        var sameGroup = last is not null && last.Group == _group && last.Pillar == _pillar && _groups.Count == groupsBefore;
        if (!hasFocus)
        {
            if (sameGroup)
            {
                last!.Units = last.Units.Length == 0 ? unitsText : last.Units + " " + unitsText;
            }
            else if (_groups.Count > groupsBefore)
            {
                // A sub-item's row whose focus cell went on to the next page: its units wait for it.
                FlushPendingUnits();
                _pendingUnits = (_group!, unitsText, row.Line);
            }
            else
            {
                Unplaced.Add(new SourceText(row.Line, TextNormalizer.Clean(unitsText)));
            }

            return;
        }

        if (_pendingUnits is { } pending && pending.Group == _group)
        {
            // A name cut by the page break ("建管處、企劃" / "處、資訊室") is joined whole.
            unitsText = !hasUnits ? pending.Units
                : UnitSplitter.EndsInsideName(pending.Units) ? pending.Units.TrimEnd() + unitsText.TrimStart()
                : pending.Units + "\n" + unitsText;
            hasUnits = true;
            _pendingUnits = null;
        }
        else
        {
            FlushPendingUnits();
        }

        // A sentence broken at a page break: the point above stops mid-sentence and this row does not
        // open a new point. Its units join the point's, so that one-unit-per-point lists still pair.
        if (sameGroup && ((!SentenceEnded().IsMatch(TextNormalizer.Clean(last!.Focus)) && !FocusTextParser.StartsSomethingNew(focusText))
            || FocusTextParser.ContinuesList(last!.Focus, focusText)))
        {
            last.Focus += MidSentence(last.Focus, focusText) ? focusText : "\n" + focusText;
            last.Units = last.Units.Length == 0 ? unitsText : last.Units + " " + unitsText;
            return;
        }

        // "1. 分眾滿意度調查" opening a list again under a sub-item that already has points, left
        // unfinished at the foot of a page, and the next page's row bringing a sub-item and text that
        // goes on from it: the sub-item's cell was cut to the next page, and the point is its.
        if (last is not null && _groups.Count > groupsBefore && last.Group != _group
            && (!FocusTextParser.StartsSomethingNew(focusText) || (TextNormalizer.Fold(TextNormalizer.Clean(last.Focus)).EndsWith(':') && FocusTextParser.OpensMeasures(last.Focus, focusText)))
            && FocusTextParser.OpensList(last.Focus) && (IsTitleOnly(last.Focus) || !SentenceEnded().IsMatch(TextNormalizer.Clean(last.Focus)))
            && _drafts.Count >= 2 && _drafts[^2].Group == last.Group)
        {
            last.Focus += MidSentence(last.Focus, focusText) ? focusText : "\n" + focusText;
            last.Units = last.Units.Length == 0 ? unitsText : last.Units + "\n" + unitsText;
            last.Group = _group;
            return;
        }

        // A units cell that stops inside a name ("非公用財產管" / "理科、…"): a page break cut the row,
        // and this row is the rest of it.
        // The row above may have stood under its pillar alone, its sub-item cut to this row too.
        if (last is not null && hasUnits && UnitSplitter.EndsInsideName(last.Units) && !FocusTextParser.StartsSomethingNew(focusText)
            && (sameGroup || (last.Group is null && last.Pillar == _pillar)))
        {
            last.Focus += MidSentence(last.Focus, focusText) ? focusText : "\n" + focusText;
            last.Units += unitsText.TrimStart();
            last.Group ??= _group;
            return;
        }

        // A title alone on its row ("2. 服務及時、一致性"), then rows of its measures opening at (1): one
        // point, with the units of every row, though each row names its own.
        if (sameGroup && IsTitleOnly(last!.Focus) && FocusTextParser.OpensMeasures(last.Focus, focusText))
        {
            last.Focus += "\n" + focusText;
            last.Units = last.Units.Length == 0 ? unitsText : last.Units + "\n" + unitsText;
            return;
        }

        // A row of focus text without units continues the focus point above it: sub-measures (1) (2)
        // of a numbered point, or the description under a title left alone on the row before.
        if (sameGroup && ((_unitColumn is not null && !hasUnits) || (_unitColumn is null && IsLoneHeading(last!.Focus))))
        {
            last!.Focus += "\n" + focusText;
            return;
        }

        _drafts.Add(new Draft(_group, _pillar, focusText, unitsText, focusCells.Min(c => c.Line)) { StartsGroup = _groups.Count > groupsBefore });
    }

    /// <summary>Reads one cell of the item columns; false when it is not an item at all.</summary>
    private bool ReadItemCell(PlanCell cell, bool lastChance)
    {
        var text = TextNormalizer.CleanLine(cell.Text);
        var folded = TextNormalizer.Fold(text);
        if (text.Length == 0)
        {
            return true;
        }

        // A column before the items (項次, a row number) carries no item: keep its text, change nothing.
        if (cell.Column < _firstItemColumn && Kind(folded) == CellKind.Other)
        {
            if (TextNormalizer.Key(text).Length <= 4)
            {
                AddItem(null, text, cell.Line);
            }
            else
            {
                Unplaced.Add(new SourceText(cell.Line, text));
            }

            return true;
        }

        if (PlanReader.PillarLabel().IsMatch(folded))
        {
            var (pillarText, subText) = SplitPillarCell(folded);
            if (_matcher.MatchPillar(pillarText, true) is { } pillar)
            {
                SetPillar(pillar, pillarText, cell.Line);
                if (subText is not null)
                {
                    StartGroup(subText, cell.Line, labelled: true);
                }

                return true;
            }
        }

        if (_matcher.MatchesPreamble(folded))
        {
            if (_group is { IsPreamble: true } preamble && preamble.Line == cell.Line)
            {
                preamble.Text += "\n" + text;
            }
            else
            {
                _group = new Group { IsPreamble = true, Text = text, Line = cell.Line, Pillar = null };
                _groups.Add(_group);
                _pillar = null;
            }

            return true;
        }

        if (BareLabel().IsMatch(folded))
        {
            if (SubLabel().IsMatch(folded))
            {
                _pendingLabel = true;
            }

            AddItem(null, text, cell.Line);
            return true;
        }

        if (SubLabel().IsMatch(folded) || _pendingLabel)
        {
            _pendingLabel = false;
            StartGroup(text, cell.Line, labelled: true);
            return true;
        }

        if (_group is { IsPreamble: false } current && Continues(current, text))
        {
            current.Text += text;
            current.Match = _matcher.MatchSubItem(current.Text, current.Pillar, current.Labelled) ?? current.Match;
            return true;
        }

        var match = _matcher.MatchSubItem(folded, _pillar, false);
        if (match is not null)
        {
            if (_group?.Match?.Item == match.Item)
            {
                _group.Text += text;
            }
            else
            {
                StartGroup(text, cell.Line, labelled: false, match);
            }

            return true;
        }

        // The rest of a pillar heading split over rows ("治理，優化 機關管理 創新").
        if (_pillar is not null && (cell.Column == _pillarColumn || _group is null) && _matcher.MatchPillar(folded, false)?.Code == _pillar.Code)
        {
            AddItem(_pillar.Code, text, cell.Line);
            return true;
        }

        if (_matcher.MatchPillar(folded, false) is { } named)
        {
            SetPillar(named, text, cell.Line);
            return true;
        }

        if (lastChance)
        {
            return false;
        }

        // Text in the items column that cites nothing: a sub-item we cannot recognise. Its focus
        // points are placed by what they say.
        StartGroup(text, cell.Line, labelled: false);
        return true;
    }

    /// <summary>
    /// The framework sub-item's text opening a focus cell ("(一)建立業務標準作業流程…作業方式。" then the
    /// points): the prefix, up to a line break, a full stop or a space, that is nearly all sub-item and
    /// holds most of it. Null when the cell does not open so.
    /// </summary>
    private (string Item, string Remainder)? SplitLeadingItem(string raw)
    {
        var soft = TextNormalizer.Soft(raw);
        if (soft.Length < 4)
        {
            return null;
        }

        var folded = TextNormalizer.Fold(soft);
        var labelled = SubLabel().IsMatch(folded);
        // A sub-item's text cut by a page break goes on at the top of the next row's focus cell.
        var open = _group is { IsPreamble: false, Match: not null } g && !SentenceEnded().IsMatch(TextNormalizer.Clean(g.Text)) ? _group : null;
        var limit = Math.Min(soft.Length, 400);
        var cuts = new List<(int Cut, double Coverage, int Sureness)>();
        (int Cut, double Coverage)? best = null;
        for (var i = 2; i <= limit; i++)
        {
            var atEnd = i == soft.Length;
            // A full stop ends a sub-item's text more surely than a line break (a PDF wraps lines
            // inside a sentence), and a line break more surely than a space (a stray one inside it).
            var sureness = atEnd || (soft[i - 1] is '。' or '；' && !atEnd) ? 2 : soft[i] == '\n' ? 1 : soft[i] == ' ' ? 0 : -1;
            if (sureness < 0)
            {
                continue;
            }

            var atBreak = sureness > 0;

            var prefix = TextNormalizer.Fold(soft[..i]);
            if (open is not null && !labelled)
            {
                // Only while the joined text cites the same sub-item better and the piece is its wording.
                var joined = _matcher.MatchSubItem(TextNormalizer.Fold(open.Text) + prefix, open.Pillar, open.Labelled);
                var piece = Bigrams.Of(prefix).ContainedIn(Bigrams.Of(open.Match!.Item.Text));
                if (joined?.Item == open.Match!.Item && joined.Coverage >= open.Match.Coverage + 0.05 && piece >= 0.75 && TextNormalizer.Key(prefix).Length >= 2)
                {
                    cuts.Add((i, joined.Coverage, sureness));
                }

                continue;
            }

            if (i >= 4 && _matcher.MatchesPreamble(prefix) && !atEnd)
            {
                cuts.Add((i, 1, sureness));
                continue;
            }

            var match = _matcher.MatchSubItem(prefix, _pillar, labelled);
            if (match is null || match.Containment < 0.75 || match.Coverage < (labelled ? (atBreak ? 0.2 : 0.3) : 0.5))
            {
                continue;
            }

            cuts.Add((i, match.Coverage, sureness));
        }

        // The earliest cut that holds nearly all the sub-item it can: words after it that share a
        // bigram or two with the sub-item (提供…) are the focus point's, not the sub-item's.
        var tier = cuts.Count == 0 ? cuts : cuts.Where(c => c.Sureness == cuts.Max(x => x.Sureness)).ToList();
        if (tier.Count > 0)
        {
            var most = tier.Max(c => c.Coverage);
            var first = tier.First(c => c.Coverage >= most - 0.05);
            best = (first.Cut, first.Coverage);
        }

        if (best is not { } chosen)
        {
            return null;
        }

        return (soft[..chosen.Cut].Trim(), soft[chosen.Cut..].Trim());
    }

    private void SetPillar(Pillar pillar, string text, int line)
    {
        // The pillar written again on each row of its group keeps the sub-item the rows are under.
        if (_pillar?.Code != pillar.Code)
        {
            _group = null;
        }

        _pillar = pillar;
        _pendingLabel = false;
        AddItem(pillar.Code, text, line);
    }

    private void StartGroup(string text, int line, bool labelled, SubItemMatch? match = null)
    {
        match ??= _matcher.MatchSubItem(text, _pillar, labelled);
        _group = new Group { Text = text, Line = line, Labelled = labelled, Match = match, Pillar = match?.Pillar ?? _pillar };
        _pillar = _group.Pillar;
        _groups.Add(_group);
    }

    // A sub-item's text broken at a page break: the first half does not end a sentence, and the two
    // halves together cite the sub-item better than the first alone.
    private bool Continues(Group group, string text)
    {
        if (SentenceEnded().IsMatch(group.Text))
        {
            return false;
        }

        if (TextNormalizer.Key(text).Length <= 3)
        {
            return true;
        }

        var combined = _matcher.MatchSubItem(group.Text + text, group.Pillar, group.Labelled);
        if (combined is null)
        {
            return false;
        }

        if (group.Match is null)
        {
            return true;
        }

        return combined.Coverage > group.Match.Coverage && (combined.Item == group.Match.Item || combined.Coverage >= group.Match.Coverage + 0.2);
    }

    private void AddItem(string? code, string text, int line) => _items.Add((line, _items.Count, () => new PlanItemText(code, text, line)));

    private void Finish()
    {
        FlushPendingUnits();
        foreach (var group in _groups)
        {
            var code = group.IsPreamble ? _matcher.Framework.Preamble?.Code ?? "0" : group.Match?.Item.Code;
            var captured = group;
            _items.Add((group.Line, _items.Count, () => new PlanItemText(code, captured.Text, captured.Line)));
            if (code is null)
            {
                Findings.Add(PlanFinding.Warning(PlanFindingCodes.SubItemUnmatched,
                    $"執行要項「{PlanReader.Shorten(group.Text)}」與方案的子項目文字都不相符，其執行重點依內容推定。",
                    $"The item \"{PlanReader.Shorten(group.Text)}\" matches no sub-item of the framework; its focus points were placed by their content.", group.Line));
            }
        }

        Items.AddRange(_items.OrderBy(i => i.Line).ThenBy(i => i.Order).Select(i => i.Make()));

        _cited = _groups.Where(g => g.Match is not null).Select(g => g.Match!.Item.Code).ToHashSet();
        PlaceAfterLostItems();
        foreach (var draft in _drafts)
        {
            FinishDraft(draft);
        }
    }

    /// <summary>
    /// A sub-item cell lost whole (label and text) leaves its focus points under the sub-item above
    /// it. Where the plan never cites a sub-item that sits between two it does cite, the rows under the
    /// earlier one that read clearly closer to the missing one are moved there, as guesses.
    /// </summary>
    private void PlaceAfterLostItems()
    {
        var cited = _cited;
        var ordered = _matcher.Framework.SubItems.ToList();
        foreach (var run in _drafts.Where(d => d.Group?.Match is not null).GroupBy(d => d.Group))
        {
            var stated = run.Key!.Match!.Item;
            var at = ordered.IndexOf(stated);
            var gap = ordered.Skip(at + 1).TakeWhile(s => !cited.Contains(s.Code)).Where(s => SamePillar(s, stated)).ToList();
            if (gap.Count == 0)
            {
                continue;
            }

            var current = stated;
            foreach (var draft in run.Where(d => !d.StartsGroup))
            {
                var evidence = Bigrams.Of(draft.Focus);
                var here = Bigrams.Of(current.Text).ContainedIn(evidence);
                // Only forward: the rows of a table follow the framework's order.
                var ahead = current == stated ? gap : gap.SkipWhile(s => s != current).Skip(1);
                var best = ahead
                    .Select(s => (Item: s, Score: Bigrams.Of(s.Text).ContainedIn(evidence)))
                    .OrderByDescending(x => x.Score).FirstOrDefault();
                if (best.Item is not null && best.Score >= LostItemMinimum && best.Score >= here + LostItemMargin)
                {
                    current = best.Item;
                }

                if (current != stated)
                {
                    draft.Moved = (current, Bigrams.Of(current.Text).ContainedIn(evidence));
                }
            }
        }

        bool SamePillar(SubItem a, SubItem b) => a.Code.Split('.')[0] == b.Code.Split('.')[0];
    }

    /// <summary>Share of a missing sub-item's wording a focus text must repeat to be moved there.</summary>
    private const double LostItemMinimum = 0.2;

    /// <summary>How much closer to the missing sub-item than to the stated one it must read.</summary>
    private const double LostItemMargin = 0.1;

    private void FinishDraft(Draft draft)
    {
        var focusClean = TextNormalizer.Clean(draft.Focus);
        var source = draft.Units.Length > 0 ? focusClean + "\n" + TextNormalizer.Clean(draft.Units) : focusClean;
        string? code = null;
        string? guessReason = null;
        string? guessReasonEn = null;
        if (draft.Group is { IsPreamble: true })
        {
            code = _matcher.Framework.Preamble?.Code ?? "0";
        }
        else if (draft.Moved is { } moved)
        {
            code = moved.Item.Code;
            var score = moved.Score.ToString("0.00", CultureInfo.InvariantCulture);
            guessReason = $"計畫列於 {draft.Group!.Match!.Item.Code} 之下，但內容較接近計畫未列出的 {code}（相似度 {score}），可能遺漏了子項目欄位。";
            guessReasonEn = $"Under {draft.Group!.Match!.Item.Code} in the plan, but reads closer to {code}, which the plan never cites (score {score}): its sub-item cell may have been lost.";
            Findings.Add(PlanFinding.Info(PlanFindingCodes.FocusPointGuessed,
                $"執行重點「{PlanReader.Shorten(TextNormalizer.Clean(draft.Focus))}」列於 {draft.Group.Match.Item.Code} 之下，但內容較接近計畫未列出的 {code}，可能遺漏了子項目欄位，請確認。",
                $"The focus point \"{PlanReader.Shorten(TextNormalizer.Clean(draft.Focus))}\" sits under {draft.Group.Match.Item.Code} but reads closer to {code}, which the plan never cites; its sub-item cell may have been lost. Please confirm.", draft.Line));
        }
        else if (draft.Group?.Match is { } match)
        {
            code = match.Item.Code;
        }
        else
        {
            var evidence = draft.Group is null ? focusClean : draft.Group.Text + "\n" + focusClean;
            var pillar = draft.Group?.Pillar ?? draft.Pillar;
            if (_matcher.GuessSubItem(evidence, pillar, _cited) is { } guess)
            {
                code = guess.Item.Code;
                var where = guess.WithinPillar ? $"the sub-items of pillar {pillar!.Code}" : "the whole framework";
                var whereZh = guess.WithinPillar ? $"第{pillar!.Code}項執行要項內" : "整個方案中";
                var score = guess.Score.ToString("0.00", CultureInfo.InvariantCulture);
                guessReason = draft.Group is null
                    ? $"未標明子項目；依文字推定為{whereZh}最相近者（相似度 {score}）。"
                    : $"執行要項文字與方案子項目皆不相符；依文字推定為{whereZh}最相近者（相似度 {score}）。";
                guessReasonEn = draft.Group is null
                    ? $"No sub-item label; closest by text among {where} (score {score})."
                    : $"The item text matches no sub-item; closest by text among {where} (score {score}).";
                Findings.Add(PlanFinding.Info(PlanFindingCodes.FocusPointGuessed,
                    $"執行重點「{PlanReader.Shorten(focusClean)}」未標明子項目，依內容推定為{whereZh}最相近的 {code}，請確認。",
                    $"The focus point \"{PlanReader.Shorten(focusClean)}\" has no sub-item; placed under {code}, the closest by text among {where}. Please confirm.", draft.Line));
            }
            else if (pillar is not null && ByPosition(pillar) is { } next)
            {
                // The pillar is certain and the words decide nothing: rows follow the framework's
                // order, so the point belongs at or after the sub-item of the point above it.
                code = next.Code;
                guessReason = _previousCode is null
                    ? $"未標明子項目，內容亦無相近文字；依其位於第{pillar.Code}項執行要項之首推定。"
                    : $"未標明子項目，內容亦無相近文字；依其位於第{pillar.Code}項執行要項中 {_previousCode} 之後推定。";
                guessReasonEn = $"No sub-item label and no wording close to one; placed by its position in pillar {pillar.Code}, after {_previousCode ?? "its start"}.";
                Findings.Add(PlanFinding.Info(PlanFindingCodes.FocusPointGuessed,
                    $"執行重點「{PlanReader.Shorten(focusClean)}」未標明子項目，內容亦無相近文字，依其在第{pillar.Code}項執行要項中的位置推定為 {code}，請確認。",
                    $"The focus point \"{PlanReader.Shorten(focusClean)}\" has no sub-item and no wording close to one; placed under {code} by its position in pillar {pillar.Code}. Please confirm.", draft.Line));
            }
        }

        if (code is not null)
        {
            _previousCode = code;
        }

        if (code is null)
        {
            Unplaced.Add(new SourceText(draft.Line, source));
            return;
        }

        if (NotApplicable().IsMatch(TextNormalizer.Fold(focusClean)) && focusClean.Length <= 80 && FocusTextParser.SplitMeasures(draft.Focus).Count < 2)
        {
            var reason = ReasonOf(focusClean);
            if (reason is not null)
            {
                Declarations.Add(new NotApplicableDeclaration(code, reason, focusClean, draft.Line));
            }
            else
            {
                Findings.Add(PlanFinding.Warning(PlanFindingCodes.NotApplicableWithoutReason,
                    $"子項目 {code} 表示不適用但未說明理由：「{PlanReader.Shorten(focusClean)}」。請補充理由。",
                    $"Sub-item {code} is declared not applicable without a reason: \"{PlanReader.Shorten(focusClean)}\". Please state why.", draft.Line));
                Unplaced.Add(new SourceText(draft.Line, source));
            }

            return;
        }

        var units = UnitSplitter.Split(draft.Units);
        var points = FocusTextParser.SplitPoints(draft.Focus);
        if (points.Count < 2)
        {
            AddFocusPoint(draft.Focus, units, source);
            return;
        }

        // Several numbered points in one cell: one focus point each, with its own unit when the units
        // cell lists one per point, else with all of them.
        var paired = units.Count == points.Count;
        for (var i = 0; i < points.Count; i++)
        {
            var own = paired ? [units[i]] : units;
            var pointSource = i == points.Count - 1 && draft.Units.Length > 0 ? points[i] + "\n" + TextNormalizer.Clean(draft.Units) : points[i];
            AddFocusPoint(points[i], own, pointSource);
        }

        void AddFocusPoint(string text, IReadOnlyList<string> pointUnits, string pointSource)
        {
            var measures = FocusTextParser.SplitMeasures(text, pointUnits.Count > 1 ? pointUnits.Count : null);
            var pairedMeasures = pointUnits.Count > 1 && measures.Count == pointUnits.Count;
            var (title, description) = FocusTextParser.SplitTitle(text);
            var cadences = CadenceExtractor.Extract(text);
            if (cadences.Any(c => c.Kind == CadenceKind.Periodic))
            {
                // 定期 alone promises a routine but no period the schedule could remind of.
                Findings.Add(PlanFinding.Warning(PlanFindingCodes.CadenceUnstated,
                    $"執行重點「{PlanReader.Shorten(title)}」寫「定期」辦理但未載明頻率（每季、每年1次…），無法排入期程，請確認。",
                    $"The focus point \"{PlanReader.Shorten(title)}\" says it is done regularly (定期) without saying how often; it cannot be scheduled. Please confirm.", draft.Line));
            }

            FocusPoints.Add(new FocusPoint
            {
                Code = code,
                Title = title,
                Description = description,
                Units = pointUnits.Distinct().ToList(),
                AllUnits = pointUnits.Any(UnitSplitter.MeansAllUnits),
                Cadences = cadences,
                Measures = measures.Select((m, i) => new FocusMeasure(m, pairedMeasures ? [pointUnits[i]] : [])).ToList(),
                Line = draft.Line,
                IsGuess = guessReason is not null,
                GuessReason = guessReason,
                GuessReasonEn = guessReasonEn,
                SourceText = pointSource,
            });
        }
    }

    /// <summary>The sub-item after the one the point above was placed under, within the pillar (its first when none).</summary>
    private SubItem? ByPosition(Pillar pillar)
    {
        var items = pillar.SubItems.OrderBy(i => i.Order).ToList();
        if (items.Count == 0)
        {
            return null;
        }

        var at = _previousCode is null ? -1 : items.FindIndex(i => i.Code == _previousCode);
        return at < 0 ? items[0] : items[Math.Min(at + 1, items.Count - 1)];
    }

    // A declaration carries its reason when it says more than "not applicable": a second clause
    // (本所業務性質特殊，尚無提供…) or a cause (因, 涉及, 需 …).
    private static string? ReasonOf(string text)
    {
        var trimmed = OwnAgency().Replace(text.Trim(), string.Empty).TrimEnd('。', '.', ' ');
        var clauses = ClauseBreak().Split(trimmed).Where(c => TextNormalizer.Key(c).Length >= 2).ToList();
        return clauses.Count >= 2 || Cause().IsMatch(trimmed) || Explained().IsMatch(trimmed) ? trimmed : null;
    }

    private static (string Pillar, string? Sub) SplitPillarCell(string folded)
    {
        var sub = SubLabelInside().Match(folded);
        return sub.Success && sub.Index > 0 ? (folded[..sub.Index].Trim(), folded[sub.Index..].Trim()) : (folded, null);
    }

    // A line wrapped inside a cell (PDF, Word) joins without a break; a list continued over rows keeps its break.
    private static bool MidSentence(string previous, string next) =>
        !IsLoneHeading(previous) && !SentenceEnded().IsMatch(TextNormalizer.Clean(previous)) && !FocusTextParser.StartsSomethingNew(next) && !previous.TrimEnd().EndsWith('>') && !next.TrimStart().StartsWith('<');

    // A title on a line of its own, commas allowed ("2. 強化跨平台通用服務，增加使用意願"), no sentence end.
    private static bool IsTitleOnly(string raw)
    {
        var clean = TextNormalizer.Clean(raw);
        return !clean.Contains('\n') && clean.Length <= 30 && !SentenceEnded().IsMatch(clean);
    }

    private void FlushPendingUnits()
    {
        if (_pendingUnits is { } pending)
        {
            Unplaced.Add(new SourceText(pending.Line, TextNormalizer.Clean(pending.Units)));
            _pendingUnits = null;
        }
    }

    private static bool IsLoneHeading(string raw)
    {
        var clean = TextNormalizer.Clean(raw);
        return !clean.Contains('\n') && clean.Length <= 25 && !SentencePunctuation().IsMatch(TextNormalizer.Fold(clean));
    }

    private sealed class Group
    {
        public bool IsPreamble { get; init; }

        public required string Text { get; set; }

        public int Line { get; init; }

        public bool Labelled { get; init; }

        public SubItemMatch? Match { get; set; }

        public Pillar? Pillar { get; init; }
    }

    private sealed class Draft(Group? group, Pillar? pillar, string focus, string units, int line)
    {
        public Group? Group { get; set; } = group;

        public Pillar? Pillar { get; } = pillar;

        public string Focus { get; set; } = focus;

        public string Units { get; set; } = units;

        public int Line { get; } = line;

        /// <summary>The row that holds this focus text also holds its sub-item's text.</summary>
        public bool StartsGroup { get; init; }

        /// <summary>Moved to a sub-item the plan never cites, by its content (see <see cref="PlaceAfterLostItems"/>).</summary>
        public (SubItem Item, double Score)? Moved { get; set; }
    }

    [GeneratedRegex(@"^(執行|實施|工作|辦理|主辦|協辦|權責|負責)?\s*(\(參考\))?\s*(要項|重點|方法|單位|\(單位\)|課室|科室|項目|內容|項次|策略|措施|步驟|成果|期程)")]
    private static partial Regex HeaderWord();

    [GeneratedRegex(@"單位|課室|科室|權責")]
    private static partial Regex UnitsHeader();

    // A sub-item or pillar label alone in its cell; a bare "1." is a focus point's number, not an item.
    [GeneratedRegex(@"^\s*(\(\s*[一二三四五六七八九十]+\s*\)|[一二三四五六七八九十]+\s*\)|[一二三四五六七八九十]+\s*[、.])\s*$")]
    private static partial Regex BareLabel();

    [GeneratedRegex(@"^\s*(\(\s*[一二三四五六七八九十]+\s*\)|[一二三四五六七八九十]+\s*\))")]
    private static partial Regex SubLabel();

    [GeneratedRegex(@"\(\s*[一二三四五六七八九十]+\s*\)")]
    private static partial Regex SubLabelInside();

    [GeneratedRegex(@"[。.；;]\s*$")]
    private static partial Regex SentenceEnded();

    [GeneratedRegex(@"不適用|尚無(提供|辦理|此|相關)|無(提供|辦理)|未(提供|辦理)|無此(項)?(業務|服務)|非本(所|局|處|機關|公所)之?(業務|權責)|無相關業務|^(無|N/?A|-|－)$", RegexOptions.IgnoreCase)]
    private static partial Regex NotApplicable();

    [GeneratedRegex(@"^(本(所|局|處|公所|機關|中心|會|府)|本項|此項)")]
    private static partial Regex OwnAgency();

    [GeneratedRegex(@"[，,；;。]")]
    private static partial Regex ClauseBreak();

    [GeneratedRegex(@"因|由於|涉及|需|係|性質|限於|屬於")]
    private static partial Regex Cause();

    // "不適用（本所無線上申辦業務）": the reason in brackets.
    [GeneratedRegex(@"[\(（][^\)）]{4,}[\)）]")]
    private static partial Regex Explained();

    [GeneratedRegex(@"[，,。；;：:]")]
    private static partial Regex SentencePunctuation();
}

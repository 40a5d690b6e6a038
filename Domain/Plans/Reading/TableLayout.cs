using System.Text.RegularExpressions;

namespace HighServiceDashboard.Domain.Plans.Reading;

/// <summary>What a column of a plan table holds.</summary>
internal enum ColumnRole
{
    None,

    /// <summary>項次, 編號: a row number.</summary>
    Number,

    /// <summary>執行要項: the pillar and the sub-item.</summary>
    Item,

    /// <summary>執行重點, 實施(參考)方法, 工作重點: the focus points.</summary>
    Focus,

    /// <summary>執行單位, 辦理單位, 權責單位: who does it.</summary>
    Units,

    /// <summary>預定期程, 備註: read with the focus point it stands beside.</summary>
    Extra,
}

/// <summary>
/// The shape of a plan table before any programme logic: rows brought to one width, and the roles
/// its header names. Format-neutral: it sees only rows of cells with their grid columns.
/// </summary>
internal static partial class TableLayout
{
    /// <summary>
    /// Rows that carry more cells than the table is wide, the extra ones empty and leading (a
    /// continuation row exported with one empty column more), lose those empty cells so that their
    /// text lands in the columns it was written in. Only rows whose cells are numbered one a column
    /// (text forms) are touched; a grid from Word or OpenDocument already says where each cell sits.
    /// </summary>
    public static List<PlanRow> Normalise(List<PlanRow> rows)
    {
        var widths = rows.Where(IsPositional).Select(r => r.Cells.Count).Where(n => n > 1).ToList();
        if (widths.Count == 0)
        {
            return rows;
        }

        var width = widths.GroupBy(n => n).OrderByDescending(g => g.Count()).ThenByDescending(g => g.Key).First().Key;
        var result = new List<PlanRow>(rows.Count);
        foreach (var row in rows)
        {
            if (!IsPositional(row) || row.Cells.Count <= width)
            {
                result.Add(row);
                continue;
            }

            var firstFilled = row.Cells.TakeWhile(c => IsBlank(c.Text)).Count();
            var drop = Math.Min(row.Cells.Count - width, firstFilled);
            if (drop == 0)
            {
                result.Add(row);
                continue;
            }

            var cells = row.Cells.Skip(drop).Select((c, i) => c with { Column = i }).ToList();
            result.Add(row with { Cells = cells });
        }

        return result;
    }

    /// <summary>
    /// The role each header cell names, by column. An unnamed header cell between the items and the
    /// focus points (執行要項 spanning the pillar and the sub-item) is an item column too. Empty when
    /// the header is not as wide as the rows under it: its cells then say nothing of positions.
    /// </summary>
    public static IReadOnlyDictionary<int, ColumnRole> HeaderRoles(IReadOnlyList<PlanRow> headers, IReadOnlyList<PlanRow> rows)
    {
        var roles = new Dictionary<int, ColumnRole>();
        var header = headers.FirstOrDefault();
        if (header is null)
        {
            return roles;
        }

        var dataWidth = rows.Select(r => r.Cells.Count == 0 ? 0 : r.Cells.Max(c => c.Column) + 1).DefaultIfEmpty(0)
            .GroupBy(n => n).OrderByDescending(g => g.Count()).First().Key;
        var headerWidth = header.Cells.Count == 0 ? 0 : header.Cells.Max(c => c.Column) + 1;
        if (headerWidth != dataWidth && header.Cells.Count != dataWidth)
        {
            return roles;
        }

        foreach (var cell in header.Cells)
        {
            roles[cell.Column] = RoleOf(TextNormalizer.Fold(TextNormalizer.CleanLine(cell.Text)));
        }

        var focus = roles.Where(kv => kv.Value == ColumnRole.Focus).Select(kv => (int?)kv.Key).FirstOrDefault();
        var item = roles.Where(kv => kv.Value == ColumnRole.Item).Select(kv => (int?)kv.Key).FirstOrDefault();
        if (focus is { } f && item is { } i)
        {
            for (var c = i + 1; c < f; c++)
            {
                if (roles.GetValueOrDefault(c) == ColumnRole.None)
                {
                    roles[c] = ColumnRole.Item;
                }
            }
        }

        return roles.Where(kv => kv.Value != ColumnRole.None).ToDictionary();
    }

    public static ColumnRole RoleOf(string folded)
    {
        if (folded.Length == 0)
        {
            return ColumnRole.None;
        }

        if (UnitsWord().IsMatch(folded))
        {
            return ColumnRole.Units;
        }

        if (NumberWord().IsMatch(folded))
        {
            return ColumnRole.Number;
        }

        if (FocusWord().IsMatch(folded))
        {
            return ColumnRole.Focus;
        }

        if (ItemWord().IsMatch(folded))
        {
            return ColumnRole.Item;
        }

        return ExtraWord().IsMatch(folded) ? ColumnRole.Extra : ColumnRole.None;
    }

    private static bool IsPositional(PlanRow row)
    {
        for (var i = 0; i < row.Cells.Count; i++)
        {
            if (row.Cells[i].Column != i)
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsBlank(string text) => TextNormalizer.Key(text).Length == 0;

    [GeneratedRegex(@"單位|課室|科室|權責|負責|承辦|主辦|協辦")]
    private static partial Regex UnitsWord();

    [GeneratedRegex(@"^(項次|編號|序號|項目編號|No\.?)$", RegexOptions.IgnoreCase)]
    private static partial Regex NumberWord();

    [GeneratedRegex(@"重點|方法|作法|做法|內容|措施|策略|步驟|方式")]
    private static partial Regex FocusWord();

    [GeneratedRegex(@"要項|項目|構面|子項")]
    private static partial Regex ItemWord();

    [GeneratedRegex(@"期程|時程|期限|日期|成果|指標|備註|說明")]
    private static partial Regex ExtraWord();
}

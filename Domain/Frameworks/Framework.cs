namespace HighServiceDashboard.Domain.Frameworks;

/// <summary>
/// A national framework (方案) that agencies write their yearly plans against: an optional
/// preamble item and its pillars (執行要項), each with sub-items cited by their text.
/// </summary>
public sealed class Framework
{
    public int Id { get; set; }

    /// <summary>Stable key of the version, e.g. <c>leap</c> (躍升方案) or <c>refine</c> (精進方案).</summary>
    public required string Key { get; set; }

    public required string Name { get; set; }

    public required string NameEn { get; set; }

    /// <summary>The item "set the plan itself" that some frameworks put before the pillars (code 0).</summary>
    public PreambleItem? Preamble { get; set; }

    public List<Pillar> Pillars { get; set; } = [];

    public IEnumerable<SubItem> SubItems => Pillars.OrderBy(p => p.Order).SelectMany(p => p.SubItems.OrderBy(s => s.Order));

    public SubItem? FindSubItem(string code) => SubItems.FirstOrDefault(s => s.Code == code);
}

public sealed class PreambleItem
{
    public required string Code { get; set; }

    public required string Title { get; set; }

    public required string Text { get; set; }
}

public sealed class Pillar
{
    public int Id { get; set; }

    public int FrameworkId { get; set; }

    public Framework? Framework { get; set; }

    /// <summary>Our code: the pillar's number ("1" … "6").</summary>
    public required string Code { get; set; }

    public required string Title { get; set; }

    public int Order { get; set; }

    public List<SubItem> SubItems { get; set; } = [];
}

public sealed class SubItem
{
    public int Id { get; set; }

    public int PillarId { get; set; }

    public Pillar? Pillar { get; set; }

    /// <summary>Our code: pillar number, then sub-item number ("3.2"). Plans renumber; this does not change.</summary>
    public required string Code { get; set; }

    /// <summary>The exact text of the sub-item, as the framework states it.</summary>
    public required string Text { get; set; }

    public int Order { get; set; }
}

namespace HighServiceDashboard.Domain.Agencies;

/// <summary>Where an agency stands in the city's tree. The city is the root; plans come from levels 1 and 2.</summary>
public enum AgencyLevel
{
    City = 0,
    FirstLevel = 1,
    SecondLevel = 2,
}

/// <summary>What kind of body an agency is; used for filters and labels, not for rules.</summary>
public enum AgencyKind
{
    City,
    Bureau,
    Office,
    Commission,
    DistrictOffice,
}

/// <summary>
/// An agency (機關) of the city government. Agencies are retired, never deleted, so that the plans,
/// tests and results filed under them stay readable.
/// </summary>
public sealed class Agency
{
    public int Id { get; set; }

    public required string Name { get; set; }

    public string? NameEn { get; set; }

    public AgencyKind Kind { get; set; }

    public AgencyLevel Level { get; set; }

    public int? ParentId { get; set; }

    public Agency? Parent { get; set; }

    public List<Agency> Children { get; set; } = [];

    public List<Unit> Units { get; set; } = [];

    /// <summary>The day the agency stopped taking part; null while it is active.</summary>
    public DateOnly? RetiredOn { get; set; }

    public bool IsRetired => RetiredOn is not null;

    /// <summary>Whether the agency took part in the programme at some point of the given Gregorian year.</summary>
    public bool IsActiveIn(int gregorianYear) => RetiredOn is null || RetiredOn.Value.Year >= gregorianYear;

    public string DisplayName(bool english) => english && !string.IsNullOrWhiteSpace(NameEn) ? NameEn : Name;
}

/// <summary>A unit (科室) inside an agency, named by plans as responsible for focus points.</summary>
public sealed class Unit
{
    public int Id { get; set; }

    public int AgencyId { get; set; }

    public Agency? Agency { get; set; }

    public required string Name { get; set; }

    public DateOnly? RetiredOn { get; set; }

    public bool IsRetired => RetiredOn is not null;
}

namespace HighServiceDashboard.Domain.Plans.Reading;

/// <summary>What the person uploading a plan already knows; each value given overrides what the reader would find.</summary>
public sealed record PlanReadOptions
{
    public int? RocYear { get; init; }

    public string? AgencyName { get; init; }

    /// <summary>Read against this framework (its key, e.g. <c>leap</c>) instead of detecting it.</summary>
    public string? FrameworkKey { get; init; }
}

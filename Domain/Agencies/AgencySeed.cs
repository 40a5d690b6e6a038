using System.Text.Json;

namespace HighServiceDashboard.Domain.Agencies;

/// <summary>
/// The agency tree shipped with the project (Domain/Data/agencies.json): the city, its first-level
/// agencies and 38 district offices, and the second-level agencies of the sample plans.
/// </summary>
public static class AgencySeed
{
    private const string ResourceName = "HighServiceDashboard.Domain.Data.agencies.json";

    /// <summary>A fresh, unsaved tree of agencies with their units, root first.</summary>
    public static Agency LoadEmbedded()
    {
        using var stream = typeof(AgencySeed).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"The embedded resource {ResourceName} is missing from the Domain assembly.");
        var file = JsonSerializer.Deserialize<SeedFile>(stream, new JsonSerializerOptions { PropertyNameCaseInsensitive = true })
            ?? throw new InvalidDataException("The agency seed is empty.");
        return ToAgency(file.Root, null);
    }

    private static Agency ToAgency(SeedAgency seed, AgencyLevel? parentLevel)
    {
        var level = AgencyTree.LevelUnder(parentLevel);
        return new Agency
        {
            Name = seed.Name,
            NameEn = seed.NameEn,
            Kind = Enum.Parse<AgencyKind>(seed.Kind),
            Level = level,
            Units = seed.Units.Select(u => new Unit { Name = u }).ToList(),
            Children = (seed.Children ?? []).Select(c => ToAgency(c, level)).ToList(),
        };
    }

    private sealed record SeedFile(SeedAgency Root);

    private sealed record SeedAgency(string Name, string? NameEn, string Kind, List<string> Units, List<SeedAgency>? Children);
}

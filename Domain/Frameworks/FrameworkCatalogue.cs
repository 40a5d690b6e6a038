using System.Text.Json;
using System.Text.Json.Serialization;

namespace HighServiceDashboard.Domain.Frameworks;

/// <summary>
/// The frameworks as the project ships them (Domain/Data/frameworks.json, embedded). The
/// database is seeded from this catalogue; the plan reader matches sub-item texts against it.
/// </summary>
public static class FrameworkCatalogue
{
    private const string ResourceName = "HighServiceDashboard.Domain.Data.frameworks.json";

    private static readonly Lazy<IReadOnlyList<Framework>> Embedded = new(() =>
    {
        using var stream = typeof(FrameworkCatalogue).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"The embedded resource {ResourceName} is missing from the Domain assembly.");
        return Load(stream);
    });

    /// <summary>The shipped frameworks. Each call returns the same instances: treat them as read-only.</summary>
    public static IReadOnlyList<Framework> All => Embedded.Value;

    public static Framework Get(string key) =>
        All.FirstOrDefault(f => f.Key == key) ?? throw new KeyNotFoundException($"No framework with key '{key}'.");

    /// <summary>Reads a catalogue in the format of frameworks.json.</summary>
    public static IReadOnlyList<Framework> Load(Stream json)
    {
        var file = JsonSerializer.Deserialize<CatalogueFile>(json, JsonOptions)
            ?? throw new InvalidDataException("The framework catalogue is empty.");
        return file.Frameworks.Select(ToFramework).ToList();
    }

    private static Framework ToFramework(FrameworkDto dto) => new()
    {
        Key = dto.Key,
        Name = dto.Name,
        NameEn = dto.NameEn,
        Preamble = dto.Preamble is { } p ? new PreambleItem { Code = p.Code, Title = p.Title, Text = p.Text } : null,
        Pillars = dto.Pillars.Select((pillar, i) => new Pillar
        {
            Code = pillar.Code,
            Title = pillar.Title,
            Order = i + 1,
            SubItems = pillar.SubItems.Select((s, j) => new SubItem { Code = s.Code, Text = s.Text, Order = j + 1 }).ToList(),
        }).ToList(),
    };

    private static readonly JsonSerializerOptions JsonOptions = new() { PropertyNameCaseInsensitive = true };

    private sealed record CatalogueFile([property: JsonPropertyName("frameworks")] List<FrameworkDto> Frameworks);

    private sealed record FrameworkDto(string Key, string Name, string NameEn, PreambleDto? Preamble, List<PillarDto> Pillars);

    private sealed record PreambleDto(string Code, string Title, string Text);

    private sealed record PillarDto(string Code, string Title, List<SubItemDto> SubItems);

    private sealed record SubItemDto(string Code, string Text);
}

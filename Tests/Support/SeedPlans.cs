using System.Text.Json;

using HighServiceDashboard.Tests.Support;

namespace HighServiceDashboard.Tests.Support;

/// <summary>
/// The four sample plans and expected.json: the repository's copy in Tests/Corpus/Seeds (so that a
/// clone tests them without ../shared), else ../shared/seeds beside the repository.
/// </summary>
public static class SeedPlans
{
    private static readonly Lazy<string?> Folder = new(FindFolder);

    public static string? SeedFolder => Folder.Value;

    public static string Path(string file) => System.IO.Path.Combine(SeedFolder ?? throw new InvalidOperationException("The seed folder is missing."), file);

    public static JsonElement Expected(string file)
    {
        using var json = JsonDocument.Parse(File.ReadAllText(Path("expected.json")));
        return json.RootElement.GetProperty("plans").EnumerateArray().First(p => p.GetProperty("file").GetString() == file).Clone();
    }

    private static string? FindFolder()
    {
        var inRepository = System.IO.Path.Combine(RepositoryPaths.Root, "Tests", "Corpus", "Seeds");
        var shared = System.IO.Path.Combine(RepositoryPaths.Shared, "seeds");
        return new[] { inRepository, shared }.FirstOrDefault(seeds => File.Exists(System.IO.Path.Combine(seeds, "expected.json")));
    }
}

/// <summary>A fact that needs ../shared/seeds; skipped, saying so, where that folder is absent.</summary>
public sealed class SeedFactAttribute : FactAttribute
{
    public SeedFactAttribute()
    {
        if (SeedPlans.SeedFolder is null)
        {
            Skip = "The sample plans (../shared/seeds beside the repository) are not on this machine.";
        }
    }
}

/// <summary>A theory that needs ../shared/seeds; skipped, saying so, where that folder is absent.</summary>
public sealed class SeedTheoryAttribute : TheoryAttribute
{
    public SeedTheoryAttribute()
    {
        if (SeedPlans.SeedFolder is null)
        {
            Skip = "The sample plans (../shared/seeds beside the repository) are not on this machine.";
        }
    }
}

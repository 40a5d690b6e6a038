namespace HighServiceDashboard.Tests.Support;

/// <summary>Where the repository and the shared domain folder beside it are, seen from the test binaries.</summary>
public static class RepositoryPaths
{
    public static string Root { get; } = FindRoot();

    /// <summary>../shared beside the checkout: the domain texts and the sample plans. Absent from a lone clone.</summary>
    public static string Shared => Path.GetFullPath(Path.Combine(Root, "..", "shared"));

    public static bool HasShared => Directory.Exists(Path.Combine(Shared, "domain"));

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "HighServiceDashboard.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("HighServiceDashboard.sln was not found above " + AppContext.BaseDirectory);
    }
}

/// <summary>A fact that needs ../shared; it is skipped, saying so, where the folder is absent.</summary>
public sealed class SharedFactAttribute : FactAttribute
{
    public SharedFactAttribute()
    {
        if (!RepositoryPaths.HasShared)
        {
            Skip = $"../shared is not beside this checkout ({RepositoryPaths.Shared}); CI provides it.";
        }
    }
}

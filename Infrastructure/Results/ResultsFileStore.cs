namespace HighServiceDashboard.Infrastructure.Results;

/// <summary>
/// Where the results' attachments are kept: <c>{Storage:DataFolder}/results/{results id}/{random}.{ext}</c>.
/// Names on disk are made here, never taken from the upload, so nothing uploaded picks its own path.
/// </summary>
public sealed class ResultsFileStore(string root)
{
    public string Root { get; } = Path.GetFullPath(root);

    public async Task<string> SaveAsync(int resultsId, string extension, byte[] content, CancellationToken ct = default)
    {
        var stored = $"{resultsId}/{Guid.NewGuid():N}{extension.ToLowerInvariant()}";
        var path = PathOf(stored);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        await File.WriteAllBytesAsync(path, content, ct);
        return stored;
    }

    /// <summary>The file's content, or null when it is gone from the disk.</summary>
    public Stream? Open(string storedName)
    {
        var path = PathOf(storedName);
        return File.Exists(path) ? File.OpenRead(path) : null;
    }

    public void Delete(string storedName)
    {
        var path = PathOf(storedName);
        if (File.Exists(path))
        {
            File.Delete(path);
        }
    }

    private string PathOf(string storedName)
    {
        var path = Path.GetFullPath(Path.Combine(Root, storedName));
        if (!path.StartsWith(Root + Path.DirectorySeparatorChar, StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"The stored name {storedName} leaves the results folder.");
        }

        return path;
    }
}

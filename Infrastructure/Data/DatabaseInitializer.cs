using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace HighServiceDashboard.Infrastructure.Data;

/// <summary>
/// Makes the configured database ready at start: creates the SQLite file's folder, applies the
/// migrations and seeds the reference data. A path that cannot be used ends in a
/// <see cref="DatabaseStartupException"/> that names it.
/// </summary>
public sealed class DatabaseInitializer(
    IDbContextFactory<AppDbContext> contextFactory,
    ReferenceDataSeeder seeder,
    ILogger<DatabaseInitializer> logger)
{
    public async Task InitializeAsync(CancellationToken ct = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(ct);
        var dataSource = SqliteDataSource(db);
        if (dataSource is not null)
        {
            PrepareFolder(dataSource);
        }

        try
        {
            await db.Database.MigrateAsync(ct);
            await seeder.SeedAsync(db, ct);
        }
        catch (SqliteException ex)
        {
            throw new DatabaseStartupException(
                $"The database at '{dataSource ?? db.Database.GetConnectionString()}' cannot be opened or written: {ex.Message}", ex);
        }

        logger.LogInformation("Database ready at {DataSource}", dataSource ?? "(configured server)");
    }

    private static string? SqliteDataSource(AppDbContext db)
    {
        if (!db.Database.IsSqlite())
        {
            return null;
        }

        var builder = new SqliteConnectionStringBuilder(db.Database.GetConnectionString());
        return builder.DataSource is "" or ":memory:" || builder.Mode == SqliteOpenMode.Memory
            ? null
            : Path.GetFullPath(builder.DataSource);
    }

    private static void PrepareFolder(string dataSource)
    {
        var folder = Path.GetDirectoryName(dataSource)!;
        try
        {
            Directory.CreateDirectory(folder);
            // Opening the file is not enough to learn that it is read-only: SQLite only fails at the first write.
            var probe = Path.Combine(folder, $".write-test-{Guid.NewGuid():N}");
            File.WriteAllText(probe, string.Empty);
            File.Delete(probe);
            if (File.Exists(dataSource) && new FileInfo(dataSource).IsReadOnly)
            {
                throw new UnauthorizedAccessException("the file is read-only");
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or NotSupportedException or ArgumentException)
        {
            throw new DatabaseStartupException(
                $"The database path '{dataSource}' cannot be used: {ex.Message}. Set ConnectionStrings:Default in appsettings.json to a writable location.", ex);
        }
    }
}

/// <summary>The configured database cannot be used; the message names the path and says why.</summary>
public sealed class DatabaseStartupException(string message, Exception inner) : Exception(message, inner);

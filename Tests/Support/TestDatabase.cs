using HighServiceDashboard.Domain.Calendar;
using HighServiceDashboard.Infrastructure.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace HighServiceDashboard.Tests.Support;

/// <summary>
/// A real SQLite database in a temporary file, migrated and seeded like a fresh install, deleted
/// when the test ends.
/// </summary>
public sealed class TestDatabase : IAsyncDisposable
{
    private TestDatabase(string folder)
    {
        Folder = folder;
        Path = System.IO.Path.Combine(folder, "test.db");
        ConnectionString = $"Data Source={Path};Pooling=False";
        Factory = FactoryFor(ConnectionString);
    }

    public string Folder { get; }

    public string Path { get; }

    public string ConnectionString { get; }

    public IDbContextFactory<AppDbContext> Factory { get; }

    /// <summary>The day tests run on unless they say otherwise: 2024-03-15 in Taipei, ROC year 113.</summary>
    public static DateTimeOffset DefaultNow { get; } = new(2024, 3, 15, 9, 0, 0, TimeSpan.FromHours(8));

    public FakeTimeProvider Clock { get; } = new(DefaultNow);

    public static async Task<TestDatabase> CreateAsync(bool initialize = true)
    {
        var folder = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "hsd-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        var db = new TestDatabase(folder);
        if (initialize)
        {
            await db.Initializer().InitializeAsync();
        }

        return db;
    }

    public DatabaseInitializer Initializer() =>
        new(Factory, new ReferenceDataSeeder(Clock), NullLogger<DatabaseInitializer>.Instance);

    public AppDbContext Open() => Factory.CreateDbContext();

    public static IDbContextFactory<AppDbContext> FactoryFor(string connectionString) =>
        new ContextFactory(new DbContextOptionsBuilder<AppDbContext>().UseSqlite(connectionString).Options);

    public ValueTask DisposeAsync()
    {
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open by a finished test is left to the temp folder's cleanup.
        }

        return ValueTask.CompletedTask;
    }

    private sealed class ContextFactory(DbContextOptions<AppDbContext> options) : IDbContextFactory<AppDbContext>
    {
        public AppDbContext CreateDbContext() => new(options);
    }
}

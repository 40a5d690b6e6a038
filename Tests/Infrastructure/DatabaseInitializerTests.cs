using HighServiceDashboard.Domain.Agencies;
using HighServiceDashboard.Infrastructure.Data;
using HighServiceDashboard.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace HighServiceDashboard.Tests.Infrastructure;

public class DatabaseInitializerTests
{
    [Fact]
    public async Task InitializeAsync_EmptyDatabase_AppliesEveryMigrationAndSeeds()
    {
        await using var database = await TestDatabase.CreateAsync(initialize: false);

        await database.Initializer().InitializeAsync();

        await using var db = database.Open();
        Assert.Empty(await db.Database.GetPendingMigrationsAsync());
        Assert.Equal(db.Database.GetMigrations(), await db.Database.GetAppliedMigrationsAsync());
        Assert.Equal(["leap", "refine"], await db.Frameworks.OrderBy(f => f.Key).Select(f => f.Key).ToListAsync());
        Assert.Equal(22, await db.SubItems.CountAsync(s => s.Pillar!.Framework!.Key == "leap"));
        Assert.Equal(24, await db.SubItems.CountAsync(s => s.Pillar!.Framework!.Key == "refine"));
        Assert.Equal(38, await db.Agencies.CountAsync(a => a.Kind == AgencyKind.DistrictOffice));
        // Years 105 to the year after the clock's (113 + 1), each tied to its default framework.
        Assert.Equal(Enumerable.Range(105, 10), await db.ProgrammeYears.OrderBy(y => y.RocYear).Select(y => y.RocYear).ToListAsync());
        Assert.Equal("refine", await db.ProgrammeYears.Where(y => y.RocYear == 105).Select(y => y.Framework!.Key).SingleAsync());
        Assert.Equal("leap", await db.ProgrammeYears.Where(y => y.RocYear == 113).Select(y => y.Framework!.Key).SingleAsync());
    }

    [Fact]
    public async Task InitializeAsync_SecondStart_ChangesNothing()
    {
        await using var database = await TestDatabase.CreateAsync();
        var before = await SnapshotAsync(database);

        await database.Initializer().InitializeAsync();

        Assert.Equal(before, await SnapshotAsync(database));
    }

    [Fact]
    public async Task InitializeAsync_KeepsWhatTheCommissionEdited()
    {
        await using var database = await TestDatabase.CreateAsync();
        await using (var db = database.Open())
        {
            var finance = await db.Agencies.SingleAsync(a => a.Name == "高雄市政府財政局");
            finance.Name = "高雄市政府財政局（更名）";
            var year = await db.ProgrammeYears.SingleAsync(y => y.RocYear == 108);
            year.FrameworkId = await db.Frameworks.Where(f => f.Key == "refine").Select(f => f.Id).SingleAsync();
            await db.SaveChangesAsync();
        }

        await database.Initializer().InitializeAsync();

        await using var check = database.Open();
        Assert.True(await check.Agencies.AnyAsync(a => a.Name == "高雄市政府財政局（更名）"));
        Assert.False(await check.Agencies.AnyAsync(a => a.Name == "高雄市政府財政局"));
        Assert.Equal("refine", await check.ProgrammeYears.Where(y => y.RocYear == 108).Select(y => y.Framework!.Key).SingleAsync());
    }

    [Fact]
    public async Task InitializeAsync_UnwritablePath_FailsNamingThePath()
    {
        await using var database = await TestDatabase.CreateAsync(initialize: false);
        var blocker = Path.Combine(database.Folder, "not-a-folder");
        await File.WriteAllTextAsync(blocker, "a file where a folder should be");
        var path = Path.Combine(blocker, "app.db");
        var factory = TestDatabase.FactoryFor($"Data Source={path}");
        var initializer = new DatabaseInitializer(factory, new ReferenceDataSeeder(database.Clock), Microsoft.Extensions.Logging.Abstractions.NullLogger<DatabaseInitializer>.Instance);

        var error = await Assert.ThrowsAsync<DatabaseStartupException>(() => initializer.InitializeAsync());

        Assert.Contains(path, error.Message);
    }

    private static async Task<string> SnapshotAsync(TestDatabase database)
    {
        await using var db = database.Open();
        var agencies = await db.Agencies.OrderBy(a => a.Id).Select(a => $"{a.Id}:{a.Name}:{a.ParentId}:{a.Level}").ToListAsync();
        var units = await db.Units.OrderBy(u => u.Id).Select(u => $"{u.Id}:{u.AgencyId}:{u.Name}").ToListAsync();
        var subItems = await db.SubItems.OrderBy(s => s.Id).Select(s => $"{s.Id}:{s.Code}:{s.Text}").ToListAsync();
        var years = await db.ProgrammeYears.OrderBy(y => y.RocYear).Select(y => $"{y.RocYear}:{y.FrameworkId}").ToListAsync();
        return string.Join("\n", agencies.Concat(units).Concat(subItems).Concat(years));
    }
}

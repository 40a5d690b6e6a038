using HighServiceDashboard.Domain.Agencies;
using HighServiceDashboard.Domain.Calendar;
using HighServiceDashboard.Domain.Frameworks;
using HighServiceDashboard.Domain.PhoneTests;
using HighServiceDashboard.Domain.Programme;
using Microsoft.EntityFrameworkCore;

namespace HighServiceDashboard.Infrastructure.Data;

/// <summary>
/// Puts the shipped reference data into the database: frameworks, the agency tree and the
/// programme years, the list of phone-test faults. Runs at every start and only adds what is missing, so a second start changes
/// nothing and nothing the commission edited is overwritten.
/// </summary>
public sealed class ReferenceDataSeeder(TimeProvider clock)
{
    public async Task SeedAsync(AppDbContext db, CancellationToken ct = default)
    {
        await SeedFrameworksAsync(db, ct);
        await SeedAgenciesAsync(db, ct);
        await SeedProgrammeYearsAsync(db, ct);
        await SeedPhoneFaultsAsync(db, ct);
    }

    // Rubrics are not seeded here: one per year and round is made from DefaultRubric the first time
    // that year and round is used (PhoneRubricService), so a year added later, or a round nobody
    // runs, needs no row until then and the commission's edits of one round never touch another.
    private static async Task SeedPhoneFaultsAsync(AppDbContext db, CancellationToken ct)
    {
        var existing = (await db.PhoneFaults.Select(f => f.Code).ToListAsync(ct)).ToHashSet();
        foreach (var fault in DefaultFaults.All().Where(f => !existing.Contains(f.Code)))
        {
            db.PhoneFaults.Add(fault);
        }

        await db.SaveChangesAsync(ct);
    }

    private static async Task SeedFrameworksAsync(AppDbContext db, CancellationToken ct)
    {
        var existing = await db.Frameworks.Select(f => f.Key).ToListAsync(ct);
        foreach (var framework in FrameworkCatalogue.Load(OpenCatalogue()).Where(f => !existing.Contains(f.Key)))
        {
            db.Frameworks.Add(framework);
        }

        await db.SaveChangesAsync(ct);
    }

    // A fresh copy each time: the catalogue's shared instances must not be tracked by a context.
    private static Stream OpenCatalogue() =>
        typeof(FrameworkCatalogue).Assembly.GetManifestResourceStream("HighServiceDashboard.Domain.Data.frameworks.json")!;

    private static async Task SeedAgenciesAsync(AppDbContext db, CancellationToken ct)
    {
        if (await db.Agencies.AnyAsync(ct))
        {
            return;
        }

        db.Agencies.Add(AgencySeed.LoadEmbedded());
        await db.SaveChangesAsync(ct);
    }

    private async Task SeedProgrammeYearsAsync(AppDbContext db, CancellationToken ct)
    {
        var frameworks = await db.Frameworks.ToDictionaryAsync(f => f.Key, f => f.Id, ct);
        var existing = (await db.ProgrammeYears.Select(y => y.RocYear).ToListAsync(ct)).ToHashSet();
        var lastYear = clock.CurrentRocYear() + 1;
        for (var year = ProgrammeYear.FirstRocYear; year <= lastYear; year++)
        {
            if (!existing.Contains(year))
            {
                db.ProgrammeYears.Add(new ProgrammeYear { RocYear = year, FrameworkId = frameworks[ProgrammeYear.DefaultFrameworkKey(year)] });
            }
        }

        await db.SaveChangesAsync(ct);
    }
}

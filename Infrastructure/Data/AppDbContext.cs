using HighServiceDashboard.Domain.Agencies;
using HighServiceDashboard.Domain.Frameworks;
using HighServiceDashboard.Domain.Programme;
using Microsoft.EntityFrameworkCore;

namespace HighServiceDashboard.Infrastructure.Data;

/// <summary>The application database: reference data, plans, the schedule's state and everything people record.</summary>
public class AppDbContext(DbContextOptions<AppDbContext> options) : DbContext(options)
{
    public DbSet<Framework> Frameworks => Set<Framework>();

    public DbSet<Pillar> Pillars => Set<Pillar>();

    public DbSet<SubItem> SubItems => Set<SubItem>();

    public DbSet<ProgrammeYear> ProgrammeYears => Set<ProgrammeYear>();

    public DbSet<Agency> Agencies => Set<Agency>();

    public DbSet<Unit> Units => Set<Unit>();

    protected override void OnModelCreating(ModelBuilder modelBuilder) =>
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(AppDbContext).Assembly);
}

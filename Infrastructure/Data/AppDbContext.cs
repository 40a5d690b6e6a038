using HighServiceDashboard.Domain.Agencies;
using HighServiceDashboard.Domain.Frameworks;
using HighServiceDashboard.Domain.PhoneTests;
using HighServiceDashboard.Domain.Plans;
using HighServiceDashboard.Domain.Programme;
using HighServiceDashboard.Domain.Results;
using HighServiceDashboard.Domain.Schedule;
using HighServiceDashboard.Domain.Audit;
using HighServiceDashboard.Infrastructure.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace HighServiceDashboard.Infrastructure.Data;

/// <summary>The application database: reference data, plans, the schedule's state and everything people record.</summary>
public class AppDbContext(DbContextOptions<AppDbContext> options) : IdentityUserContext<AppUser>(options)
{
    public DbSet<Framework> Frameworks => Set<Framework>();

    public DbSet<Pillar> Pillars => Set<Pillar>();

    public DbSet<SubItem> SubItems => Set<SubItem>();

    public DbSet<ProgrammeYear> ProgrammeYears => Set<ProgrammeYear>();

    public DbSet<Agency> Agencies => Set<Agency>();

    public DbSet<Unit> Units => Set<Unit>();

    public DbSet<Plan> Plans => Set<Plan>();

    public DbSet<FocusPoint> FocusPoints => Set<FocusPoint>();

    public DbSet<NotApplicableItem> NotApplicableItems => Set<NotApplicableItem>();

    public DbSet<PlanSource> PlanSources => Set<PlanSource>();

    /// <summary>
    /// SQLite stores DateTimeOffset as text that does not sort by instant; store UTC ticks instead so
    /// that ordering and range queries are right.
    /// </summary>
    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        if (Database.IsSqlite())
        {
            configurationBuilder.Properties<DateTimeOffset>().HaveConversion<Microsoft.EntityFrameworkCore.Storage.ValueConversion.DateTimeOffsetToBinaryConverter>();
        }
    }
    public DbSet<Milestone> Milestones => Set<Milestone>();

    public DbSet<Obligation> Obligations => Set<Obligation>();

    public DbSet<Alert> Alerts => Set<Alert>();

    public DbSet<AlertDelivery> AlertDeliveries => Set<AlertDelivery>();

    public DbSet<AlertRead> AlertReads => Set<AlertRead>();

    public DbSet<AgencyContact> AgencyContacts => Set<AgencyContact>();

    public DbSet<CalendarFeed> CalendarFeeds => Set<CalendarFeed>();

    public DbSet<PhoneRubric> PhoneRubrics => Set<PhoneRubric>();

    public DbSet<RubricItem> RubricItems => Set<RubricItem>();

    public DbSet<PhoneFault> PhoneFaults => Set<PhoneFault>();

    public DbSet<PhoneTest> PhoneTests => Set<PhoneTest>();

    public DbSet<PhoneTestScore> PhoneTestScores => Set<PhoneTestScore>();

    public DbSet<PhoneFollowUp> PhoneFollowUps => Set<PhoneFollowUp>();

    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();

    public DbSet<AnnualResults> AnnualResults => Set<AnnualResults>();

    public DbSet<ResultItem> ResultItems => Set<ResultItem>();

    public DbSet<ResultsAttachment> ResultsAttachments => Set<ResultsAttachment>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(AppDbContext).Assembly);
    }
}

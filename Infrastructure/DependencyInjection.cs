using FluentValidation;
using Hangfire;
using Hangfire.AspNetCore;
using Hangfire.InMemory;
using Hangfire.Storage.SQLite;
using HighServiceDashboard.Domain.Agencies;
using HighServiceDashboard.Domain.PhoneTests;
using HighServiceDashboard.Domain.Plans;
using HighServiceDashboard.Infrastructure.Agencies;
using HighServiceDashboard.Infrastructure.Audit;
using HighServiceDashboard.Infrastructure.Identity;
using HighServiceDashboard.Infrastructure.Coverage;
using HighServiceDashboard.Infrastructure.Data;
using HighServiceDashboard.Infrastructure.Documents;
using HighServiceDashboard.Infrastructure.Plans;
using HighServiceDashboard.Infrastructure.Jobs;
using HighServiceDashboard.Infrastructure.Mail;
using HighServiceDashboard.Infrastructure.PhoneTests;
using HighServiceDashboard.Infrastructure.Programme;
using HighServiceDashboard.Infrastructure.Results;
using HighServiceDashboard.Infrastructure.Schedule;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace HighServiceDashboard.Infrastructure;

public static class DependencyInjection
{
    /// <summary>The database, the reference data and the services over them.</summary>
    public static IHostApplicationBuilder AddInfrastructure(this IHostApplicationBuilder builder)
    {
        var connectionString = builder.Configuration.GetConnectionString("Default")
            ?? throw new InvalidOperationException("ConnectionStrings:Default is missing from appsettings.json.");

        builder.Services.TryAddTimeProvider();
        builder.Services.AddSingleton<AuditActor>();
        builder.Services.AddSingleton<AuditInterceptor>();
        builder.Services.AddDbContextFactory<AppDbContext>((sp, options) => options
            .UseSqlite(connectionString, sqlite => sqlite.UseQuerySplittingBehavior(QuerySplittingBehavior.SplitQuery))
            .AddInterceptors(sp.GetRequiredService<AuditInterceptor>()));
        builder.AddAccounts();
        builder.Services.AddSingleton<ReferenceDataSeeder>();
        builder.Services.AddSingleton<DatabaseInitializer>();
        // The whole-plan validator depends on the year's framework, a test's on its rubric: both are built where they are used.
        builder.Services.AddValidatorsFromAssemblyContaining<NewAgencyInputValidator>(
            ServiceLifetime.Singleton, filter: scan => scan.ValidatorType != typeof(PlanContentInputValidator) && scan.ValidatorType != typeof(PhoneTestInputValidator));
        builder.Services.AddSingleton<AgencyDirectory>();
        builder.Services.AddSingleton<AgencyAdminService>();
        builder.Services.AddSingleton<ProgrammeService>();
        builder.Services.AddSingleton<WorkSummaryQueries>();
        builder.Services.AddSingleton(new PlanDocumentLoader(builder.Configuration.GetSection("PlanDocuments").Get<PlanLoadOptions>()));
        builder.Services.AddSingleton<PlanService>();
        builder.Services.AddSingleton<PlanQueries>();
        builder.Services.AddSingleton<PlanImportService>();
        builder.Services.AddSingleton<CoverageService>();
        builder.Services.AddHealthChecks().AddDbContextCheck<AppDbContext>("database");
        builder.AddSchedule();
        builder.Services.Configure<PhoneTestOptions>(builder.Configuration.GetSection(PhoneTestOptions.Section));
        builder.Services.AddSingleton<PhoneRubricService>();
        builder.Services.AddSingleton<PhoneTestService>();
        builder.Services.AddSingleton<PhoneTestQueries>();
        builder.Services.Configure<ResultsOptions>(builder.Configuration.GetSection(ResultsOptions.Section));
        builder.Services.AddSingleton(new ResultsFileStore(Path.Combine(builder.Configuration["Storage:DataFolder"] ?? "data", "results")));
        builder.Services.AddSingleton<ResultsService>();
        builder.Services.AddSingleton<ResultsQueries>();
        builder.Services.AddSingleton<ResultsExport>();

        return builder;
    }

    /// <summary>
    /// The schedule, obligations and alerts, the mail that carries them, and the daily job. The
    /// command line uses this without Hangfire (<see cref="AddJobs"/> is the web app's).
    /// </summary>
    private static void AddSchedule(this IHostApplicationBuilder builder)
    {
        builder.Services.Configure<ScheduleOptions>(builder.Configuration.GetSection(ScheduleOptions.Section));
        builder.Services.Configure<MailOptions>(builder.Configuration.GetSection(MailOptions.Section));
        builder.Services.AddSingleton<ScheduleService>();
        builder.Services.AddSingleton<ObligationService>();
        builder.Services.AddSingleton<ObligationQueries>();
        builder.Services.AddSingleton<ContactBook>();
        builder.Services.AddSingleton<AlertEvaluator>();
        builder.Services.AddSingleton<AlertDeliveryService>();
        builder.Services.AddSingleton<AlertService>();
        builder.Services.AddSingleton<AlertNotifier>();
        builder.Services.AddSingleton<CalendarFeedService>();
        builder.Services.AddSingleton<AlertMailComposer>();
        builder.Services.AddSingleton<IMailSender>(sp =>
        {
            var mail = sp.GetRequiredService<IOptions<MailOptions>>();
            if (!string.IsNullOrWhiteSpace(mail.Value.Smtp.Host))
            {
                return new SmtpMailSender(mail);
            }

            var dataFolder = builder.Configuration["Storage:DataFolder"] ?? "data";
            return new FolderMailSender(Path.GetFullPath(Path.Combine(dataFolder, "mail")));
        });
        builder.Services.AddTransient<DailyScheduleJob>();
    }

    /// <summary>
    /// Hangfire with its server, unless <c>Jobs:Enabled</c> is false (the tests that do not need
    /// jobs: Hangfire keeps static state that hosts started side by side would share). The job
    /// storage is SQLite in its own file (<c>Jobs:SqlitePath</c>, by default
    /// <c>{Storage:DataFolder}/hangfire.db</c>), so recurring-job state, retries and history survive
    /// a restart; <c>Jobs:Storage</c> = <c>InMemory</c> keeps them in memory, for tests that want
    /// isolation. The storage is this host's own instance, made after Hangfire's configuration
    /// points its static log provider at this host.
    /// </summary>
    public static IHostApplicationBuilder AddJobs(this IHostApplicationBuilder builder)
    {
        if (!builder.Configuration.GetValue("Jobs:Enabled", true))
        {
            return builder;
        }

        var inMemory = string.Equals(builder.Configuration["Jobs:Storage"], "InMemory", StringComparison.OrdinalIgnoreCase);
        var sqlitePath = JobStoragePath(builder.Configuration);
        builder.Services.AddSingleton<JobStorage>(sp =>
        {
            sp.GetRequiredService<IGlobalConfiguration>();
            if (inMemory)
            {
                return new InMemoryStorage();
            }

            Directory.CreateDirectory(Path.GetDirectoryName(sqlitePath)!);
            // Polled every 2 s rather than 15: a run triggered from the dashboard starts at once, at the cost of a tiny query.
            return new SQLiteStorage(sqlitePath, new SQLiteStorageOptions { QueuePollInterval = TimeSpan.FromSeconds(2) });
        });
        builder.Services.AddHangfire(config => config
            .SetDataCompatibilityLevel(CompatibilityLevel.Version_180)
            .UseSimpleAssemblyNameTypeSerializer()
            .UseRecommendedSerializerSettings());
        builder.Services.AddHangfireServer((sp, options) =>
        {
            options.Activator = new AspNetCoreJobActivator(sp.GetRequiredService<IServiceScopeFactory>());
            options.WorkerCount = 2;
        });
        builder.Services.AddSingleton<RecurringJobs>();
        return builder;
    }

    /// <summary>Where the SQLite job storage lives: <c>Jobs:SqlitePath</c>, else hangfire.db in the data folder.</summary>
    public static string JobStoragePath(IConfiguration configuration) =>
        Path.GetFullPath(configuration["Jobs:SqlitePath"] is { Length: > 0 } path
            ? path
            : Path.Combine(configuration["Storage:DataFolder"] ?? "data", "hangfire.db"));

    /// <summary>
    /// ASP.NET Core Identity on the application database: accounts made by the administrators,
    /// passwords of at least 10 characters with a digit and both cases, lockout for 15 minutes
    /// after 5 failures. The web app adds the sign-in cookie on top (the command line needs none).
    /// </summary>
    private static void AddAccounts(this IHostApplicationBuilder builder)
    {
        builder.Services.AddIdentityCore<AppUser>(options =>
            {
                options.Password.RequiredLength = 10;
                options.Password.RequireDigit = true;
                options.Password.RequireLowercase = true;
                options.Password.RequireUppercase = true;
                options.Password.RequireNonAlphanumeric = false;
                options.Lockout.MaxFailedAccessAttempts = 5;
                options.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                options.Lockout.AllowedForNewUsers = true;
                options.User.RequireUniqueEmail = true;
                options.User.AllowedUserNameCharacters = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789._-@";
            })
            .AddEntityFrameworkStores<AppDbContext>()
            .AddClaimsPrincipalFactory<AppClaimsFactory>();
        builder.Services.AddSingleton<AccountService>();
        builder.Services.AddSingleton<SignInGate>();
        builder.Services.AddSingleton<DemoAccounts>();
        builder.Services.AddSingleton<AccessService>();
        builder.Services.AddSingleton<AuditQueries>();
    }

    private static void TryAddTimeProvider(this IServiceCollection services)
    {
        if (services.All(s => s.ServiceType != typeof(TimeProvider)))
        {
            services.AddSingleton(TimeProvider.System);
        }
    }
}

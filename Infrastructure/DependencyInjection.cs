using FluentValidation;
using HighServiceDashboard.Domain.Agencies;
using HighServiceDashboard.Domain.Plans;
using HighServiceDashboard.Infrastructure.Agencies;
using HighServiceDashboard.Infrastructure.Data;
using HighServiceDashboard.Infrastructure.Documents;
using HighServiceDashboard.Infrastructure.Plans;
using HighServiceDashboard.Infrastructure.Programme;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace HighServiceDashboard.Infrastructure;

public static class DependencyInjection
{
    /// <summary>The database, the reference data and the services over them.</summary>
    public static IHostApplicationBuilder AddInfrastructure(this IHostApplicationBuilder builder)
    {
        var connectionString = builder.Configuration.GetConnectionString("Default")
            ?? throw new InvalidOperationException("ConnectionStrings:Default is missing from appsettings.json.");

        builder.Services.TryAddTimeProvider();
        builder.Services.AddDbContextFactory<AppDbContext>(options => options.UseSqlite(connectionString, sqlite => sqlite.UseQuerySplittingBehavior(QuerySplittingBehavior.SplitQuery)));
        builder.Services.AddSingleton<ReferenceDataSeeder>();
        builder.Services.AddSingleton<DatabaseInitializer>();
        // The whole-plan validator depends on the year's framework and is built where it is used.
        builder.Services.AddValidatorsFromAssemblyContaining<NewAgencyInputValidator>(
            ServiceLifetime.Singleton, filter: scan => scan.ValidatorType != typeof(PlanContentInputValidator));
        builder.Services.AddSingleton<AgencyDirectory>();
        builder.Services.AddSingleton<AgencyAdminService>();
        builder.Services.AddSingleton<ProgrammeService>();
        builder.Services.AddSingleton(new PlanDocumentLoader());
        builder.Services.AddSingleton<PlanService>();
        builder.Services.AddSingleton<PlanQueries>();
        builder.Services.AddSingleton<PlanImportService>();
        builder.Services.AddHealthChecks().AddDbContextCheck<AppDbContext>("database");

        return builder;
    }

    private static void TryAddTimeProvider(this IServiceCollection services)
    {
        if (services.All(s => s.ServiceType != typeof(TimeProvider)))
        {
            services.AddSingleton(TimeProvider.System);
        }
    }
}

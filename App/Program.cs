using HighServiceDashboard.App;
using HighServiceDashboard.App.Cli;
using HighServiceDashboard.App.Hosting;
using HighServiceDashboard.Infrastructure;
using HighServiceDashboard.Infrastructure.Data;
using HighServiceDashboard.Infrastructure.Identity;
using HighServiceDashboard.Infrastructure.Jobs;

if (CommandLine.IsCommand(args))
{
    return await CommandLine.RunAsync(args);
}

// The content root is where the app's files are, not wherever it was started from.
var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
builder.UseRootSettings();
// Run from the build output (dotnet run) in any environment, static assets of packages (MudBlazor,
// the Blazor script) come from the build's manifest; a published app has no manifest and is unaffected.
builder.WebHost.UseStaticWebAssets();
builder.AddInfrastructure();
builder.AddJobs();
builder.AddDashboard();

var app = builder.Build();

try
{
    await app.Services.GetRequiredService<DatabaseInitializer>().InitializeAsync();
    if (app.Environment.IsDevelopment() || app.Configuration.GetValue<bool>("Accounts:SeedDemoAccounts"))
    {
        // The README's demo accounts, one per role; never in Production (there: create-admin).
        await app.Services.GetRequiredService<DemoAccounts>().SeedAsync();
    }
}
catch (DatabaseStartupException ex)
{
    await Console.Error.WriteLineAsync(ex.Message);
    return 1;
}

app.Services.GetService<RecurringJobs>()?.Register();
app.UseDashboard();
await app.RunAsync();
return 0;

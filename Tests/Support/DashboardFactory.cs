using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;

namespace HighServiceDashboard.Tests.Support;

/// <summary>
/// The dashboard started in-process on its own temporary SQLite file, with a fake clock. With
/// <see cref="StartKestrel"/> it listens on a real loopback port, for the browser tests.
/// </summary>
public class DashboardFactory : WebApplicationFactory<Program>
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "hsd-tests", Guid.NewGuid().ToString("N"));

    public FakeTimeProvider Clock { get; } = new(TestDatabase.DefaultNow);

    public string DataFolder => _folder;

    /// <summary>
    /// Whether this host has Hangfire (its server, the recurring jobs, the dashboard). Off by
    /// default: Hangfire keeps static state, so only the tests of the non-parallel "hangfire"
    /// collection turn it on.
    /// </summary>
    public bool WithJobs { get; init; }

    public string ConnectionString => $"Data Source={Path.Combine(_folder, "dashboard.db")};Pooling=False";

    /// <summary>Serve over Kestrel on 127.0.0.1 and a free port; read <see cref="ServerAddress"/> afterwards.</summary>
    public string StartKestrel()
    {
        UseKestrel(0);
        StartServer();
        return ServerAddress;
    }

    public string ServerAddress => ClientOptions.BaseAddress.ToString().TrimEnd('/');

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        Directory.CreateDirectory(_folder);
        builder.UseEnvironment("Testing");
        builder.UseSetting("ConnectionStrings:Default", ConnectionString);
        builder.UseSetting("Storage:DataFolder", _folder);
        builder.UseSetting("Jobs:Enabled", WithJobs ? "true" : "false");
        builder.ConfigureServices(services =>
        {
            services.RemoveAll<TimeProvider>();
            services.AddSingleton<TimeProvider>(Clock);
        });
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
        }

        GC.SuppressFinalize(this);
    }
}

using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using HighServiceDashboard.Infrastructure.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
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
    private readonly string _folder;

    /// <summary>A host on a new temporary folder, deleted when it is disposed.</summary>
    public DashboardFactory()
        : this(Path.Combine(Path.GetTempPath(), "hsd-tests", Guid.NewGuid().ToString("N")))
    {
    }

    /// <summary>
    /// A host on the given data folder (the database and hangfire.db in it), for tests that stop
    /// one host and start another on the same files; the last one disposed deletes the folder
    /// unless <see cref="KeepFolder"/>.
    /// </summary>
    public DashboardFactory(string folder) => _folder = folder;

    /// <summary>Leave the data folder behind at disposal, for the next host of a restart test.</summary>
    public bool KeepFolder { get; init; }

    /// <summary>Overrides <c>Jobs:Storage</c> (SQLite in the data folder by default).</summary>
    public string? JobStorageKind { get; init; }

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

    /// <summary>
    /// The server's address by the name localhost: browsers keep the Secure sign-in cookie over
    /// plain http for localhost only.
    /// </summary>
    public string ServerAddress => ClientOptions.BaseAddress.ToString().TrimEnd('/').Replace("//127.0.0.1:", "//localhost:", StringComparison.Ordinal);

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        Directory.CreateDirectory(_folder);
        builder.UseEnvironment("Testing");
        builder.UseSetting("ConnectionStrings:Default", ConnectionString);
        builder.UseSetting("Storage:DataFolder", _folder);
        builder.UseSetting("Jobs:Enabled", WithJobs ? "true" : "false");
        if (JobStorageKind is not null)
        {
            builder.UseSetting("Jobs:Storage", JobStorageKind);
        }
        // The README's demo accounts, one per role: the tests sign in as them.
        builder.UseSetting("Accounts:SeedDemoAccounts", "true");
        builder.ConfigureServices(services =>
        {
            services.RemoveAll<TimeProvider>();
            services.AddSingleton<TimeProvider>(Clock);
        });
    }

    /// <summary>The id of the seeded agency of that name.</summary>
    public async Task<int> AgencyIdAsync(string name)
    {
        await using var db = await Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        return await db.Agencies.Where(a => a.Name == name).Select(a => a.Id).SingleAsync();
    }

    /// <summary>
    /// An HTTP client signed in as a demo account through the real sign-in form (antiforgery token
    /// and all), keeping the cookie; redirects are not followed, so a test sees 302, 403 and 404.
    /// The address is https: the sign-in cookie is Secure.
    /// </summary>
    public async Task<HttpClient> SignedInClientAsync(string? userName, string password = HighServiceDashboard.Infrastructure.Identity.DemoAccounts.Password)
    {
        var client = CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, BaseAddress = new Uri("https://localhost") });
        if (userName is null)
        {
            return client;
        }

        var response = await SignInAsync(client, userName, password);
        if (response.StatusCode != System.Net.HttpStatusCode.Redirect || response.Headers.Location?.OriginalString.Contains("/account/login", StringComparison.Ordinal) == true)
        {
            throw new InvalidOperationException($"Signing in as {userName} failed: {(int)response.StatusCode} {response.Headers.Location}");
        }

        return client;
    }

    /// <summary>Posts the sign-in form as the browser would: with the antiforgery token of the form it was given.</summary>
    public static async Task<HttpResponseMessage> SignInAsync(HttpClient client, string userName, string password)
    {
        var token = await AntiforgeryTokenAsync(client);
        return await client.PostAsync("/account/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token,
            ["userName"] = userName,
            ["password"] = password,
            ["returnUrl"] = "/",
        }));
    }

    /// <summary>The antiforgery token of the sign-in form the server hands this client.</summary>
    public static async Task<string> AntiforgeryTokenAsync(HttpClient client)
    {
        var form = await client.GetStringAsync("/account/login");
        var input = System.Text.RegularExpressions.Regex.Match(form, "<input[^>]*name=\"__RequestVerificationToken\"[^>]*>").Value;
        var token = System.Text.RegularExpressions.Regex.Match(input, "value=\"([^\"]+)\"").Groups[1].Value;
        return token.Length > 0 ? token : throw new InvalidOperationException("The sign-in form has no antiforgery token.");
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        SqliteConnection.ClearAllPools();
        if (KeepFolder)
        {
            GC.SuppressFinalize(this);
            return;
        }

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

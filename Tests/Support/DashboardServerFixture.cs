using System.Text.RegularExpressions;
using HighServiceDashboard.App.Components;
using HighServiceDashboard.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace HighServiceDashboard.Tests.Support;

/// <summary>
/// One dashboard on Kestrel for a whole test class (starting one per test would cost more than the
/// checks): the browser tests that only read share it.
/// </summary>
public sealed partial class DashboardServerFixture : IAsyncLifetime
{
    private readonly DashboardFactory _factory = new();

    public string BaseUrl { get; private set; } = "";

    public Task InitializeAsync()
    {
        BaseUrl = _factory.StartKestrel();
        return Task.CompletedTask;
    }

    /// <summary>The catalogue's sample address with each <c>{agency:NAME}</c> replaced by that seeded agency's id.</summary>
    public async Task<string> ResolveAsync(PageEntry page)
    {
        var path = page.SamplePath;
        foreach (Match token in AgencyToken().Matches(page.SamplePath))
        {
            var name = token.Groups["name"].Value;
            await using var db = await _factory.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
            var id = await db.Agencies.Where(a => a.Name == name).Select(a => (int?)a.Id).SingleOrDefaultAsync()
                ?? throw new InvalidOperationException($"PageCatalog's sample for {page.Template} names agency '{name}', which is not seeded.");
            path = path.Replace(token.Value, id.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
        }

        return path;
    }

    public async Task DisposeAsync() => await _factory.DisposeAsync();

    [GeneratedRegex(@"\{agency:(?<name>[^}]+)\}")]
    private static partial Regex AgencyToken();
}

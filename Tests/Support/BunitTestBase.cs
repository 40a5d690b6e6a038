using Bunit;
using HighServiceDashboard.App;
using HighServiceDashboard.App.State;
using System.Globalization;
using System.Security.Claims;
using HighServiceDashboard.Domain.Access;
using HighServiceDashboard.Infrastructure.Data;
using HighServiceDashboard.Infrastructure.Identity;
using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor.Services;

namespace HighServiceDashboard.Tests.Support;

/// <summary>
/// A bunit context with loose JS interop, MudBlazor's services, the UI strings and a real SQLite
/// database behind the app's services. Tests render a <c>MudPopoverProvider</c> when they open menus.
/// </summary>
public abstract class BunitTestBase : IAsyncLifetime
{
    protected BunitContext Context { get; } = new();

    protected TestDatabase Database { get; private set; } = default!;

    protected YearState Year { get; } = new();

    private Bunit.TestDoubles.BunitAuthorizationContext? _auth;

    public virtual async Task InitializeAsync()
    {
        Database = await TestDatabase.CreateAsync();
        Context.JSInterop.Mode = JSRuntimeMode.Loose;
        Context.Services.AddMudServices();
        Context.Services.AddLocalization(options => options.ResourcesPath = "Resources");
        Context.Services.AddSingleton(Database.Factory);
        Context.Services.AddSingleton<TimeProvider>(Database.Clock);
        Context.Services.AddSingleton(Year);
        Context.Services.AddLogging();
        Context.Services.AddSingleton(new AccessService(Database.Factory));
        Context.Services.AddScoped<CurrentUser>();
        Context.Services.AddScoped<PageAccess>();
        await SignInAsync(AccountService.CommissionAgencyName, Role.CommissionAdmin);
        RegisterServices(Context.Services);
        Context.SetRendererInfo(new RendererInfo("Server", true));
        Year.Set(113);
    }

    /// <summary>
    /// Who the rendered components see as signed in (an administrator of the commission unless a
    /// test says otherwise, before it renders).
    /// </summary>
    protected async Task SignInAsync(string agencyName, Role role, string userName = "admin", string? unitName = null)
    {
        await using var db = Database.Open();
        var agency = await db.Agencies.Where(a => a.Name == agencyName).Select(a => a.Id).SingleAsync();
        var unit = unitName is null ? null : await db.Units.Where(u => u.AgencyId == agency && u.Name == unitName).Select(u => (int?)u.Id).SingleAsync();
        // Registered once; a later call (before the test renders) changes who is signed in.
        var auth = _auth ??= Context.AddAuthorization();
        auth.SetAuthorized(userName);
        auth.SetRoles(role.ToString());
        var claims = new List<Claim> { new(AccessClaims.Agency, agency.ToString(CultureInfo.InvariantCulture)), new(AccessClaims.DisplayName, userName) };
        if (unit is { } u)
        {
            claims.Add(new(AccessClaims.Unit, u.ToString(CultureInfo.InvariantCulture)));
        }

        auth.SetClaims([.. claims]);
    }

    /// <summary>The app's services the component under test needs, over <see cref="Database"/>.</summary>
    protected virtual void RegisterServices(IServiceCollection services)
    {
    }

    public async Task DisposeAsync()
    {
        await Context.DisposeAsync();
        await Database.DisposeAsync();
    }
}

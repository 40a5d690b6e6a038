using Bunit;
using HighServiceDashboard.App;
using HighServiceDashboard.App.State;
using HighServiceDashboard.Infrastructure.Data;
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

    public virtual async Task InitializeAsync()
    {
        Database = await TestDatabase.CreateAsync();
        Context.JSInterop.Mode = JSRuntimeMode.Loose;
        Context.Services.AddMudServices();
        Context.Services.AddLocalization(options => options.ResourcesPath = "Resources");
        Context.Services.AddSingleton(Database.Factory);
        Context.Services.AddSingleton<TimeProvider>(Database.Clock);
        Context.Services.AddSingleton(Year);
        RegisterServices(Context.Services);
        Context.SetRendererInfo(new RendererInfo("Server", true));
        Year.Set(113);
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

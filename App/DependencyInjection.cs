using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using HighServiceDashboard.App.Components;
using HighServiceDashboard.App.Endpoints;
using HighServiceDashboard.App.State;
using MudBlazor.Services;

namespace HighServiceDashboard.App;

public static class DependencyInjection
{
    /// <summary>The Blazor app: components, MudBlazor, the UI's languages and the per-circuit state.</summary>
    public static IHostApplicationBuilder AddDashboard(this IHostApplicationBuilder builder)
    {
        builder.Services.AddRazorComponents().AddInteractiveServerComponents();
        builder.Services.AddMudServices();
        // Chinese text is written as it is, not as &#x...; entities: pages half the size and readable source.
        builder.Services.AddSingleton(HtmlEncoder.Create(UnicodeRanges.All));
        builder.Services.AddLocalization(options => options.ResourcesPath = "Resources");
        builder.Services.AddScoped<YearState>();
        builder.Services.AddScoped<CurrentUser>();
        return builder;
    }

    /// <summary>The request pipeline and the endpoints.</summary>
    public static WebApplication UseDashboard(this WebApplication app)
    {
        if (!app.Environment.IsDevelopment())
        {
            app.UseExceptionHandler("/Error", createScopeForErrors: true);
            app.UseHsts();
        }

        var cultures = CultureEndpoints.Supported.Select(c => new CultureInfo(c)).ToList();
        app.UseRequestLocalization(options =>
        {
            options.DefaultRequestCulture = new("zh-TW");
            options.SupportedCultures = cultures;
            options.SupportedUICultures = cultures;
            options.FallBackToParentUICultures = true;
            // The person's choice (cookie) or the address (?culture=en) decides; a browser's
            // Accept-Language does not, so the dashboard opens in Traditional Chinese.
            options.RequestCultureProviders = options.RequestCultureProviders
                .Where(p => p is not Microsoft.AspNetCore.Localization.AcceptLanguageHeaderRequestCultureProvider).ToList();
        });

        app.UseStatusCodePagesWithReExecute("/not-found", createScopeForStatusCodePages: true);
        app.UseAntiforgery();
        app.MapStaticAssets();
        app.MapHealthChecks("/healthz");
        app.MapCultureEndpoints();
        app.MapPlanEndpoints();
        app.MapScheduleEndpoints();
        app.MapPhoneTestEndpoints();
        app.MapRazorComponents<Components.App>().AddInteractiveServerRenderMode();
        return app;
    }
}

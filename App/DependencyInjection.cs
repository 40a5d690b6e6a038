using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using HighServiceDashboard.App.Components;
using HighServiceDashboard.App.Endpoints;
using HighServiceDashboard.App.Hosting;
using HighServiceDashboard.App.State;
using HighServiceDashboard.Domain.Access;
using HighServiceDashboard.Infrastructure.Audit;
using HighServiceDashboard.Infrastructure.Identity;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server.Circuits;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
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
        builder.Services.AddSignIn(builder.Configuration);
        return builder;
    }

    /// <summary>
    /// The sign-in cookie (HttpOnly, Secure, SameSite=Lax, 8 hours sliding), the access policies,
    /// and who is acting in each request and circuit. Pages need a signed-in person unless marked
    /// otherwise; a forbidden request answers 403 and is logged.
    /// </summary>
    private static void AddSignIn(this IServiceCollection services, IConfiguration configuration)
    {
        // The keys that sign the cookie and the antiforgery tokens live with the data, so a restart keeps people signed in.
        var keys = Path.GetFullPath(Path.Combine(configuration["Storage:DataFolder"] ?? "data", "keys"));
        services.AddDataProtection().SetApplicationName("HighServiceDashboard").PersistKeysToFileSystem(new DirectoryInfo(keys));
        services.AddAuthentication(IdentityConstants.ApplicationScheme).AddIdentityCookies();
        services.ConfigureApplicationCookie(options =>
        {
            options.LoginPath = AccountEndpoints.LoginPath;
            options.LogoutPath = "/account/logout";
            options.Cookie.Name = "hsd-auth";
            options.Cookie.HttpOnly = true;
            options.Cookie.SecurePolicy = CookieSecurePolicy.Always;
            options.Cookie.SameSite = SameSiteMode.Lax;
            options.ExpireTimeSpan = TimeSpan.FromHours(8);
            options.SlidingExpiration = true;
            options.Events.OnRedirectToAccessDenied = context =>
            {
                context.HttpContext.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger("HighServiceDashboard.Access")
                    .LogWarning("Forbidden: {User} asked for {Path}", context.HttpContext.User.Identity?.Name, context.Request.Path);
                context.Response.StatusCode = StatusCodes.Status403Forbidden;
                return Task.CompletedTask;
            };
        });
        // A changed role, agency or a disabled account counts within a minute, not at the cookie's end:
        // in each new request (the cookie's security stamp) and in each open circuit (revalidation).
        var session = configuration.GetSection(AccountSessionOptions.Section).Get<AccountSessionOptions>() ?? new AccountSessionOptions();
        services.Configure<AccountSessionOptions>(configuration.GetSection(AccountSessionOptions.Section));
        services.Configure<SecurityStampValidatorOptions>(options => options.ValidationInterval = session.RevalidationInterval);
        new IdentityBuilder(typeof(AppUser), services).AddSignInManager();
        services.AddAuthorizationBuilder()
            .AddPolicy(AccessClaims.AdminPolicy, policy => policy.RequireRole(nameof(Role.CommissionAdmin)))
            .AddPolicy(AccessClaims.CommissionPolicy, policy => policy.RequireRole(nameof(Role.CommissionAdmin), nameof(Role.CommissionReviewer)))
            .AddPolicy(AccessClaims.PlanImportPolicy, policy => policy.RequireRole(AccessClaims.PlanImportRoles));
        services.AddCascadingAuthenticationState();
        services.AddScoped<AuthenticationStateProvider, AccountRevalidatingStateProvider>();
        services.AddHttpContextAccessor();
        services.AddScoped<CurrentUser>();
        services.AddScoped<PageAccess>();
        services.AddScoped<CircuitHandler, AuditActorCircuitHandler>();
    }

    /// <summary>The request pipeline and the endpoints.</summary>
    public static WebApplication UseDashboard(this WebApplication app)
    {
        // Behind a reverse proxy, the client's address and scheme come from the proxies named, before anything reads them.
        var proxy = app.Configuration.GetSection(ReverseProxyOptions.Section).Get<ReverseProxyOptions>() ?? new ReverseProxyOptions();
        if (proxy.Enabled)
        {
            var forwarded = new ForwardedHeadersOptions();
            proxy.Apply(forwarded);
            app.UseForwardedHeaders(forwarded);
        }

        app.UseSecurityHeaders();
        if (!app.Environment.IsDevelopment())
        {
            app.UseExceptionHandler("/Error", createScopeForErrors: true);
            app.UseHsts();
        }

        if (app.Environment.IsProduction())
        {
            app.UseHttpsRedirection();
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
        // The not-found page answers what a person asked to see; a refused form post (a forged one,
        // without its antiforgery token) answers its 400 as it is, instead of being posted again.
        app.Use((context, next) =>
        {
            if (!HttpMethods.IsGet(context.Request.Method) && !HttpMethods.IsHead(context.Request.Method)
                && context.Features.Get<Microsoft.AspNetCore.Diagnostics.IStatusCodePagesFeature>() is { } pages)
            {
                pages.Enabled = false;
            }

            return next(context);
        });
        app.UseAuthentication();
        app.UseAuthorization();
        // What a request saves is on record under the signed-in person's name.
        app.Use((context, next) =>
        {
            context.RequestServices.GetRequiredService<AuditActor>().Set(context.User.Identity?.Name);
            context.RequestServices.GetRequiredService<CurrentUser>().Set(context.User);
            return next(context);
        });
        app.UseAntiforgery();
        app.MapStaticAssets();
        app.MapHealthChecks("/healthz");
        app.MapCultureEndpoints();
        app.MapAccountEndpoints();
        app.MapPlanEndpoints();
        app.MapCoverageEndpoints();
        app.MapScheduleEndpoints();
        app.MapPhoneTestEndpoints();
        app.MapResultsEndpoints();
        app.MapRazorComponents<Components.App>().AddInteractiveServerRenderMode();
        return app;
    }
}

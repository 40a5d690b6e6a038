using Microsoft.AspNetCore.Localization;

namespace HighServiceDashboard.App.Endpoints;

/// <summary>The language switch: stores the chosen culture in the standard cookie and goes back.</summary>
public static class CultureEndpoints
{
    public static readonly string[] Supported = ["zh-TW", "en"];

    public static IEndpointRouteBuilder MapCultureEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/culture/set", (string culture, string? redirectUri, HttpContext context) =>
        {
            if (!Supported.Contains(culture))
            {
                return Results.BadRequest($"Unsupported culture '{culture}'. Use one of: {string.Join(", ", Supported)}.");
            }

            context.Response.Cookies.Append(
                CookieRequestCultureProvider.DefaultCookieName,
                CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(culture)),
                new CookieOptions { MaxAge = TimeSpan.FromDays(365), SameSite = SameSiteMode.Lax, HttpOnly = false, IsEssential = true });

            // Only local paths: the switch must not become an open redirect.
            return Results.LocalRedirect(AccountEndpoints.LocalOnly(redirectUri));
        });
        return app;
    }
}

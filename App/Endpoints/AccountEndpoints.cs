using HighServiceDashboard.Infrastructure.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;

namespace HighServiceDashboard.App.Endpoints;

/// <summary>
/// Sign in, sign out and the change of one's own password: plain form posts (antiforgery-checked)
/// so that the cookie is set on a real response. Failures go back to the form with a reason code.
/// </summary>
public static class AccountEndpoints
{
    public const string LoginPath = "/account/login";
    public const string PasswordPath = "/account/password";

    public static IEndpointRouteBuilder MapAccountEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapPost(LoginPath, SignInAsync).AllowAnonymous();
        app.MapPost("/account/logout", async (SignInManager<AppUser> signIn) =>
        {
            await signIn.SignOutAsync();
            return Results.LocalRedirect(LoginPath);
        }).RequireAuthorization();
        app.MapPost(PasswordPath, ChangePasswordAsync).RequireAuthorization();
        return app;
    }

    private static async Task<IResult> SignInAsync(
        [FromForm] string? userName, [FromForm] string? password, [FromForm] string? returnUrl,
        SignInManager<AppUser> signIn, HttpContext context, ILoggerFactory loggers)
    {
        var logger = loggers.CreateLogger("HighServiceDashboard.SignIn");
        var target = LocalOnly(returnUrl);
        var name = (userName ?? "").Trim();
        IResult Back(string error) =>
            Results.LocalRedirect($"{LoginPath}?error={error}&user={Uri.EscapeDataString(name)}&returnUrl={Uri.EscapeDataString(target)}");

        if (name.Length == 0 || string.IsNullOrEmpty(password))
        {
            return Back("missing");
        }

        var users = signIn.UserManager;
        var user = await users.FindByNameAsync(name) ?? (name.Contains('@') ? await users.FindByEmailAsync(name) : null);
        var ip = context.Connection.RemoteIpAddress?.ToString() ?? "?";
        if (user is null || user.IsDisabled)
        {
            logger.LogWarning("Sign-in refused for {UserName} from {Address}: {Reason}", name, ip, user is null ? "no such account" : "account disabled");
            return Back("invalid");
        }

        var result = await signIn.PasswordSignInAsync(user, password, isPersistent: false, lockoutOnFailure: true);
        if (result.IsLockedOut)
        {
            logger.LogWarning("Sign-in refused for {UserName} from {Address}: locked out", name, ip);
            return Back("locked");
        }

        if (!result.Succeeded)
        {
            logger.LogWarning("Sign-in failed for {UserName} from {Address}: wrong password ({Failures} failures)", name, ip, await users.GetAccessFailedCountAsync(user));
            return Back("invalid");
        }

        logger.LogInformation("{UserName} signed in from {Address}", user.UserName, ip);
        return user.MustChangePassword
            ? Results.LocalRedirect($"{PasswordPath}?returnUrl={Uri.EscapeDataString(target)}")
            : Results.LocalRedirect(target);
    }

    private static async Task<IResult> ChangePasswordAsync(
        [FromForm] string? current, [FromForm] string? next, [FromForm] string? confirm, [FromForm] string? returnUrl,
        SignInManager<AppUser> signIn, AccountService accounts, HttpContext context)
    {
        var target = LocalOnly(returnUrl);
        IResult Back(string error) => Results.LocalRedirect($"{PasswordPath}?error={error}&returnUrl={Uri.EscapeDataString(target)}");
        if (string.IsNullOrEmpty(current) || string.IsNullOrEmpty(next))
        {
            return Back("missing");
        }

        if (next != confirm)
        {
            return Back("mismatch");
        }

        if (next == current)
        {
            return Back("same");
        }

        var result = await accounts.ChangePasswordAsync(context.User.Identity!.Name!, current, next);
        if (!result.Succeeded)
        {
            return Back(result.Errors.Contains(Domain.Access.AccountMessages.WrongPassword) ? "wrong" : "rules");
        }

        if (await signIn.UserManager.FindByNameAsync(context.User.Identity.Name!) is { } user)
        {
            await signIn.RefreshSignInAsync(user);
        }

        return Results.LocalRedirect(target);
    }

    /// <summary>
    /// The return address if it is a plain local path, else the home page: the sign-in and the language
    /// switch must not become open redirects, and nothing typed into an address may make them fail.
    /// Plain means one leading slash, then printable ASCII only, no backslash (browsers read it as a
    /// slash, so <c>/\\host</c> is another site), no control character (<c>/\t/host</c> is <c>//host</c>
    /// once the tab is dropped), no space and nothing outside ASCII, which a Location header cannot hold.
    /// </summary>
    public static string LocalOnly(string? url) => IsPlainLocalPath(url) ? url! : "/";

    private static bool IsPlainLocalPath(string? url) =>
        url is { Length: > 0 and <= 2048 }
        && url[0] == '/'
        && (url.Length == 1 || url[1] != '/')
        && url.All(c => c is > ' ' and < '\u007f' and not '\\');
}

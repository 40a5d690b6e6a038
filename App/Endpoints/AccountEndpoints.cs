using HighServiceDashboard.Infrastructure.Data;
using HighServiceDashboard.Infrastructure.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

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
        SignInManager<AppUser> signIn, SignInGate gate, IPasswordHasher<AppUser> hasher, IDbContextFactory<AppDbContext> contexts,
        HttpContext context, ILoggerFactory loggers)
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
        var ip = context.Connection.RemoteIpAddress?.ToString() ?? "?";
        // The account is looked up without tracking, so that the one the check reads is loaded
        // afresh inside the account's turn, with the failures counted by the attempts before it.
        if (await AccountOfAsync(contexts, users.NormalizeName(name), users.NormalizeEmail(name), context.RequestAborted) is not { } account)
        {
            gate.CheckWithoutAccount(hasher, password);
            logger.LogWarning("Sign-in refused for {UserName} from {Address}: {Reason}", name, ip, "no such account");
            return Back("invalid");
        }

        using var turn = await gate.EnterAsync(account.NormalizedUserName, context.RequestAborted);
        if (await users.FindByIdAsync(account.Id) is not { IsDisabled: false } user)
        {
            gate.CheckWithoutAccount(hasher, password);
            logger.LogWarning("Sign-in refused for {UserName} from {Address}: {Reason}", name, ip, "account disabled");
            return Back("invalid");
        }

        var result = await signIn.PasswordSignInAsync(user, password, isPersistent: false, lockoutOnFailure: true);
        if (result.IsLockedOut)
        {
            // A locked account answers in the time of a password check too.
            gate.CheckWithoutAccount(hasher, password);
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

    /// <summary>The account a name or an e-mail address (already normalised) belongs to, or null.</summary>
    private static async Task<(string Id, string NormalizedUserName)?> AccountOfAsync(
        IDbContextFactory<AppDbContext> contexts, string? userName, string? email, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var byName = await db.Users.AsNoTracking().Where(u => u.NormalizedUserName == userName)
            .Select(u => new { u.Id, u.NormalizedUserName }).FirstOrDefaultAsync(ct);
        var found = byName ?? (email is not null && email.Contains('@')
            ? await db.Users.AsNoTracking().Where(u => u.NormalizedEmail == email).Select(u => new { u.Id, u.NormalizedUserName }).FirstOrDefaultAsync(ct)
            : null);
        return found is null ? null : (found.Id, found.NormalizedUserName ?? found.Id);
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

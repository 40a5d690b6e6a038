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

    /// <summary>Only paths of this site: the sign-in must not become an open redirect.</summary>
    public static string LocalOnly(string? url) =>
        url is { Length: > 0 } && url.StartsWith('/') && !url.StartsWith("//", StringComparison.Ordinal) && !url.StartsWith("/\\", StringComparison.Ordinal)
            ? url
            : "/";
}

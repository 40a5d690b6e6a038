using System.Globalization;
using System.Security.Claims;
using HighServiceDashboard.Infrastructure.Identity;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace HighServiceDashboard.App.State;

/// <summary>How often an open circuit and a sign-in cookie ask the database whether their account is still the same.</summary>
public sealed class AccountSessionOptions
{
    public const string Section = "Accounts";

    /// <summary>A disabled account, or a changed role, agency or unit, counts in open tabs within this time.</summary>
    public TimeSpan RevalidationInterval { get; set; } = TimeSpan.FromMinutes(1);
}

/// <summary>
/// The authentication state of a circuit, checked again every <see cref="AccountSessionOptions.RevalidationInterval"/>:
/// the account must still exist, be enabled, and carry the security stamp, role, agency and unit the
/// circuit was built with. When it does not, the circuit becomes anonymous: the cached person of
/// <see cref="CurrentUser"/> is dropped and the router sends the page to the sign-in form.
/// </summary>
public sealed class AccountRevalidatingStateProvider(
    ILoggerFactory loggers, IServiceScopeFactory scopes, IOptions<IdentityOptions> identity, IOptions<AccountSessionOptions> session)
    : RevalidatingServerAuthenticationStateProvider(loggers)
{
    private readonly ILogger _logger = loggers.CreateLogger("HighServiceDashboard.Access");

    protected override TimeSpan RevalidationInterval => session.Value.RevalidationInterval;

    protected override async Task<bool> ValidateAuthenticationStateAsync(AuthenticationState authenticationState, CancellationToken cancellationToken)
    {
        var user = authenticationState.User;
        if (user.Identity?.IsAuthenticated != true)
        {
            return true;
        }

        await using var scope = scopes.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var account = await users.GetUserAsync(user);
        var reason = Mismatch(user, account, account is null ? null : await users.GetSecurityStampAsync(account));
        if (reason is not null)
        {
            _logger.LogWarning("Circuit of {User} signed out: {Reason}", user.Identity.Name, reason);
        }

        return reason is null;
    }

    /// <summary>Why the circuit's person is no longer the account's, or null when it still is.</summary>
    private string? Mismatch(ClaimsPrincipal user, AppUser? account, string? stamp)
    {
        if (account is null)
        {
            return "the account is gone";
        }

        if (account.IsDisabled)
        {
            return "the account is disabled";
        }

        if (user.FindFirstValue(identity.Value.ClaimsIdentity.SecurityStampClaimType) != stamp)
        {
            return "the security stamp changed";
        }

        if (user.FindFirstValue(ClaimTypes.Role) != account.Role.ToString()
            || user.FindFirstValue(AccessClaims.Agency) != account.AgencyId.ToString(CultureInfo.InvariantCulture)
            || user.FindFirstValue(AccessClaims.Unit) != account.UnitId?.ToString(CultureInfo.InvariantCulture))
        {
            return "the role, agency or unit changed";
        }

        return null;
    }
}

using System.Globalization;
using System.Security.Claims;
using HighServiceDashboard.Domain.Access;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace HighServiceDashboard.Infrastructure.Identity;

/// <summary>The claims a signed-in person carries, and the <see cref="Principal"/> the access rules read from them.</summary>
public static class AccessClaims
{
    public const string Agency = "hsd:agency";
    public const string Unit = "hsd:unit";
    public const string DisplayName = "hsd:name";

    /// <summary>Policy names: the commission's administrators; anyone of the commission; whoever may import plans.</summary>
    public const string AdminPolicy = "commission-admin";
    public const string CommissionPolicy = "commission";
    public const string PlanImportPolicy = "plan-import";

    /// <summary>The roles of <see cref="PlanImportPolicy"/>, as <see cref="AccessPolicy.CanImportPlans"/> says.</summary>
    public static readonly string[] PlanImportRoles = Enum.GetValues<Role>()
        .Where(role => AccessPolicy.CanImportPlans(new Principal("", role, 0))).Select(role => role.ToString()).ToArray();

    public static Principal? ToPrincipal(ClaimsPrincipal user)
    {
        if (user.Identity?.IsAuthenticated != true
            || user.FindFirstValue(ClaimTypes.Name) is not { } name
            || !Enum.TryParse<Role>(user.FindFirstValue(ClaimTypes.Role), out var role)
            || !int.TryParse(user.FindFirstValue(Agency), CultureInfo.InvariantCulture, out var agency))
        {
            return null;
        }

        int? unit = int.TryParse(user.FindFirstValue(Unit), CultureInfo.InvariantCulture, out var u) ? u : null;
        return new Principal(name, role, agency, unit);
    }
}

/// <summary>Adds the role, the agency and the unit to the cookie, so that no page asks the database who someone is.</summary>
public sealed class AppClaimsFactory(UserManager<AppUser> users, IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<AppUser>(users, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(AppUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim(ClaimTypes.Role, user.Role.ToString()));
        identity.AddClaim(new Claim(AccessClaims.Agency, user.AgencyId.ToString(CultureInfo.InvariantCulture)));
        identity.AddClaim(new Claim(AccessClaims.DisplayName, string.IsNullOrWhiteSpace(user.DisplayName) ? user.UserName ?? "" : user.DisplayName));
        if (user.UnitId is { } unit)
        {
            identity.AddClaim(new Claim(AccessClaims.Unit, unit.ToString(CultureInfo.InvariantCulture)));
        }

        return identity;
    }
}

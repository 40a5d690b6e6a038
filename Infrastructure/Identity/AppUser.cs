using HighServiceDashboard.Domain.Access;
using Microsoft.AspNetCore.Identity;

namespace HighServiceDashboard.Infrastructure.Identity;

/// <summary>
/// An account of the dashboard. Created by the commission's administrators (no self-registration),
/// tied to an agency and optionally a unit, with one role that decides what it may see and change.
/// </summary>
public sealed class AppUser : IdentityUser
{
    /// <summary>The person's name as histories and the audit log show it (王小明).</summary>
    public string DisplayName { get; set; } = "";

    public Role Role { get; set; }

    public int AgencyId { get; set; }

    public Domain.Agencies.Agency? Agency { get; set; }

    public int? UnitId { get; set; }

    /// <summary>Set for a one-time password: the next sign-in goes to the change-password page first.</summary>
    public bool MustChangePassword { get; set; }

    /// <summary>A disabled account cannot sign in; it stays for the history it wrote.</summary>
    public bool IsDisabled { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
}

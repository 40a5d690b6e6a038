using System.Security.Claims;
using HighServiceDashboard.Domain.Access;
using HighServiceDashboard.Infrastructure.Identity;
using Microsoft.AspNetCore.Components.Authorization;

namespace HighServiceDashboard.App.State;

/// <summary>
/// Who is signed in, in this request or circuit: the <see cref="Principal"/> the access rules read,
/// and the name histories and the audit log record. Read once from the authentication state, and
/// dropped when that state changes (a circuit whose account was disabled or changed becomes anonymous),
/// so that the next action is refused.
/// </summary>
public sealed class CurrentUser : IDisposable
{
    private readonly AuthenticationStateProvider _authentication;
    private Principal? _principal;
    private string _displayName = "";
    private bool _loaded;

    public CurrentUser(AuthenticationStateProvider authentication)
    {
        _authentication = authentication;
        _authentication.AuthenticationStateChanged += Forget;
    }

    /// <summary>The signed-in person, or null.</summary>
    public async Task<Principal?> GetAsync()
    {
        if (!_loaded)
        {
            Set((await _authentication.GetAuthenticationStateAsync()).User);
        }

        return _principal;
    }

    /// <summary>The account name (as the review history records it); "anonymous" before sign-in.</summary>
    public string Name => _principal?.UserId ?? "anonymous";

    public string DisplayName => _displayName;

    public void Set(ClaimsPrincipal user)
    {
        _principal = AccessClaims.ToPrincipal(user);
        _displayName = user.FindFirstValue(AccessClaims.DisplayName) ?? _principal?.UserId ?? "";
        _loaded = true;
    }

    public void Dispose() => _authentication.AuthenticationStateChanged -= Forget;

    private void Forget(Task<AuthenticationState> state)
    {
        if (state.IsCompletedSuccessfully)
        {
            Set(state.Result.User);
            return;
        }

        _principal = null;
        _displayName = "";
        _loaded = false;
    }
}

using System.Collections.Concurrent;
using Microsoft.AspNetCore.Identity;

namespace HighServiceDashboard.Infrastructure.Identity;

/// <summary>
/// What keeps password guessing slow and blind: one password check at a time per account (so that a
/// burst of parallel guesses cannot check more than the lockout allows, nor a right password slip in
/// after the limit), and a password hashed for an unknown or disabled account too (so that its answer
/// takes as long as a wrong password's and does not say which accounts exist). One for the app.
/// </summary>
public sealed class SignInGate
{
    // One per account that was ever tried (keyed by its normalised name, not by what was typed):
    // as many as there are accounts, never as many as there are guesses.
    private readonly ConcurrentDictionary<string, SemaphoreSlim> _locks = new(StringComparer.Ordinal);
    private string? _dummyHash;

    private static readonly AppUser DummyUser = new() { Id = "00000000-0000-0000-0000-000000000000", UserName = "nobody" };

    /// <summary>Waits for the account's turn; dispose the result to hand it on.</summary>
    public async Task<IDisposable> EnterAsync(string normalizedUserName, CancellationToken ct = default)
    {
        var gate = _locks.GetOrAdd(normalizedUserName, _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync(ct);
        return new Turn(gate);
    }

    /// <summary>
    /// Checks the password against a fixed hash made by the app's own hasher (so with the same
    /// iterations as the accounts' hashes), in the time a real check takes; the answer is always no.
    /// </summary>
    public void CheckWithoutAccount(IPasswordHasher<AppUser> hasher, string password)
    {
        _dummyHash ??= hasher.HashPassword(DummyUser, "no account has this password");
        hasher.VerifyHashedPassword(DummyUser, _dummyHash, password);
    }

    private sealed class Turn(SemaphoreSlim gate) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0)
            {
                gate.Release();
            }
        }
    }
}

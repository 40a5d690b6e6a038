using HighServiceDashboard.Domain.Access;
using HighServiceDashboard.Infrastructure.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace HighServiceDashboard.Infrastructure.Identity;

/// <summary>An account as the administrators' list shows it.</summary>
public sealed record AccountRow(
    string Id, string UserName, string Email, string DisplayName, Role Role, int AgencyId, string AgencyName, int? UnitId, string? UnitName,
    bool IsDisabled, bool MustChangePassword, DateTimeOffset? LockedUntil);

/// <summary>An account made or reset, with the one-time password to hand to its owner (shown once, never stored in clear).</summary>
public sealed record IssuedPassword(CommandResult Result, string? Password);

/// <summary>
/// Accounts, made and kept by the commission's administrators: create with a one-time password,
/// change role, agency or unit, reset the password, disable. A commission role belongs to the
/// commission's own agency; unit staff need a unit of their agency.
/// </summary>
public sealed class AccountService(IServiceScopeFactory scopes, IDbContextFactory<AppDbContext> contextFactory, TimeProvider clock)
{
    /// <summary>The agency whose accounts may hold the commission's roles.</summary>
    public const string CommissionAgencyName = "高雄市政府研究發展考核委員會";

    public async Task<IReadOnlyList<AccountRow>> ListAsync(CancellationToken ct = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(ct);
        var units = await db.Units.AsNoTracking().ToDictionaryAsync(u => u.Id, u => u.Name, ct);
        var users = await db.Users.AsNoTracking()
            .Select(u => new { u.Id, u.UserName, u.Email, u.DisplayName, u.Role, u.AgencyId, Agency = u.Agency!.Name, u.UnitId, u.IsDisabled, u.MustChangePassword, u.LockoutEnd })
            .ToListAsync(ct);
        var now = clock.GetUtcNow();
        return users
            .OrderBy(u => u.Role).ThenBy(u => u.Agency, StringComparer.Ordinal).ThenBy(u => u.UserName, StringComparer.Ordinal)
            .Select(u => new AccountRow(u.Id, u.UserName ?? "", u.Email ?? "", u.DisplayName, u.Role, u.AgencyId, u.Agency,
                u.UnitId, u.UnitId is { } id ? units.GetValueOrDefault(id) : null, u.IsDisabled, u.MustChangePassword,
                u.LockoutEnd is { } end && end > now ? end : null))
            .ToList();
    }

    /// <summary>Creates an account with a one-time password that must be changed at the first sign-in.</summary>
    public async Task<IssuedPassword> CreateAsync(AccountInput input, CancellationToken ct = default)
    {
        if (await CheckAsync(input, null, ct) is { } refused)
        {
            return new(refused, null);
        }

        await using var scope = scopes.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var password = OneTimePassword.Generate();
        var user = new AppUser
        {
            UserName = input.UserName.Trim(),
            Email = input.Email.Trim(),
            EmailConfirmed = true,
            DisplayName = input.DisplayName.Trim(),
            Role = input.Role,
            AgencyId = input.AgencyId!.Value,
            UnitId = input.UnitId,
            MustChangePassword = true,
            CreatedAt = clock.GetUtcNow(),
        };
        var created = await users.CreateAsync(user, password);
        return created.Succeeded
            ? new(CommandResult.Ok(), password)
            : new(CommandResult.Fail(Errors(created)), null);
    }

    /// <summary>Changes who an account is: name, mail, role, agency, unit.</summary>
    public async Task<CommandResult> UpdateAsync(string id, AccountInput input, string actingUserName, CancellationToken ct = default)
    {
        if (await CheckAsync(input, id, ct) is { } refused)
        {
            return refused;
        }

        await using var scope = scopes.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        if (await users.FindByIdAsync(id) is not { } user)
        {
            return CommandResult.Fail(AccountMessages.NotFound);
        }

        if (user.Role == Role.CommissionAdmin && input.Role != Role.CommissionAdmin)
        {
            if (user.UserName == actingUserName)
            {
                return CommandResult.Fail(AccountMessages.OwnAccount);
            }

            if (await CountActiveAdminsAsync(ct) <= 1)
            {
                return CommandResult.Fail(AccountMessages.LastAdministrator);
            }
        }

        user.UserName = input.UserName.Trim();
        user.Email = input.Email.Trim();
        user.DisplayName = input.DisplayName.Trim();
        user.Role = input.Role;
        user.AgencyId = input.AgencyId!.Value;
        user.UnitId = input.UnitId;
        var updated = await users.UpdateAsync(user);
        if (updated.Succeeded)
        {
            // A changed role or agency takes effect at the next request, not at the next sign-in.
            await users.UpdateSecurityStampAsync(user);
        }

        return updated.Succeeded ? CommandResult.Ok() : CommandResult.Fail(Errors(updated));
    }

    /// <summary>Sets a new one-time password and ends the account's sessions.</summary>
    public async Task<IssuedPassword> ResetPasswordAsync(string id, CancellationToken ct = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        if (await users.FindByIdAsync(id) is not { } user)
        {
            return new(CommandResult.Fail(AccountMessages.NotFound), null);
        }

        var password = OneTimePassword.Generate();
        await users.RemovePasswordAsync(user);
        var added = await users.AddPasswordAsync(user, password);
        if (!added.Succeeded)
        {
            return new(CommandResult.Fail(Errors(added)), null);
        }

        user.MustChangePassword = true;
        await users.SetLockoutEndDateAsync(user, null);
        await users.ResetAccessFailedCountAsync(user);
        await users.UpdateAsync(user);
        await users.UpdateSecurityStampAsync(user);
        return new(CommandResult.Ok(), password);
    }

    /// <summary>Disables or enables an account; a disabled one cannot sign in and its sessions end.</summary>
    public async Task<CommandResult> SetDisabledAsync(string id, bool disabled, string actingUserName, CancellationToken ct = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        if (await users.FindByIdAsync(id) is not { } user)
        {
            return CommandResult.Fail(AccountMessages.NotFound);
        }

        if (disabled && user.UserName == actingUserName)
        {
            return CommandResult.Fail(AccountMessages.OwnAccount);
        }

        if (disabled && user.Role == Role.CommissionAdmin && !user.IsDisabled && await CountActiveAdminsAsync(ct) <= 1)
        {
            return CommandResult.Fail(AccountMessages.LastAdministrator);
        }

        user.IsDisabled = disabled;
        await users.UpdateAsync(user);
        await users.UpdateSecurityStampAsync(user);
        return CommandResult.Ok();
    }

    /// <summary>The person changes their own password; clears the one-time mark.</summary>
    public async Task<CommandResult> ChangePasswordAsync(string userName, string current, string next, CancellationToken ct = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        if (await users.FindByNameAsync(userName) is not { } user)
        {
            return CommandResult.Fail(AccountMessages.NotFound);
        }

        var changed = await users.ChangePasswordAsync(user, current, next);
        if (!changed.Succeeded)
        {
            return CommandResult.Fail(Errors(changed));
        }

        user.MustChangePassword = false;
        await users.UpdateAsync(user);
        return CommandResult.Ok();
    }

    private async Task<int> CountActiveAdminsAsync(CancellationToken ct)
    {
        await using var db = await contextFactory.CreateDbContextAsync(ct);
        return await db.Users.CountAsync(u => u.Role == Role.CommissionAdmin && !u.IsDisabled, ct);
    }

    private async Task<CommandResult?> CheckAsync(AccountInput input, string? id, CancellationToken ct)
    {
        var check = await new AccountInputValidator().ValidateAsync(input, ct);
        if (!check.IsValid)
        {
            return CommandResult.Fail(check.Errors.Select(e => e.ErrorMessage).Distinct().ToArray());
        }

        await using var db = await contextFactory.CreateDbContextAsync(ct);
        var agency = await db.Agencies.AsNoTracking().FirstOrDefaultAsync(a => a.Id == input.AgencyId, ct);
        if (agency is null)
        {
            return CommandResult.Fail(AccountMessages.AgencyRequired);
        }

        var errors = new List<string>();
        if (input.UnitId is { } unit && !await db.Units.AnyAsync(u => u.Id == unit && u.AgencyId == agency.Id, ct))
        {
            errors.Add(AccountMessages.UnitOfOtherAgency);
        }

        if (input.Role is Role.CommissionAdmin or Role.CommissionReviewer && agency.Name != CommissionAgencyName)
        {
            errors.Add(AccountMessages.CommissionRoleOutsideCommission);
        }

        var name = input.UserName.Trim().ToUpperInvariant();
        if (await db.Users.AnyAsync(u => u.NormalizedUserName == name && u.Id != id, ct))
        {
            errors.Add(AccountMessages.UserNameTaken);
        }

        var email = input.Email.Trim().ToUpperInvariant();
        if (await db.Users.AnyAsync(u => u.NormalizedEmail == email && u.Id != id, ct))
        {
            errors.Add(AccountMessages.EmailTaken);
        }

        return errors.Count == 0 ? null : CommandResult.Fail(errors.ToArray());
    }

    private static string[] Errors(IdentityResult result) =>
        result.Errors.Select(e => e.Code switch
        {
            "PasswordMismatch" => AccountMessages.WrongPassword,
            _ when e.Code.StartsWith("Password", StringComparison.Ordinal) => AccountMessages.PasswordRules,
            _ => e.Description,
        }).Distinct().ToArray();
}

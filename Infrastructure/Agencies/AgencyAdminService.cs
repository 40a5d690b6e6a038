using FluentValidation;
using HighServiceDashboard.Domain.Access;
using HighServiceDashboard.Domain.Agencies;
using HighServiceDashboard.Domain.Calendar;
using HighServiceDashboard.Infrastructure.Data;
using HighServiceDashboard.Infrastructure.Identity;
using Microsoft.EntityFrameworkCore;

namespace HighServiceDashboard.Infrastructure.Agencies;

/// <summary>
/// The commission's changes to the agency tree: add, rename, move, retire and reactivate agencies
/// and units. Each change is validated with the same rules as the form and saved whole or not at all.
/// </summary>
public sealed class AgencyAdminService(
    IDbContextFactory<AppDbContext> contextFactory,
    IValidator<NewAgencyInput> newAgencyValidator,
    IValidator<RenameInput> renameValidator,
    IValidator<NewUnitInput> newUnitValidator,
    TimeProvider clock,
    AccessService access)
{
    public async Task<CommandResult> AddAgencyAsync(NewAgencyInput input, CancellationToken ct = default)
    {
        if (await ValidateAsync(newAgencyValidator, input, ct) is { } invalid)
        {
            return invalid;
        }

        await using var db = await contextFactory.CreateDbContextAsync(ct);
        var parent = await db.Agencies.FindAsync([input.ParentId!.Value], ct);
        if (parent is null)
        {
            return CommandResult.Fail(AgencyMessages.NotFound);
        }

        if (parent.Level == AgencyLevel.SecondLevel)
        {
            return CommandResult.Fail(AgencyMessages.Move + MoveRefusal.ParentTooDeep);
        }

        if (parent.IsRetired)
        {
            return CommandResult.Fail(AgencyMessages.Move + MoveRefusal.ParentRetired);
        }

        var name = input.Name.Trim();
        if (await db.Agencies.AnyAsync(a => a.Name == name, ct))
        {
            return CommandResult.Fail(AgencyMessages.NameTaken);
        }

        var agency = new Agency
        {
            Name = name,
            NameEn = Blank(input.NameEn),
            Kind = input.Kind,
            Level = AgencyTree.LevelUnder(parent.Level),
            ParentId = parent.Id,
        };
        db.Agencies.Add(agency);
        await db.SaveChangesAsync(ct);
        return CommandResult.Ok(agency.Id);
    }

    public async Task<CommandResult> RenameAgencyAsync(RenameInput input, CancellationToken ct = default)
    {
        if (await ValidateAsync(renameValidator, input, ct) is { } invalid)
        {
            return invalid;
        }

        await using var db = await contextFactory.CreateDbContextAsync(ct);
        var agency = await db.Agencies.FindAsync([input.Id], ct);
        if (agency is null)
        {
            return CommandResult.Fail(AgencyMessages.NotFound);
        }

        var name = input.Name.Trim();
        if (await db.Agencies.AnyAsync(a => a.Name == name && a.Id != input.Id, ct))
        {
            return CommandResult.Fail(AgencyMessages.NameTaken);
        }

        agency.Name = name;
        agency.NameEn = Blank(input.NameEn);
        await db.SaveChangesAsync(ct);
        return CommandResult.Ok(agency.Id);
    }

    public async Task<CommandResult> MoveAgencyAsync(int agencyId, int newParentId, CancellationToken ct = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(ct);
        var all = await db.Agencies.ToDictionaryAsync(a => a.Id, ct);
        if (!all.TryGetValue(agencyId, out var agency) || !all.TryGetValue(newParentId, out var parent))
        {
            return CommandResult.Fail(AgencyMessages.NotFound);
        }

        if (AgencyTree.CheckMove(agency, parent, all) is { } refusal)
        {
            return CommandResult.Fail(AgencyMessages.Move + refusal);
        }

        agency.ParentId = parent.Id;
        agency.Level = AgencyTree.LevelUnder(parent.Level);
        await db.SaveChangesAsync(ct);
        return CommandResult.Ok(agency.Id);
    }

    /// <summary>Retires an agency as of today; its history stays. Active subordinates must be moved or retired first.</summary>
    public async Task<CommandResult> RetireAgencyAsync(int agencyId, CancellationToken ct = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(ct);
        var agency = await db.Agencies.Include(a => a.Children).FirstOrDefaultAsync(a => a.Id == agencyId, ct);
        if (agency is null || agency.Level == AgencyLevel.City)
        {
            return CommandResult.Fail(AgencyMessages.NotFound);
        }

        if (agency.Children.Any(c => !c.IsRetired))
        {
            return CommandResult.Fail(AgencyMessages.CannotRetireWithActiveSubordinates);
        }

        agency.RetiredOn ??= clock.Today();
        await db.SaveChangesAsync(ct);
        return CommandResult.Ok(agency.Id);
    }

    public async Task<CommandResult> ReactivateAgencyAsync(int agencyId, CancellationToken ct = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(ct);
        var agency = await db.Agencies.Include(a => a.Parent).FirstOrDefaultAsync(a => a.Id == agencyId, ct);
        if (agency is null)
        {
            return CommandResult.Fail(AgencyMessages.NotFound);
        }

        if (agency.Parent is { IsRetired: true })
        {
            return CommandResult.Fail(AgencyMessages.Move + MoveRefusal.ParentRetired);
        }

        agency.RetiredOn = null;
        await db.SaveChangesAsync(ct);
        return CommandResult.Ok(agency.Id);
    }

    /// <summary>
    /// Adds a unit to an agency, for <paramref name="who"/>: the agency's own head or coordinator, or
    /// the commission's administrator (<see cref="AccessPolicy.CanEditAgencyContent"/>). An agency the
    /// person does not read is not found; one they read but may not change is forbidden.
    /// </summary>
    public async Task<CommandResult> AddUnitAsync(Principal? who, NewUnitInput input, CancellationToken ct = default)
    {
        var policy = await access.PolicyAsync(ct);
        if (who is null || !policy.CanRead(who, input.AgencyId))
        {
            return CommandResult.Fail(AgencyMessages.NotFound);
        }

        if (!policy.CanEditAgencyContent(who, input.AgencyId))
        {
            return CommandResult.Fail(AgencyMessages.Forbidden);
        }

        if (await ValidateAsync(newUnitValidator, input, ct) is { } invalid)
        {
            return invalid;
        }

        await using var db = await contextFactory.CreateDbContextAsync(ct);
        if (!await db.Agencies.AnyAsync(a => a.Id == input.AgencyId, ct))
        {
            return CommandResult.Fail(AgencyMessages.NotFound);
        }

        var name = input.Name.Trim();
        if (await db.Units.AnyAsync(u => u.AgencyId == input.AgencyId && u.Name == name, ct))
        {
            return CommandResult.Fail(AgencyMessages.UnitNameTaken);
        }

        var unit = new Unit { AgencyId = input.AgencyId, Name = name };
        db.Units.Add(unit);
        await db.SaveChangesAsync(ct);
        return CommandResult.Ok(unit.Id);
    }

    public async Task<CommandResult> RenameUnitAsync(RenameInput input, CancellationToken ct = default)
    {
        if (await ValidateAsync(renameValidator, input, ct) is { } invalid)
        {
            return invalid;
        }

        await using var db = await contextFactory.CreateDbContextAsync(ct);
        var unit = await db.Units.FindAsync([input.Id], ct);
        if (unit is null)
        {
            return CommandResult.Fail(AgencyMessages.NotFound);
        }

        var name = input.Name.Trim();
        if (await db.Units.AnyAsync(u => u.AgencyId == unit.AgencyId && u.Name == name && u.Id != unit.Id, ct))
        {
            return CommandResult.Fail(AgencyMessages.UnitNameTaken);
        }

        unit.Name = name;
        await db.SaveChangesAsync(ct);
        return CommandResult.Ok(unit.Id);
    }

    /// <summary>Retires a unit, or brings a retired one back.</summary>
    public async Task<CommandResult> SetUnitRetiredAsync(int unitId, bool retired, CancellationToken ct = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(ct);
        var unit = await db.Units.FindAsync([unitId], ct);
        if (unit is null)
        {
            return CommandResult.Fail(AgencyMessages.NotFound);
        }

        unit.RetiredOn = retired ? unit.RetiredOn ?? clock.Today() : null;
        await db.SaveChangesAsync(ct);
        return CommandResult.Ok(unit.Id);
    }

    private static async Task<CommandResult?> ValidateAsync<T>(IValidator<T> validator, T input, CancellationToken ct)
    {
        var result = await validator.ValidateAsync(input, ct);
        return result.IsValid ? null : CommandResult.Fail(result.Errors.Select(e => e.ErrorMessage).Distinct().ToArray());
    }

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}

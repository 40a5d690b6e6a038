using System.Globalization;
using System.Text.Json;
using HighServiceDashboard.Domain.Agencies;
using HighServiceDashboard.Domain.Audit;
using HighServiceDashboard.Domain.PhoneTests;
using HighServiceDashboard.Domain.Plans;
using HighServiceDashboard.Domain.Programme;
using HighServiceDashboard.Domain.Results;
using HighServiceDashboard.Domain.Schedule;
using HighServiceDashboard.Infrastructure.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace HighServiceDashboard.Infrastructure.Audit;

/// <summary>
/// Writes an <see cref="AuditEntry"/> for every change to the rows people own (plans and their
/// points, schedules, agencies and units, contacts, accounts, settled obligations), in the same
/// save and transaction as the change. Rows the system derives on its own (obligations synced from
/// the schedule, alerts, deliveries) are left out: they would bury the changes people made.
/// </summary>
public sealed class AuditInterceptor(AuditActor actor, TimeProvider clock) : SaveChangesInterceptor
{
    private static readonly HashSet<Type> Audited =
    [
        typeof(Plan), typeof(FocusPoint), typeof(FocusPointUnit), typeof(NotApplicableItem), typeof(PlanStatusChange),
        typeof(Agency), typeof(Unit), typeof(ProgrammeYear),
        typeof(Milestone), typeof(AgencyContact), typeof(Obligation),
        typeof(AppUser),
        typeof(PhoneTest), typeof(PhoneTestScore), typeof(PhoneTestFault), typeof(PhoneFollowUp), typeof(PhoneRubric), typeof(RubricItem), typeof(PhoneFault),
        typeof(AnnualResults), typeof(ResultItem), typeof(ResultsAttachment), typeof(ResultsStatusChange),
    ];

    /// <summary>Fields never written to the log (secrets, file bodies).</summary>
    private static readonly HashSet<string> Hidden =
    [
        nameof(AppUser.PasswordHash), nameof(AppUser.SecurityStamp), nameof(AppUser.ConcurrencyStamp), nameof(PlanSource.Content),
    ];

    private readonly Dictionary<DbContext, List<(EntityEntry Entry, AuditEntry Row)>> _added = [];

    /// <summary>Types whose rows are logged; the features that add entities people own add them here.</summary>
    public static void Audit(params Type[] types) => Audited.UnionWith(types);

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Capture(eventData.Context);
        return base.SavingChangesAsync(eventData, result, cancellationToken);
    }

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Capture(eventData.Context);
        return base.SavingChanges(eventData, result);
    }

    public override async ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is { } db && TakeAdded(db) is { Count: > 0 } added)
        {
            // Added rows have their keys only now: their entries are written in a second save of the same context.
            Complete(db, added);
            await db.SaveChangesAsync(cancellationToken);
        }

        return await base.SavedChangesAsync(eventData, result, cancellationToken);
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        if (eventData.Context is { } db && TakeAdded(db) is { Count: > 0 } added)
        {
            Complete(db, added);
            db.SaveChanges();
        }

        return base.SavedChanges(eventData, result);
    }

    public override void SaveChangesFailed(DbContextErrorEventData eventData) => TakeAdded(eventData.Context!);

    public override Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        TakeAdded(eventData.Context!);
        return Task.CompletedTask;
    }

    /// <summary>
    /// The entries of rows added by the save just done, with the keys the database gave them: their
    /// own and the foreign keys to rows added beside them (a temporary value before the save).
    /// </summary>
    private static void Complete(DbContext db, List<(EntityEntry Entry, AuditEntry Row)> added)
    {
        foreach (var (entry, row) in added)
        {
            row.EntityKey = KeyOf(entry);
            row.AgencyId ??= AgencyOf(entry);
            row.After = Json(entry.Properties.Where(p => !p.Metadata.IsPrimaryKey()), p => p.CurrentValue);
        }

        db.Set<AuditEntry>().AddRange(added.Select(a => a.Row));
    }

    private List<(EntityEntry Entry, AuditEntry Row)>? TakeAdded(DbContext db)
    {
        lock (_added)
        {
            return _added.Remove(db, out var list) ? list : null;
        }
    }

    private void Capture(DbContext? db)
    {
        if (db is null)
        {
            return;
        }

        var now = clock.GetUtcNow();
        var who = actor.Name;
        var added = new List<(EntityEntry Entry, AuditEntry Row)>();
        foreach (var entry in db.ChangeTracker.Entries().ToList())
        {
            if (!Audited.Contains(entry.Metadata.ClrType) || entry.State is not (EntityState.Added or EntityState.Modified or EntityState.Deleted))
            {
                continue;
            }

            if (entry.Entity is Obligation && !IsSettlement(entry))
            {
                continue;
            }

            var row = new AuditEntry { At = now, Actor = who, EntityType = entry.Metadata.ClrType.Name, EntityKey = "", AgencyId = AgencyOf(entry) };
            switch (entry.State)
            {
                case EntityState.Added:
                    row.Action = AuditAction.Added;
                    added.Add((entry, row));
                    break;
                case EntityState.Modified:
                    var changed = entry.Properties.Where(p => p.IsModified && !Equals(p.OriginalValue, p.CurrentValue)).ToList();
                    if (changed.Count == 0)
                    {
                        continue;
                    }

                    row.Action = AuditAction.Modified;
                    row.EntityKey = KeyOf(entry);
                    row.Before = Json(changed, p => p.OriginalValue);
                    row.After = Json(changed, p => p.CurrentValue);
                    db.Set<AuditEntry>().Add(row);
                    break;
                default:
                    row.Action = AuditAction.Deleted;
                    row.EntityKey = KeyOf(entry);
                    row.Before = Json(entry.Properties, p => p.OriginalValue);
                    db.Set<AuditEntry>().Add(row);
                    break;
            }
        }

        if (added.Count > 0)
        {
            lock (_added)
            {
                _added[db] = added;
            }
        }
    }

    /// <summary>An obligation is the system's own until a person settles, waives or reopens it.</summary>
    private static bool IsSettlement(EntityEntry entry) =>
        entry.State == EntityState.Modified && entry.Property(nameof(Obligation.Resolution)).IsModified
        && !Equals(entry.Property(nameof(Obligation.Resolution)).OriginalValue, entry.Property(nameof(Obligation.Resolution)).CurrentValue);

    private static string KeyOf(EntityEntry entry) =>
        string.Join(",", entry.Metadata.FindPrimaryKey()!.Properties.Select(p => Convert.ToString(entry.Property(p.Name).CurrentValue, CultureInfo.InvariantCulture)));

    private static int? AgencyOf(EntityEntry entry) => entry.Entity switch
    {
        Agency a => a.Id == 0 ? null : a.Id,
        Unit u => u.AgencyId,
        Plan p => p.AgencyId,
        FocusPoint f => f.Plan?.AgencyId,
        Obligation o => o.AgencyId,
        AgencyContact c => c.AgencyId,
        AppUser u => u.AgencyId,
        PhoneTest t => t.AgencyId,
        PhoneFollowUp f => f.AgencyId,
        ResultItem i => ResultsAgency(entry.Context, i.ResultsId),
        ResultsAttachment a => ResultsAgency(entry.Context, a.ResultsId),
        ResultsStatusChange c => ResultsAgency(entry.Context, c.ResultsId),
        _ => entry.Metadata.FindProperty("AgencyId") is { } prop ? entry.Property(prop.Name).CurrentValue as int? : null,
    };

    /// <summary>The results' rows carry no agency of their own: the results they belong to, loaded in the same context, do.</summary>
    private static int? ResultsAgency(DbContext context, int resultsId) =>
        context.ChangeTracker.Entries<AnnualResults>().FirstOrDefault(r => r.Entity.Id == resultsId)?.Entity.AgencyId;

    private static string Json(IEnumerable<PropertyEntry> properties, Func<PropertyEntry, object?> value) =>
        JsonSerializer.Serialize(
            properties.Where(p => !Hidden.Contains(p.Metadata.Name) && p.Metadata.ClrType != typeof(byte[]))
                .ToDictionary(p => p.Metadata.Name, value),
            JsonOptions);

    // Enums by name ("Status":"Submitted"): the log is read by people, long after the numbers meant anything.
    private static readonly JsonSerializerOptions JsonOptions = new()
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() },
    };
}

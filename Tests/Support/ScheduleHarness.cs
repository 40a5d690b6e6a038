using HighServiceDashboard.Domain.Agencies;
using HighServiceDashboard.Domain.Schedule;
using HighServiceDashboard.Infrastructure.Jobs;
using HighServiceDashboard.Infrastructure.Mail;
using HighServiceDashboard.Infrastructure.Schedule;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using MimeKit;

namespace HighServiceDashboard.Tests.Support;

/// <summary>
/// The schedule's services over a <see cref="TestDatabase"/> with its fake clock and a mail sender
/// that keeps what it was given (or fails while told to).
/// </summary>
public sealed class ScheduleHarness : IAsyncDisposable
{
    private ScheduleHarness(TestDatabase database, IMailSender? sender)
    {
        Database = database;
        var mail = Options.Create(new MailOptions { CommissionAddress = "commission@test.invalid", DashboardUrl = "http://dashboard.test" });
        var scheduleOptions = Options.Create(new ScheduleOptions());
        Mail = new RecordingMailSender();
        Schedule = new ScheduleService(database.Factory, new MilestoneInputValidator());
        Obligations = new ObligationService(database.Factory, database.Clock);
        Queries = new ObligationQueries(database.Factory);
        Contacts = new ContactBook(database.Factory, mail, new HighServiceDashboard.Infrastructure.Identity.AccessService(database.Factory));
        Notifier = new AlertNotifier();
        Alerts = new AlertService(database.Factory, Notifier, database.Clock);
        Composer = new AlertMailComposer(mail);
        Evaluator = new AlertEvaluator(database.Factory, Contacts, database.Clock, scheduleOptions);
        Delivery = new AlertDeliveryService(database.Factory, sender ?? Mail, Composer, database.Clock, NullLogger<AlertDeliveryService>.Instance);
        Job = new DailyScheduleJob(Obligations, Evaluator, Delivery, Notifier, database.Clock, NullLogger<DailyScheduleJob>.Instance);
    }

    public TestDatabase Database { get; }

    public RecordingMailSender Mail { get; }

    public ScheduleService Schedule { get; }

    public ObligationService Obligations { get; }

    public ObligationQueries Queries { get; }

    public ContactBook Contacts { get; }

    /// <summary>The commission's administrator, who may set any agency's contacts.</summary>
    public static HighServiceDashboard.Domain.Access.Principal Admin { get; } = new("admin", HighServiceDashboard.Domain.Access.Role.CommissionAdmin, 1);

    public AlertNotifier Notifier { get; }

    public AlertService Alerts { get; }

    public AlertMailComposer Composer { get; }

    public AlertEvaluator Evaluator { get; }

    public AlertDeliveryService Delivery { get; }

    public DailyScheduleJob Job { get; }

    public static async Task<ScheduleHarness> CreateAsync(IMailSender? sender = null) => new(await TestDatabase.CreateAsync(), sender);

    /// <summary>Retires every agency but the named ones (before 2000), so that a test follows a few agencies.</summary>
    public async Task KeepOnlyAsync(params string[] names)
    {
        await using var db = Database.Open();
        await db.Agencies.Where(a => a.Level != AgencyLevel.City && !names.Contains(a.Name))
            .ExecuteUpdateAsync(s => s.SetProperty(a => a.RetiredOn, new DateOnly(1999, 12, 31)));
    }

    public async Task<int> IdOfAsync(string name)
    {
        await using var db = Database.Open();
        return await db.Agencies.Where(a => a.Name == name).Select(a => a.Id).SingleAsync();
    }

    public async Task<Obligation> ObligationAsync(string agency, int rocYear, string key)
    {
        var id = await IdOfAsync(agency);
        await using var db = Database.Open();
        return await db.Obligations.SingleAsync(o => o.AgencyId == id && o.RocYear == rocYear && o.Key == key);
    }

    /// <summary>Every alert raised so far: (agency, year, obligation key, kind, day), in the order raised.</summary>
    public async Task<List<(string Agency, int Year, string Key, AlertKind Kind, DateOnly On)>> AllAlertsAsync()
    {
        await using var db = Database.Open();
        var rows = await db.Alerts.OrderBy(a => a.Id)
            .Select(a => new { a.Obligation!.Agency!.Name, a.Obligation.RocYear, a.Obligation.Key, a.Kind, a.RaisedOn })
            .ToListAsync();
        return rows.Select(r => (r.Name, r.RocYear, r.Key, r.Kind, r.RaisedOn)).ToList();
    }

    public async ValueTask DisposeAsync() => await Database.DisposeAsync();
}

/// <summary>Keeps every message it is given; throws instead while <see cref="FailNext"/> is above zero.</summary>
public sealed class RecordingMailSender : IMailSender
{
    public List<MimeMessage> Sent { get; } = [];

    public int FailNext { get; set; }

    public Task SendAsync(MimeMessage message, CancellationToken ct = default)
    {
        if (FailNext > 0)
        {
            FailNext--;
            throw new IOException("SMTP server not reachable (test)");
        }

        Sent.Add(message);
        return Task.CompletedTask;
    }
}

using HighServiceDashboard.Domain.Access;
using HighServiceDashboard.Domain.Agencies;
using HighServiceDashboard.Domain.Schedule;
using HighServiceDashboard.Infrastructure.Identity;
using HighServiceDashboard.Infrastructure.Mail;
using HighServiceDashboard.Infrastructure.Schedule;
using HighServiceDashboard.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace HighServiceDashboard.Tests.Infrastructure;

/// <summary>
/// The contact book and the calendar feeds check the acting person themselves: who saves an
/// agency's contacts, and for which agencies and addresses a feed token is handed out.
/// </summary>
public class ScheduleAccessTests : IAsyncLifetime
{
    private const string Bureau = "高雄市政府財政局", Pawnshop = "高雄市政府財政局動產質借所", Works = "高雄市政府工務局";

    private ScheduleHarness _h = default!;
    private CalendarFeedService _feeds = default!;
    private readonly Dictionary<string, int> _ids = [];

    public async Task InitializeAsync()
    {
        _h = await ScheduleHarness.CreateAsync();
        _feeds = new CalendarFeedService(_h.Database.Factory, _h.Queries, _h.Database.Clock, Options.Create(new MailOptions()), new AccessService(_h.Database.Factory));
        foreach (var name in new[] { Bureau, Pawnshop, Works })
        {
            _ids[name] = await _h.IdOfAsync(name);
        }
    }

    public async Task DisposeAsync() => await _h.DisposeAsync();

    private Principal As(string user, Role role, string agency) => new(user, role, _ids[agency]);

    /// <summary>Saving the Public Pawnshop's contacts: its own head and coordinator and the administrator; its parent's head and the commission's reviewer only read it.</summary>
    [Theory]
    [InlineData("admin", Role.CommissionAdmin, null, null)]
    [InlineData("pawnshop.coordinator", Role.AgencyCoordinator, Pawnshop, null)]
    [InlineData("pawnshop.head", Role.AgencyHead, Pawnshop, null)]
    [InlineData("reviewer", Role.CommissionReviewer, null, AgencyMessages.Forbidden)]
    [InlineData("finance.head", Role.AgencyHead, Bureau, AgencyMessages.Forbidden)]
    [InlineData("finance.coordinator", Role.AgencyCoordinator, Bureau, AgencyMessages.Forbidden)]
    [InlineData("pawnshop.staff", Role.UnitStaff, Pawnshop, AgencyMessages.Forbidden)]
    [InlineData("works.coordinator", Role.AgencyCoordinator, Works, AgencyMessages.NotFound)]
    public async Task SetAsync_ByRole_OnlyTheAgencysOwnHeadCoordinatorOrAdministrator(string user, Role role, string? agency, string? refusal)
    {
        var who = new Principal(user, role, agency is null ? 1 : _ids[agency]);

        var result = await _h.Contacts.SetAsync(who, _ids[Pawnshop], ContactRole.Coordinator, "someone@pawnshop.test");

        Assert.Equal(refusal is null ? [] : [refusal], result.Errors);
        Assert.Equal(refusal is null ? "someone@pawnshop.test" : null, (await _h.Contacts.GetAsync(_ids[Pawnshop])).GetValueOrDefault(ContactRole.Coordinator));
    }

    [Fact]
    public async Task SetAsync_NobodySignedIn_IsRefused()
    {
        var result = await _h.Contacts.SetAsync(null, _ids[Pawnshop], ContactRole.Head, "someone@pawnshop.test");

        Assert.Equal([AgencyMessages.NotFound], result.Errors);
    }

    [Fact]
    public async Task GetAgencyTokenAsync_AgencyOutsideWhatThePersonReads_IsNotFound()
    {
        var staff = As("finance.staff", Role.UnitStaff, Bureau);
        var head = As("finance.head", Role.AgencyHead, Bureau);

        Assert.Null(await _feeds.GetAgencyTokenAsync(staff, _ids[Pawnshop]));
        Assert.Null(await _feeds.GetAgencyTokenAsync(head, _ids[Works]));
        Assert.Null(await _feeds.GetAgencyTokenAsync(null, _ids[Bureau]));
        Assert.NotNull(await _feeds.GetAgencyTokenAsync(head, _ids[Pawnshop]));
        Assert.NotNull(await _feeds.GetAgencyTokenAsync(staff, _ids[Bureau]));
    }

    [Fact]
    public async Task GetPersonalTokenAsync_TypedAddress_IsRefusedAndOnlySavedContactsOfReadAgenciesGetOne()
    {
        await _h.Contacts.SetAsync(ScheduleHarness.Admin, _ids[Works], ContactRole.Coordinator, "works@works.test");
        await _h.Contacts.SetAsync(ScheduleHarness.Admin, _ids[Pawnshop], ContactRole.Coordinator, "Pawnshop@Pawnshop.test");
        var head = As("finance.head", Role.AgencyHead, Bureau);

        Assert.Null(await _feeds.GetPersonalTokenAsync(head, "anyone@typed.test"));
        Assert.Null(await _feeds.GetPersonalTokenAsync(head, "works@works.test"));
        Assert.Null(await _feeds.GetPersonalTokenAsync(null, "pawnshop@pawnshop.test"));
        Assert.NotNull(await _feeds.GetPersonalTokenAsync(head, " pawnshop@PAWNSHOP.test "));
        await using var db = _h.Database.Open();
        Assert.Equal(["pawnshop@pawnshop.test"], await db.CalendarFeeds.Where(f => f.Email != null).Select(f => f.Email!).ToListAsync());
    }

    [Fact]
    public async Task RevokeOwnTokenAsync_OwnFeed_IsGoneAndItsCalendarNotFound()
    {
        await AddAccountAsync("finance.staff", "Staff@Finance.test", Bureau);
        var staff = As("finance.staff", Role.UnitStaff, Bureau);
        var other = As("finance.head", Role.AgencyHead, Bureau);
        var token = await _feeds.GetPersonalTokenAsync(staff, "staff@finance.test");
        Assert.NotNull(token);
        Assert.NotNull(await _feeds.RenderAsync(token!));

        Assert.False(await _feeds.RevokeOwnTokenAsync(other));
        Assert.NotNull(await _feeds.RenderAsync(token!));
        Assert.True(await _feeds.RevokeOwnTokenAsync(staff));

        Assert.Null(await _feeds.RenderAsync(token!));
        Assert.False(await _feeds.RevokeOwnTokenAsync(staff));
        var renewed = await _feeds.GetPersonalTokenAsync(staff, "staff@finance.test");
        Assert.NotEqual(token, renewed);
    }

    private async Task AddAccountAsync(string userName, string email, string agency)
    {
        await using var db = _h.Database.Open();
        db.Users.Add(new AppUser { UserName = userName, NormalizedUserName = userName.ToUpperInvariant(), Email = email, NormalizedEmail = email.ToUpperInvariant(), Role = Role.UnitStaff, AgencyId = _ids[agency], DisplayName = userName });
        await db.SaveChangesAsync();
    }
}

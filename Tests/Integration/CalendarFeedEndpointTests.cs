using System.Net;
using HighServiceDashboard.Infrastructure.Schedule;
using HighServiceDashboard.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace HighServiceDashboard.Tests.Integration;

public class CalendarFeedEndpointTests : IAsyncLifetime
{
    private readonly DashboardFactory _factory = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _factory.DisposeAsync();

    [Fact]
    public async Task GetCalendar_KnownToken_ServesTheAgencyDeadlinesAsICalendar()
    {
        var client = _factory.CreateClient();
        await _factory.Services.GetRequiredService<ObligationService>().SyncYearAsync(113);
        var token = await _factory.Services.GetRequiredService<CalendarFeedService>().GetAgencyTokenAsync(ScheduleHarness.Admin, 3);

        var response = await client.GetAsync($"/calendar/{token}.ics");
        var unknown = await client.GetAsync("/calendar/0123456789abcdef.ics");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/calendar", response.Content.Headers.ContentType?.MediaType);
        var ics = await response.Content.ReadAsStringAsync();
        Assert.StartsWith("BEGIN:VCALENDAR", ics);
        Assert.Contains("DTSTART;VALUE=DATE:20240430", ics);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }

    [Fact]
    public async Task GetHangfire_JobsDisabled_IsNotMounted()
    {
        var response = await _factory.CreateClient().GetAsync("/hangfire");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}

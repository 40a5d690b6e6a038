using HighServiceDashboard.App.Components.Pages;
using HighServiceDashboard.App.Components.Pages.Account;
using HighServiceDashboard.App.Components.Pages.Admin;
using HighServiceDashboard.App.Components.Pages.Agencies;
using HighServiceDashboard.App.Components.Pages.Alerts;
using HighServiceDashboard.App.Components.Pages.Coverage;
using HighServiceDashboard.App.Components.Pages.Frameworks;
using HighServiceDashboard.App.Components.Pages.PhoneTests;
using HighServiceDashboard.App.Components.Pages.Plans;
using HighServiceDashboard.App.Components.Pages.Results;
using HighServiceDashboard.App.Components.Pages.Schedule;
using HighServiceDashboard.App.Components.Pages.Years;

namespace HighServiceDashboard.App.Components;

/// <summary>
/// One routable page: its route template as written in <c>@page</c>, the component, and a concrete
/// address to visit it at. <see cref="SamplePath"/> may hold <c>{agency:NAME}</c>, which the browser
/// tests replace with the id of the seeded agency of that name, <c>{plan:AGENCY}</c> (that agency's
/// first plan) and <c>{followup:AGENCY}</c> (that agency's first phone-test follow-up).
/// </summary>
public sealed record PageEntry(string Template, Type Component, string SamplePath);

/// <summary>
/// Every routable page of the dashboard. The accessibility tests visit each entry in both themes and
/// both languages, and a test fails when a <c>@page</c> route is missing here (or listed but gone):
/// a new page is added to this list in the same change that adds its route.
/// </summary>
public static class PageCatalog
{
    public static IReadOnlyList<PageEntry> Pages { get; } =
    [
        new("/", typeof(Home), "/"),
        new("/frameworks", typeof(FrameworkBrowser), "/frameworks"),
        // refine, not leap: without a key the page shows the selected year's framework (leap in 113),
        // and two entries that show the same thing would tell the tests nothing more.
        new("/frameworks/{Key}", typeof(FrameworkBrowser), "/frameworks/refine"),
        new("/agencies", typeof(AgencyTreePage), "/agencies"),
        new("/agencies/{Id:int}", typeof(AgencyTreePage), "/agencies/{agency:高雄市政府財政局}"),
        new("/years", typeof(ProgrammeYears), "/years"),
        new("/plans", typeof(PlanList), "/plans"),
        new("/plans/import", typeof(PlanImport), "/plans/import"),
        new("/plans/{Id:int}", typeof(PlanPage), "/plans/{plan:高雄市政府財政局動產質借所}"),
        new("/plans/{Id:int}/edit", typeof(PlanEditor), "/plans/{plan:高雄市政府財政局動產質借所}/edit"),
        new("/coverage", typeof(CoverageHeatmap), "/coverage"),
        new("/coverage/agencies/{Id:int}", typeof(AgencyCoveragePage), "/coverage/agencies/{agency:高雄市政府財政局}"),
        new("/coverage/pillars/{Code}", typeof(PillarCoveragePage), "/coverage/pillars/3"),
        new("/coverage/compare", typeof(CoverageCompare), "/coverage/compare"),
        new("/schedule", typeof(ScheduleTimeline), "/schedule"),
        new("/schedule/edit", typeof(ScheduleEditor), "/schedule/edit"),
        new("/schedule/agencies", typeof(AgencySchedule), "/schedule/agencies"),
        new("/schedule/agencies/{Id:int}", typeof(AgencySchedule), "/schedule/agencies/{agency:高雄市政府財政局}"),
        new("/alerts", typeof(AlertsPage), "/alerts"),
        new("/account/login", typeof(Login), "/account/login?error=invalid&user=admin"),
        new("/account/password", typeof(ChangePassword), "/account/password?error=rules"),
        new("/admin/accounts", typeof(AccountsPage), "/admin/accounts"),
        new("/audit", typeof(AuditLogPage), "/audit"),
        new("/phone-tests", typeof(PhoneTestResults), "/phone-tests"),
        new("/phone-tests/new", typeof(PhoneTestEntry), "/phone-tests/new"),
        new("/phone-tests/import", typeof(PhoneTestImport), "/phone-tests/import"),
        new("/phone-tests/rubric", typeof(PhoneRubricEditor), "/phone-tests/rubric"),
        new("/phone-tests/agencies/{Id:int}", typeof(PhoneTestAgency), "/phone-tests/agencies/{agency:高雄市政府財政局}"),
        new("/phone-tests/follow-ups/{Id:int}", typeof(PhoneFollowUpPage), "/phone-tests/follow-ups/{followup:高雄市稅捐稽徵處}"),
        new("/results", typeof(ResultsList), "/results?year=113"),
        new("/results/agencies/{Id:int}", typeof(ResultsPage), "/results/agencies/{agency:高雄市政府財政局}?year=113"),
        new("/not-found", typeof(NotFound), "/not-found"),
        new("/Error", typeof(Error), "/Error"),
    ];
}

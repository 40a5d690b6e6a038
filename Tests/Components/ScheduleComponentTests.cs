using Bunit;
using HighServiceDashboard.App.Components.Pages.Schedule;
using HighServiceDashboard.Domain.Schedule;
using HighServiceDashboard.Infrastructure.Mail;
using HighServiceDashboard.Infrastructure.Schedule;
using HighServiceDashboard.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace HighServiceDashboard.Tests.Components;

public class ScheduleComponentTests : BunitTestBase
{
    protected override void RegisterServices(IServiceCollection services)
    {
        services.AddOptions<MailOptions>();
        services.AddSingleton<FluentValidation.IValidator<MilestoneInput>, MilestoneInputValidator>();
        services.AddSingleton<FluentValidation.IValidator<WaiveInput>, WaiveInputValidator>();
        services.AddSingleton<ScheduleService>();
        services.AddSingleton<ObligationService>();
        services.AddSingleton<ObligationQueries>();
        services.AddSingleton<ContactBook>();
        services.AddSingleton<CalendarFeedService>();
    }

    [Fact]
    public void Timeline_TwoDaysAfterPlanDeadline_CountsEveryAgencyLateAndListsThem()
    {
        Database.Clock.SetUtcNow(new DateTimeOffset(2024, 5, 2, 9, 0, 0, TimeSpan.FromHours(8)));

        var page = Context.Render<ScheduleTimeline>();

        page.WaitForAssertion(() => Assert.Equal("逾期 91", page.Find("[data-testid=milestone-plans] [data-testid=count-late]").TextContent.Trim()));
        Assert.Equal("已完成 0", page.Find("[data-testid=milestone-plans] [data-testid=count-done]").TextContent.Trim());
        Assert.Equal("辦理中 91", page.Find("[data-testid=milestone-phone-1] [data-testid=count-open]").TextContent.Trim());
        Assert.Equal("尚未開始 91", page.Find("[data-testid=milestone-phone-2] [data-testid=count-not-yet-open]").TextContent.Trim());
        Assert.Empty(page.FindAll("[data-testid=milestone-phone-1] [data-testid=count-not-yet-open]"));
        Assert.Contains("高雄市稅捐稽徵處 — 逾期 2 日", page.Find("[data-testid=milestone-plans] [data-testid=late-list]").TextContent);
        Assert.Equal("今日：113/05/02", page.Find("[data-testid=today]").TextContent);
        Assert.Equal(13, page.FindAll("tr[data-testid^=milestone-]").Count);
    }

    [Fact]
    public async Task AgencyView_WaiveWithReason_ShowsWaivedAndTheReason()
    {
        int pawnshop;
        await using (var db = Database.Open())
        {
            pawnshop = db.Agencies.Single(a => a.Name == "高雄市政府財政局動產質借所").Id;
        }

        Database.Clock.SetUtcNow(new DateTimeOffset(2024, 5, 2, 9, 0, 0, TimeSpan.FromHours(8)));
        Context.Render<MudPopoverProvider>();
        var page = Context.Render<AgencySchedule>(p => p.Add(x => x.Id, pawnshop));
        page.WaitForAssertion(() => Assert.Equal("Late", page.Find("tr[data-testid^=obligation-]").GetAttribute("data-state")));
        var plan = page.FindAll("tr[data-testid^=obligation-]").First(r => r.TextContent.Contains("提送113年度提升服務工作計畫"));
        var id = plan.GetAttribute("data-testid")!["obligation-".Length..];

        page.Find($"[data-testid=waive-{id}]").Click();
        page.Find("[data-testid=settle-confirm]").Click();
        page.WaitForAssertion(() => Assert.Contains("請說明免辦理由。", page.Find("[data-testid=settle-panel]").TextContent));
        page.Find("[data-testid=settle-panel] textarea").Change("本所業務併入財政局辦理");
        page.Find("[data-testid=settle-confirm]").Click();

        page.WaitForAssertion(() =>
        {
            var row = page.Find($"tr[data-testid=obligation-{id}]");
            Assert.Equal(nameof(ObligationState.Waived), row.GetAttribute("data-state"));
            Assert.Contains("免辦", row.TextContent);
            Assert.Contains("本所業務併入財政局辦理", row.TextContent);
        });
    }
}

using HighServiceDashboard.Domain.Plans;
using HighServiceDashboard.Domain.Results;
using HighServiceDashboard.Infrastructure;
using HighServiceDashboard.Infrastructure.Plans;
using HighServiceDashboard.Infrastructure.Results;
using Microsoft.Extensions.Options;

namespace HighServiceDashboard.Tests.Support;

/// <summary>
/// The results services over a <see cref="ScheduleHarness"/> that follows the Finance Bureau and its
/// two subordinates only, with a plan of 113 for each and attachments kept in the test's folder.
/// </summary>
public sealed class ResultsHarness : IAsyncDisposable
{
    public const string Bureau = "高雄市政府財政局";
    public const string TaxOffice = "高雄市稅捐稽徵處";
    public const string Pawnshop = "高雄市政府財政局動產質借所";

    private ResultsHarness(ScheduleHarness schedule, ResultsOptions options)
    {
        Schedule = schedule;
        Files = new ResultsFileStore(Path.Combine(schedule.Database.Folder, "results"));
        Service = new ResultsService(schedule.Database.Factory, schedule.Database.Clock, schedule.Obligations, Files, Options.Create(options));
        Queries = new ResultsQueries(schedule.Database.Factory, Files);
        Plans = new PlanService(schedule.Database.Factory, schedule.Database.Clock, schedule.Obligations);
    }

    public ScheduleHarness Schedule { get; }

    public ResultsFileStore Files { get; }

    public ResultsService Service { get; }

    public ResultsQueries Queries { get; }

    public PlanService Plans { get; }

    /// <summary>The three agencies, each with a plan of 113 covering 1.1 (by 秘書室) and 2.1 (by every unit).</summary>
    public static async Task<ResultsHarness> CreateAsync(ResultsOptions? options = null)
    {
        var schedule = await ScheduleHarness.CreateAsync();
        await schedule.KeepOnlyAsync(Bureau, TaxOffice, Pawnshop);
        var harness = new ResultsHarness(schedule, options ?? new ResultsOptions());
        foreach (var agency in new[] { Bureau, TaxOffice, Pawnshop })
        {
            var content = new PlanContentInput
            {
                Title = $"{agency}113年度提升服務計畫",
                FocusPoints =
                [
                    new FocusPointInput { SubItemCode = "1.1", Title = "檢討作業流程", UnitNames = ["秘書室"] },
                    new FocusPointInput { SubItemCode = "2.1", Title = "提升服務品質", UnitNames = ["各科室"], AllUnits = true },
                ],
            };
            var stored = await harness.Plans.StoreDraftAsync(await schedule.IdOfAsync(agency), 113, content, null, replace: false, "fixture");
            if (!stored.Succeeded)
            {
                throw new InvalidOperationException(string.Join(", ", stored.Errors));
            }
        }

        return harness;
    }

    public Task<int> IdOfAsync(string agency) => Schedule.IdOfAsync(agency);

    /// <summary>The agency's results of 113 as the pages read them.</summary>
    public async Task<ResultsView> ViewAsync(string agency) => (await Queries.GetAsync(await IdOfAsync(agency), 113))!;

    /// <summary>Writes both sub-items and the summary over the current version.</summary>
    public async Task<CommandResult> FillAsync(string agency, string by, string text = "已完成")
    {
        var view = await ViewAsync(agency);
        return await Service.SaveAsync(view.AgencyId, 113, view.Version, new ResultsContentInput
        {
            Summary = $"{agency}總結",
            Items = new() { ["1.1"] = $"{text}：流程檢討", ["2.1"] = $"{text}：服務品質" },
        }, by);
    }

    public async Task<CommandResult> ActAsync(string agency, ResultsAction action, string by, string? comment = null)
    {
        var view = await ViewAsync(agency);
        return await Service.ChangeStatusAsync(view.AgencyId, 113, view.Version, action, comment, by);
    }

    public ValueTask DisposeAsync() => Schedule.DisposeAsync();
}

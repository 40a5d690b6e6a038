using HighServiceDashboard.Domain.PhoneTests;
using HighServiceDashboard.Infrastructure.PhoneTests;
using Microsoft.Extensions.Options;

namespace HighServiceDashboard.Tests.Support;

/// <summary>The phone-test services over a <see cref="ScheduleHarness"/> (its database, clock and obligations).</summary>
public sealed class PhoneTestHarness : IAsyncDisposable
{
    private PhoneTestHarness(ScheduleHarness schedule)
    {
        Schedule = schedule;
        Rubrics = new PhoneRubricService(schedule.Database.Factory, schedule.Database.Clock);
        Tests = new PhoneTestService(schedule.Database.Factory, Rubrics, schedule.Obligations, Options.Create(new PhoneTestOptions()), schedule.Database.Clock);
        Queries = new PhoneTestQueries(schedule.Database.Factory);
    }

    public ScheduleHarness Schedule { get; }

    public PhoneRubricService Rubrics { get; }

    public PhoneTestService Tests { get; }

    public PhoneTestQueries Queries { get; }

    /// <summary>A harness following only the named agencies (the others retired), so that syncing a year stays small.</summary>
    public static async Task<PhoneTestHarness> CreateAsync(params string[] agencies)
    {
        var schedule = await ScheduleHarness.CreateAsync();
        if (agencies.Length > 0)
        {
            await schedule.KeepOnlyAsync(agencies);
        }

        return new PhoneTestHarness(schedule);
    }

    /// <summary>An entry of the first round of 113 with the given points per item in the rubric's order.</summary>
    public async Task<PhoneTestInput> EntryAsync(string agency, params int[] points)
    {
        var rubric = await Rubrics.GetCurrentAsync(113, PhoneTestRound.FirstHalf);
        var input = PhoneTestInput.For(rubric);
        input.AgencyId = await Schedule.IdOfAsync(agency);
        input.DateText = "113/03/12";
        input.TimeText = "10:30";
        input.UnitName = "稅務管理科";
        input.Number = "07-3373000#3201";
        input.Tester = "王小明";
        for (var i = 0; i < points.Length; i++)
        {
            input.Scores[i].Points = points[i];
        }

        return input;
    }

    public ValueTask DisposeAsync() => Schedule.DisposeAsync();
}

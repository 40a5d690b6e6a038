using HighServiceDashboard.Domain.Calendar;
using HighServiceDashboard.Domain.PhoneTests;
using HighServiceDashboard.Domain.Schedule;
using HighServiceDashboard.Infrastructure.Data;
using HighServiceDashboard.Infrastructure.Schedule;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace HighServiceDashboard.Infrastructure.PhoneTests;

/// <summary>What a bulk entry did: how many rows it read, how many tests it stored (0 when any row was refused), and why each refused row was.</summary>
public sealed record PhoneImportReport(int Rows, int Stored, IReadOnlyList<ImportProblem> Problems)
{
    public bool Succeeded => Problems.Count == 0 && Stored > 0;
}

/// <summary>
/// Records phone courtesy tests, one from the entry form or many from a spreadsheet, all or
/// nothing: each is scored against its rubric (a new test: the round's current one; an edited
/// test: the one it was scored with); a call that needs it opens one follow-up for its agency, an
/// obligation of the schedule due <see cref="PhoneTestOptions.FollowUpDays"/> days later; and the
/// test settles its agency's obligation of the round (phone-1, phone-2). Saving the same test
/// again opens nothing new. The agency's answer to a follow-up settles that follow-up's obligation.
/// </summary>
public sealed class PhoneTestService(
    IDbContextFactory<AppDbContext> contextFactory,
    PhoneRubricService rubrics,
    ObligationService obligations,
    IOptions<PhoneTestOptions> options,
    TimeProvider clock)
{
    /// <summary>Saves one test (a new one when <see cref="PhoneTestInput.Id"/> is null). Errors are resource keys.</summary>
    public async Task<CommandResult> SaveAsync(PhoneTestInput input, string? by, CancellationToken ct = default)
    {
        var (ids, problems) = await StoreAsync([(1, input)], by, ct);
        return problems.Count == 0 ? CommandResult.Ok(ids[0]) : CommandResult.Fail(problems.Select(p => p.Message).Distinct().ToArray());
    }

    /// <summary>
    /// Stores every row of a filled spreadsheet for the year and round, or, when any row is refused,
    /// none, with a line-by-line report of why.
    /// </summary>
    public async Task<PhoneImportReport> ImportAsync(int rocYear, PhoneTestRound round, byte[] content, string fileName, string? by, CancellationToken ct = default)
    {
        if (!fileName.EndsWith(".xlsx", StringComparison.OrdinalIgnoreCase) && !fileName.EndsWith(".csv", StringComparison.OrdinalIgnoreCase))
        {
            return new(0, 0, [new ImportProblem(0, "", PhoneImportMessages.WrongType)]);
        }

        var rubric = await rubrics.GetCurrentAsync(rocYear, round, ct);
        var faults = await rubrics.GetFaultsAsync(ct: ct);
        Dictionary<string, int> agencyIds;
        await using (var db = await contextFactory.CreateDbContextAsync(ct))
        {
            var agencies = await db.Agencies.AsNoTracking().Select(a => new { a.Id, a.Name, a.NameEn }).ToListAsync(ct);
            agencyIds = agencies.Select(a => (a.Name, a.Id))
                .Concat(agencies.Where(a => a.NameEn != null).Select(a => (a.NameEn!, a.Id)))
                .DistinctBy(p => p.Item1, StringComparer.OrdinalIgnoreCase)
                .ToDictionary(p => p.Item1, p => p.Id, StringComparer.OrdinalIgnoreCase);
        }

        var (rows, readProblems) = PhoneTestSpreadsheet.Read(content, fileName, rubric, faults, agencyIds);
        if (rows.Count == 0)
        {
            return new(0, 0, readProblems.Count > 0 ? readProblems : [new ImportProblem(0, "", PhoneImportMessages.NoRows)]);
        }

        foreach (var (_, input) in rows)
        {
            input.RocYear = rocYear;
            input.Round = round;
        }

        var (ids, ruleProblems) = await StoreAsync(rows, by, ct, storeUnless: readProblems.Count > 0);
        // A cell that could not be read says so once, not again as the rule it then breaks.
        var read = readProblems.Select(p => (p.Line, p.Column)).ToHashSet();
        var problems = readProblems.Concat(ruleProblems.Where(p => !read.Contains((p.Line, p.Column))))
            .OrderBy(p => p.Line).ToList();
        return new(rows.Count, ids.Count, problems);
    }

    private async Task<(IReadOnlyList<int> Ids, IReadOnlyList<ImportProblem> Problems)> StoreAsync(
        IReadOnlyList<(int Line, PhoneTestInput Input)> rows, string? by, CancellationToken ct, bool storeUnless = false)
    {
        var faults = await rubrics.GetFaultsAsync(includeRetired: true, ct);
        var faultIds = faults.ToDictionary(f => f.Code, f => f.Id);
        var activeCodes = faults.Where(f => !f.IsRetired).Select(f => f.Code).ToHashSet();
        var problems = new List<ImportProblem>();
        var rubricsByRound = new Dictionary<(int, PhoneTestRound), PhoneRubric>();
        var planned = new List<(PhoneTestInput Input, PhoneRubric Rubric)>();

        await using var db = await contextFactory.CreateDbContextAsync(ct);
        var agencyIds = (await db.Agencies.Select(a => a.Id).ToListAsync(ct)).ToHashSet();
        foreach (var (line, input) in rows)
        {
            PhoneRubric rubric;
            var codes = activeCodes;
            if (input.Id is { } id)
            {
                var existing = await db.PhoneTests.AsNoTracking().Include(t => t.Rubric!).ThenInclude(r => r.Items).Include(t => t.Faults).ThenInclude(f => f.Fault)
                    .SingleOrDefaultAsync(t => t.Id == id, ct);
                if (existing is null)
                {
                    problems.Add(new(line, "", PhoneTestMessages.NotFound));
                    continue;
                }

                // An edited test stays in its round and keeps its rubric and the faults it had, retired or not.
                rubric = existing.Rubric!;
                input.Round = existing.Round;
                input.RocYear = existing.RocYear;
                codes = [.. activeCodes, .. existing.Faults.Select(f => f.Fault!.Code)];
            }
            else if (!rubricsByRound.TryGetValue((input.RocYear, input.Round), out rubric!))
            {
                rubric = rubricsByRound[(input.RocYear, input.Round)] = await rubrics.GetCurrentAsync(input.RocYear, input.Round, ct);
            }

            var check = await new PhoneTestInputValidator(rubric, codes).ValidateAsync(input, ct);
            problems.AddRange(check.Errors.Select(e => new ImportProblem(line, PhoneTestSpreadsheet.ColumnOf(e.PropertyName, rubric), e.ErrorMessage)));
            if (input.AgencyId is { } agencyId && !agencyIds.Contains(agencyId))
            {
                problems.Add(new(line, PhoneTestSpreadsheet.AgencyColumn, PhoneTestMessages.AgencyUnknown));
            }

            planned.Add((input, rubric));
        }

        if (problems.Count > 0 || storeUnless)
        {
            return ([], problems);
        }

        var now = clock.GetUtcNow();
        var today = clock.Today();
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var tests = new List<PhoneTest>();
        foreach (var (input, rubric) in planned)
        {
            var test = input.Id is { } id
                ? await db.PhoneTests.Include(t => t.Scores).Include(t => t.Faults).Include(t => t.FollowUp).SingleAsync(t => t.Id == id, ct)
                : db.PhoneTests.Add(new PhoneTest { Number = "", Tester = "", RocYear = input.RocYear, Round = input.Round, RubricId = rubric.Id, RecordedAt = now, RecordedBy = by }).Entity;
            test.CalledAt = input.CalledAt()!.Value;
            test.AgencyId = input.AgencyId!.Value;
            test.UnitName = Trimmed(input.UnitName);
            test.Number = input.Number.Trim();
            test.Tester = input.Tester.Trim();
            test.Notes = Trimmed(input.Notes);
            var itemIds = rubric.Items.ToDictionary(i => i.Key, i => i.Id);
            test.Scores.Clear();
            test.Scores.AddRange(input.Scores.Select(s => new PhoneTestScore { RubricItemId = itemIds[s.ItemKey], Points = s.Points!.Value }));
            test.Faults.Clear();
            test.Faults.AddRange(input.FaultCodes.Distinct().Select(c => new PhoneTestFault { PhoneFaultId = faultIds[c] }));
            test.Score(rubric);
            tests.Add(test);
        }

        await db.SaveChangesAsync(ct);
        foreach (var (test, rubric) in tests.Zip(planned.Select(p => p.Rubric)))
        {
            await SyncFollowUpAsync(db, test, rubric.NeedsFollowUp(test.Total), today, ct);
        }

        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);

        // The round's obligation is derived state: settled after the tests are safely stored, and again harmlessly on the next save.
        foreach (var year in tests.GroupBy(t => t.RocYear))
        {
            await obligations.FulfilByKeyAsync(year.Key, year
                .Where(t => RoundKey(t.Round) is not null)
                .Select(t => new KeyedFulfilment(t.AgencyId, RoundKey(t.Round)!, Evidence(t), t.RecordedAt, by))
                .ToList(), ct);
        }

        // An agency's own round settles the phone tests its plan commits to (每季…電話禮貌測試) for that quarter.
        foreach (var test in tests.Where(t => t.Round == PhoneTestRound.AgencyQuarterly))
        {
            await obligations.FulfilCommitmentsAsync(test.AgencyId, TaipeiDay(test.CalledAt), CommitmentPlanner.IsPhoneTest, Evidence(test), test.RecordedAt, by, ct);
        }

        return (tests.Select(t => t.Id).ToList(), []);
    }

    /// <summary>One follow-up per call that needs it; a call re-scored so that it no longer does withdraws its unanswered one.</summary>
    private async Task SyncFollowUpAsync(AppDbContext db, PhoneTest test, bool needed, DateOnly today, CancellationToken ct)
    {
        var key = PhoneFollowUp.ObligationKey(test.Id);
        if (test.FollowUp is { IsAnswered: false } stale && (!needed || stale.AgencyId != test.AgencyId))
        {
            db.PhoneFollowUps.Remove(stale);
            test.FollowUp = null;
            var obligation = await db.Obligations.SingleOrDefaultAsync(o => o.AgencyId == stale.AgencyId && o.RocYear == test.RocYear && o.Key == key, ct);
            if (obligation is { Resolution: ObligationResolution.Pending })
            {
                db.Obligations.Remove(obligation);
            }
        }

        if (!needed || test.FollowUp is not null)
        {
            return;
        }

        var due = today.AddDays(options.Value.FollowUpDays);
        test.FollowUp = new PhoneFollowUp { PhoneTestId = test.Id, AgencyId = test.AgencyId, OpenedOn = today, DueOn = due };
        var day = TaipeiDay(test.CalledAt);
        var title = $"電話禮貌測試改善：{RocCalendar.FormatDate(day)} {test.UnitName ?? "總機"}（{test.Total}分）";
        var existing = await db.Obligations.SingleOrDefaultAsync(o => o.AgencyId == test.AgencyId && o.RocYear == test.RocYear && o.Key == key, ct);
        if (existing is null)
        {
            db.Obligations.Add(new Obligation
            {
                AgencyId = test.AgencyId,
                RocYear = test.RocYear,
                Key = key,
                Kind = ObligationKind.PhoneTestFollowUp,
                Title = title.Length > 300 ? title[..300] : title,
                UnitName = test.UnitName,
                OpensOn = today,
                DueOn = due,
            });
        }
        else if (existing.Resolution == ObligationResolution.Pending)
        {
            existing.OpensOn = today;
            existing.DueOn = due;
            existing.Title = title.Length > 300 ? title[..300] : title;
        }
    }

    /// <summary>The agency's analysis and improvement: stored on the follow-up, and its obligation is done.</summary>
    public async Task<CommandResult> AnswerFollowUpAsync(int followUpId, FollowUpAnswerInput input, CancellationToken ct = default)
    {
        var check = await new FollowUpAnswerInputValidator().ValidateAsync(input, ct);
        if (!check.IsValid)
        {
            return CommandResult.Fail(check.Errors.Select(e => e.ErrorMessage).ToArray());
        }

        int agencyId, rocYear, testId;
        var now = clock.GetUtcNow();
        var by = string.IsNullOrWhiteSpace(input.AnsweredBy) ? "dashboard" : input.AnsweredBy.Trim();
        await using (var db = await contextFactory.CreateDbContextAsync(ct))
        {
            var followUp = await db.PhoneFollowUps.Include(f => f.PhoneTest).SingleOrDefaultAsync(f => f.Id == followUpId, ct);
            if (followUp is null)
            {
                return CommandResult.Fail(PhoneTestMessages.NotFound);
            }

            followUp.Analysis = input.Analysis.Trim();
            followUp.Improvement = input.Improvement.Trim();
            followUp.AnsweredAt ??= now;
            followUp.AnsweredBy = by;
            await db.SaveChangesAsync(ct);
            (agencyId, rocYear, testId) = (followUp.AgencyId, followUp.PhoneTest!.RocYear, followUp.PhoneTestId);
        }

        await obligations.FulfilByKeyAsync(rocYear,
            [new KeyedFulfilment(agencyId, PhoneFollowUp.ObligationKey(testId), $"已填報分析及改善（{RocCalendar.FormatDate(clock.Today())}）", now, by)], ct);
        return CommandResult.Ok(followUpId);
    }

    /// <summary>The schedule's milestone a round settles; an agency's own round settles none.</summary>
    public static string? RoundKey(PhoneTestRound round) => round switch
    {
        PhoneTestRound.FirstHalf => DefaultSchedule.PhoneTest1Key,
        PhoneTestRound.SecondHalf => DefaultSchedule.PhoneTest2Key,
        _ => null,
    };

    private static string Evidence(PhoneTest t) =>
        $"電話禮貌測試 {RocCalendar.FormatDate(TaipeiDay(t.CalledAt))} {t.UnitName ?? "總機"}：{t.Total}分（測試紀錄 #{t.Id}）";

    private static DateOnly TaipeiDay(DateTimeOffset at) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(at, TaipeiTime.Zone).DateTime);

    private static string? Trimmed(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}

using System.Text;
using HighServiceDashboard.Domain.Access;
using HighServiceDashboard.Domain.Agencies;
using HighServiceDashboard.Domain.Plans;
using HighServiceDashboard.Domain.Plans.Reading;
using HighServiceDashboard.Infrastructure.Data;
using HighServiceDashboard.Infrastructure.Documents;
using Microsoft.EntityFrameworkCore;
using Read = HighServiceDashboard.Domain.Plans.Reading;

namespace HighServiceDashboard.Infrastructure.Plans;

/// <summary>What a person or the command line says about a document before it is read.</summary>
public sealed record PlanImportOptions(int? RocYear = null, string? AgencyName = null, int? AgencyId = null);

/// <summary>
/// A document read and matched to the database: the reading, the agency and year it is for, the
/// plan it would replace, and everything that stops it from being stored (<see cref="Errors"/>).
/// </summary>
public sealed class PlanImportPreview
{
    public required string FileName { get; init; }

    public PlanReading? Reading { get; init; }

    public IReadOnlyList<PlanFinding> Findings { get; init; } = [];

    public int? AgencyId { get; init; }

    public string? AgencyName { get; init; }

    public int? RocYear { get; init; }

    public string? YearFrameworkKey { get; init; }

    public int? ExistingPlanId { get; init; }

    /// <summary>What the plan it would replace holds, for the person to compare; only for someone who may replace it.</summary>
    public ExistingPlanFacts? Existing { get; init; }

    /// <summary>Resource keys (Plan.Validation.*) of what prevents storing; empty when it can be stored.</summary>
    public IReadOnlyList<string> Errors { get; init; } = [];

    public string SourceText { get; init; } = "";

    public byte[] Content { get; init; } = [];

    public bool CanStore => Errors.Count == 0 && Reading is not null;
}

/// <summary>The stored plan an import would replace: its status, the sub-item of each focus point, and the sub-items declared not applicable.</summary>
public sealed record ExistingPlanFacts(PlanStatus Status, IReadOnlyList<string> FocusPointCodes, IReadOnlyList<string> NotApplicableCodes);

/// <summary>
/// Reads plan documents (text, Word, PDF) into draft plans: loads and reads the file, finds the
/// agency and the year's framework in the database, and stores the reading as the agency's draft.
/// Used by the import page and by <c>import-plan</c> alike.
/// </summary>
public sealed class PlanImportService(IDbContextFactory<AppDbContext> contextFactory, PlanService plans, PlanDocumentLoader loader)
{
    /// <summary>The command line (<c>import-plan</c>), run by whoever runs the server: imports as an administrator would.</summary>
    public static readonly Principal CommandLine = new("import-plan", Role.CommissionAdmin, 0);

    /// <summary>
    /// Reads the document for <paramref name="importer"/>: someone who may not import plans at all
    /// (<see cref="AccessPolicy.CanImportPlans"/>), or nobody, is refused before a byte of it is parsed.
    /// </summary>
    public async Task<PlanImportPreview> PreviewAsync(byte[] content, string fileName, PlanImportOptions options, Principal? importer, CancellationToken ct = default)
    {
        if (importer is null || !AccessPolicy.CanImportPlans(importer))
        {
            return Forbidden(fileName);
        }

        var loaded = await loader.LoadAsync(content, fileName, ct);
        if (loaded.Document is null)
        {
            return new PlanImportPreview { FileName = fileName, Findings = loaded.Findings, Errors = ["Plan.Validation.Unreadable"] };
        }

        await using var db = await contextFactory.CreateDbContextAsync(ct);
        var frameworks = await db.Frameworks.AsNoTracking().Include(f => f.Pillars).ThenInclude(p => p.SubItems).ToListAsync(ct);
        var tree = await db.Agencies.AsNoTracking().Select(a => new { a.Id, a.Name, a.ParentId, a.Level }).ToListAsync(ct);
        var policy = new AccessPolicy(tree.Select(a => (a.Id, a.ParentId, a.Level)));
        var agencies = tree.Where(a => a.Level != AgencyLevel.City).ToList();
        var forcedAgency = options.AgencyId is { } id ? agencies.FirstOrDefault(a => a.Id == id)?.Name : options.AgencyName;

        var reading = new PlanReader(frameworks).Read(loaded.Document, new PlanReadOptions { RocYear = options.RocYear, AgencyName = forcedAgency });
        var findings = loaded.Findings.Concat(reading.Findings).ToList();
        var errors = new List<string>();
        if (reading.HasErrors)
        {
            errors.Add("Plan.Validation.Unreadable");
        }

        var agency = options.AgencyId is { } given
            ? agencies.FirstOrDefault(a => a.Id == given)
            : MatchAgency(reading.AgencyName, agencies.Select(a => (a.Id, a.Name))) is { } matched ? agencies.First(a => a.Id == matched) : null;
        if (agency is null)
        {
            errors.Add(PlanMessages.NoAgency);
        }

        string? yearFramework = null;
        if (reading.RocYear is not { } rocYear)
        {
            errors.Add(PlanMessages.NoYear);
        }
        else
        {
            yearFramework = await db.ProgrammeYears.Where(y => y.RocYear == rocYear).Select(y => y.Framework!.Key).FirstOrDefaultAsync(ct);
            if (yearFramework is null)
            {
                errors.Add(PlanMessages.NoYear);
            }
            else if (reading.FrameworkKey is null)
            {
                errors.Add(PlanMessages.NoFramework);
            }
            else if (reading.FrameworkKey != yearFramework)
            {
                errors.Add(PlanMessages.FrameworkMismatch);
            }
        }

        // Someone who may not store a plan for the agency learns only that: nothing of the plan it holds.
        var mayStore = agency is not null && policy.CanEditAgencyContent(importer, agency.Id);
        if (agency is not null && !mayStore)
        {
            errors.Add(PlanMessages.Forbidden);
        }

        int? existing = null;
        ExistingPlanFacts? facts = null;
        if (mayStore && reading.RocYear is { } y)
        {
            existing = await db.Plans.Where(p => p.AgencyId == agency!.Id && p.RocYear == y).Select(p => (int?)p.Id).FirstOrDefaultAsync(ct);
            if (existing is { } planId)
            {
                var status = await db.Plans.Where(p => p.Id == planId).Select(p => p.Status).SingleAsync(ct);
                var points = await db.FocusPoints.Where(f => f.PlanId == planId).OrderBy(f => f.Id).Select(f => f.SubItemCode).ToListAsync(ct);
                var declared = await db.NotApplicableItems.Where(n => n.PlanId == planId).Select(n => n.SubItemCode).ToListAsync(ct);
                facts = new ExistingPlanFacts(status, points, declared);
            }
        }

        return new PlanImportPreview
        {
            FileName = fileName,
            Reading = reading,
            Findings = findings,
            AgencyId = agency?.Id,
            AgencyName = agency?.Name ?? reading.AgencyName,
            RocYear = reading.RocYear,
            YearFrameworkKey = yearFramework,
            ExistingPlanId = existing,
            Existing = facts,
            Errors = errors.Distinct().ToList(),
            SourceText = RenderText(loaded.Document),
            Content = content,
        };
    }

    /// <summary>The preview of a document that was not read because the person may not import plans.</summary>
    public static PlanImportPreview Forbidden(string fileName) => new()
    {
        FileName = fileName,
        Findings = [PlanFinding.Error(PlanFindingCodes.ImportForbidden, "您的帳號沒有匯入計畫的權限，文件未被讀取。", "Your account may not import plans; the document was not read.")],
        Errors = [PlanMessages.Forbidden],
    };

    /// <summary>Stores a previewed reading (possibly corrected by a person) as the agency's draft plan.</summary>
    public Task<CommandResult> StoreAsync(PlanImportPreview preview, PlanContentInput content, bool replace, string by, CancellationToken ct = default)
    {
        if (!preview.CanStore)
        {
            return Task.FromResult(CommandResult.Fail(preview.Errors.ToArray()));
        }

        var source = new PlanSourceInput(preview.FileName, ContentTypeOf(preview.FileName), preview.Content, preview.SourceText);
        return plans.StoreDraftAsync(preview.AgencyId!.Value, preview.RocYear!.Value, content, source, replace, by, ct);
    }

    /// <summary>The reading as plan content: every focus point, declaration and unplaced text, guesses kept as guesses.</summary>
    public static PlanContentInput ToContent(PlanReading reading) => new()
    {
        Title = reading.Title,
        FocusPoints = reading.FocusPoints.Select(ToInput).ToList(),
        NotApplicable = reading.NotApplicable
            .Where(d => !reading.FocusPoints.Any(p => p.Code == d.Code))
            .GroupBy(d => d.Code).Select(g => g.First())
            .Select(d => new NotApplicableInput { SubItemCode = d.Code, Reason = d.Reason, SourceLine = d.Line }).ToList(),
        Unplaced = reading.Unplaced.Select(u => (u.Text, (int?)u.Line)).ToList(),
    };

    private static FocusPointInput ToInput(Read.FocusPoint point) => new()
    {
        SubItemCode = point.Code,
        Title = point.Title,
        Description = point.Description,
        AllUnits = point.AllUnits,
        UnitNames = point.Units.ToList(),
        Cadences = point.Cadences.Select(CadenceLabel.Describe).Distinct().ToList(),
        IsGuess = point.IsGuess,
        GuessReason = point.GuessReason,
        GuessReasonEn = point.GuessReasonEn,
        SourceLine = point.Line,
    };

    /// <summary>
    /// The agency a plan names: the same name, or the one name that the plan's name is a suffix of or
    /// that is the plan's name without the city's prefix (高雄市政府財政局 / 財政局).
    /// </summary>
    public static int? MatchAgency(string? name, IEnumerable<(int Id, string Name)> agencies)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            return null;
        }

        var wanted = Core(name);
        var list = agencies.ToList();
        var exact = list.Where(a => UnitNames.Normalize(a.Name) == UnitNames.Normalize(name)).ToList();
        if (exact.Count == 1)
        {
            return exact[0].Id;
        }

        var byCore = list.Where(a => Core(a.Name) == wanted).ToList();
        if (byCore.Count == 1)
        {
            return byCore[0].Id;
        }

        // A second-level agency written with its parent's name (高雄市政府衛生局鳳山區衛生所 for 高雄市鳳山區衛生所).
        var bySuffix = list.Where(a => Core(a.Name).Length >= 3 && wanted.EndsWith(Core(a.Name), StringComparison.Ordinal)).ToList();
        return bySuffix.Count == 1 ? bySuffix[0].Id : null;
    }

    private static string Core(string name)
    {
        var n = UnitNames.Normalize(name);
        foreach (var prefix in new[] { "高雄市政府", "高雄市" })
        {
            if (n.StartsWith(prefix, StringComparison.Ordinal))
            {
                return n[prefix.Length..];
            }
        }

        return n;
    }

    private static string RenderText(PlanTextDocument document)
    {
        var builder = new StringBuilder();
        foreach (var line in document.AllCells().GroupBy(c => c.Line).OrderBy(g => g.Key))
        {
            builder.Append(line.Key).Append('\t').AppendJoin(" | ", line.Select(c => c.Text.ReplaceLineEndings(" "))).Append('\n');
        }

        return builder.ToString();
    }

    private static string ContentTypeOf(string fileName) => Path.GetExtension(fileName).ToLowerInvariant() switch
    {
        ".docx" => "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        ".odt" => "application/vnd.oasis.opendocument.text",
        ".doc" => "application/msword",
        ".rtf" => "application/rtf",
        ".pdf" => "application/pdf",
        _ => "text/plain",
    };
}

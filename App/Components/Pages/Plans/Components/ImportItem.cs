using HighServiceDashboard.Domain.Plans;
using HighServiceDashboard.Infrastructure.Plans;

namespace HighServiceDashboard.App.Components.Pages.Plans.Components;

/// <summary>One uploaded document on the import page: its reading, the person's corrections and what became of it.</summary>
public sealed class ImportItem(string fileName)
{
    public string FileName { get; } = fileName;

    public byte[] Content { get; set; } = [];

    public PlanImportPreview? Preview { get; set; }

    /// <summary>The reading as plan content, corrected in place by the review.</summary>
    public PlanContentInput? Draft { get; set; }

    /// <summary>The agency chosen by the person when the document's could not be matched.</summary>
    public int? AgencyId { get; set; }

    public int? RocYear { get; set; }

    public int? StoredPlanId { get; set; }

    public IReadOnlyList<string> Errors { get; set; } = [];

    public bool Reviewing { get; set; }
}

using HighServiceDashboard.App.Components.Pages.Plans.Components;
using HighServiceDashboard.App.State;
using HighServiceDashboard.Domain.Access;
using HighServiceDashboard.Infrastructure.Agencies;
using HighServiceDashboard.Infrastructure.Documents;
using HighServiceDashboard.Infrastructure.Plans;
using HighServiceDashboard.Infrastructure.Programme;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Forms;

namespace HighServiceDashboard.App.Components.Pages.Plans;

/// <summary>
/// Upload one or many plan documents, see each reading beside its source, correct what was guessed
/// or not placed, and save each as its agency's draft plan.
/// </summary>
public partial class PlanImport
{
    private const int MaxFiles = 50;

    [Inject]
    private PlanImportService Import { get; set; } = default!;

    [Inject]
    private AgencyDirectory Agencies { get; set; } = default!;

    [Inject]
    private ProgrammeService Programme { get; set; } = default!;

    [Inject]
    private CurrentUser User { get; set; } = default!;

    private readonly List<ImportItem> _items = [];
    private IReadOnlyList<AgencyNode> _agencies = [];
    private IReadOnlyList<int> _years = [];
    private int _reading;
    private bool _dragging;

    private static long MaxMegabytes => PlanLoadOptions.DefaultMaxBytes / 1024 / 1024;

    protected override async Task OnInitializedAsync()
    {
        _agencies = (await Agencies.GetTreeAsync(includeRetired: false)).Where(a => a.Level != Domain.Agencies.AgencyLevel.City).ToList();
        _years = (await Programme.GetYearsAsync()).Select(y => y.RocYear).ToList();
    }

    private async Task OnFilesAsync(InputFileChangeEventArgs e)
    {
        _dragging = false;
        var files = e.GetMultipleFiles(MaxFiles);

        // The page is offered only to those who may import; a circuit whose person lost the right reads nothing.
        var importer = await User.GetAsync();
        if (importer is null || !AccessPolicy.CanImportPlans(importer))
        {
            foreach (var file in files)
            {
                _items.Insert(0, new ImportItem(file.Name) { Preview = PlanImportService.Forbidden(file.Name) });
            }

            return;
        }

        _reading = files.Count;
        foreach (var file in files)
        {
            var item = new ImportItem(file.Name);
            _items.Insert(0, item);
            if (file.Size > PlanLoadOptions.DefaultMaxBytes)
            {
                // Read nothing of a file over the limit: the loader gives the same finding for it.
                item.Content = new byte[PlanLoadOptions.DefaultMaxBytes + 1];
            }
            else
            {
                await using var stream = file.OpenReadStream(PlanLoadOptions.DefaultMaxBytes);
                using var memory = new MemoryStream();
                await stream.CopyToAsync(memory);
                item.Content = memory.ToArray();
            }

            await RereadAsync(item);
            _reading--;
            StateHasChanged();
        }

        _reading = 0;
    }

    private async Task RereadAsync(ImportItem item)
    {
        item.Preview = await Import.PreviewAsync(item.Content, item.FileName, new PlanImportOptions(item.RocYear, AgencyId: item.AgencyId), await User.GetAsync());
        item.Draft = item.Preview.Reading is { } reading ? PlanImportService.ToContent(reading) : null;
        item.StoredPlanId = null;
        item.Errors = [];
    }
}

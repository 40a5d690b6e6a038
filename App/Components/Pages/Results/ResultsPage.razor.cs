using HighServiceDashboard.App.State;
using HighServiceDashboard.Domain.Calendar;
using HighServiceDashboard.Domain.Results;
using HighServiceDashboard.Infrastructure.Results;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Forms;
using Microsoft.Extensions.Options;
using MudBlazor;

namespace HighServiceDashboard.App.Components.Pages.Results;

/// <summary>
/// An agency's annual results of a year: what was done per sub-item of its plan, the files, the
/// summary; the submission, review and forwarding. Heads and coordinators edit their agency's;
/// a unit's staff the sub-items whose focus points name their unit; every action checks again.
/// </summary>
public partial class ResultsPage
{
    [Parameter]
    public int Id { get; set; }

    [Inject]
    private ResultsQueries Queries { get; set; } = default!;

    [Inject]
    private ResultsService Commands { get; set; } = default!;

    [Inject]
    private PageAccess Access { get; set; } = default!;

    [Inject]
    private CurrentUser User { get; set; } = default!;

    [Inject]
    private NavigationManager Navigation { get; set; } = default!;

    [Inject]
    private ISnackbar Snackbar { get; set; } = default!;

    [Inject]
    private IOptions<ResultsOptions> Options { get; set; } = default!;

    private const string OverallTarget = "overall";
    private const string AwardTarget = "award";

    private ResultsView? _view;
    private bool _loaded;
    private bool _canEditAgency;
    private HashSet<string> _editableCodes = [];
    private Dictionary<string, string> _items = [];
    private string _summary = "";
    private bool _award;
    private string _target = OverallTarget;
    private bool _conflict;
    private IReadOnlyList<(string Key, object[] Args)> _errors = [];

    private string YearText => RocCalendar.FormatYear(_view?.RocYear ?? Year.RocYear, System.Globalization.CultureInfo.CurrentUICulture);

    private bool EditableNow => _view is not null && ResultsWorkflow.IsEditable(_view.Status);

    private string RouteKey => _view!.Route == ResultsRoute.ToCommission && _view.Subordinates.Count > 0 ? "Results.Route.Forward" : $"Results.Route.{_view.Route}";

    private IEnumerable<(string Value, string Text)> Targets
    {
        get
        {
            if (_canEditAgency)
            {
                yield return (OverallTarget, L["Results.Target.Overall"]);
                yield return (AwardTarget, L["Results.Target.Award"]);
            }

            foreach (var item in _view!.Items.Where(i => _editableCodes.Contains(i.Code)))
            {
                yield return (item.Code, L["Results.Target.Item", item.Code, item.Text]);
            }
        }
    }

    protected override async Task LoadYearAsync(int rocYear)
    {
        if (!await Access.CanReadAsync(Id))
        {
            Navigation.NotFound();
            return;
        }

        await ReadAsync(rocYear);
    }

    private Task ReloadAsync()
    {
        _errors = [];
        return ReadAsync(_view?.RocYear ?? Year.RocYear);
    }

    private async Task ReadAsync(int rocYear)
    {
        _view = await Queries.GetAsync(Id, rocYear);
        _loaded = true;
        _conflict = false;
        if (_view is null)
        {
            return;
        }

        _canEditAgency = await Access.MayAsync((policy, who) => policy.CanEditAgencyContent(who, Id));
        _editableCodes = await EditableCodesAsync(_view);
        _items = _view.Items.ToDictionary(i => i.Code, i => i.Achievement);
        _summary = _view.Summary;
        _award = _view.SubmitsAwardApplication;
        _target = Targets.Select(t => t.Value).FirstOrDefault() ?? OverallTarget;
    }

    /// <summary>The sub-items this person writes: all for the agency's editors, those naming their unit for its staff.</summary>
    private async Task<HashSet<string>> EditableCodesAsync(ResultsView view)
    {
        var codes = new HashSet<string>();
        foreach (var item in view.Items)
        {
            if (await Access.MayAsync((policy, who) => policy.CanEditUnitContent(who, view.AgencyId, item.UnitIds)))
            {
                codes.Add(item.Code);
            }
        }

        return codes;
    }

    private async Task SaveAsync()
    {
        if (_view is null)
        {
            return;
        }

        // The rights are read again on the server at the moment of saving, never taken from what was rendered.
        var fresh = await Queries.GetAsync(Id, _view.RocYear);
        var canEditAgency = await Access.CanEditAsync(Id);
        var codes = fresh is null ? [] : await EditableCodesAsync(fresh);
        if (fresh is null || (!canEditAgency && codes.Count == 0))
        {
            Show(ResultsMessages.Forbidden);
            return;
        }

        var input = new ResultsContentInput
        {
            Summary = canEditAgency ? _summary : null,
            SubmitsAwardApplication = canEditAgency ? _award : null,
            Items = _items.Where(i => codes.Contains(i.Key)).ToDictionary(i => i.Key, i => i.Value ?? ""),
        };
        var result = await Commands.SaveAsync(Id, _view.RocYear, _view.Version, input, User.Name);
        if (!result.Succeeded)
        {
            _conflict = result.Errors.Contains(ResultsMessages.Conflict);
            _errors = result.Errors.Select(e => (e, Array.Empty<object>())).ToList();
            return;
        }

        _errors = [];
        Snackbar.Add(L["Results.Saved"], Severity.Success);
        await ReloadAsync();
    }

    private async Task UploadAsync(InputFileChangeEventArgs e)
    {
        if (_view is null)
        {
            return;
        }

        var fresh = await Queries.GetAsync(Id, _view.RocYear);
        var allowed = _target is OverallTarget or AwardTarget
            ? await Access.CanEditAsync(Id)
            : fresh is not null && (await EditableCodesAsync(fresh)).Contains(_target);
        if (!allowed)
        {
            Show(ResultsMessages.Forbidden);
            return;
        }

        if (e.FileCount > Options.Value.MaxFilesPerResults)
        {
            Show(ResultsMessages.TooManyFiles);
            return;
        }

        var errors = new List<(string, object[])>();
        var stored = 0;
        foreach (var file in e.GetMultipleFiles(Options.Value.MaxFilesPerResults))
        {
            if (file.Size > Options.Value.MaxFileBytes)
            {
                errors.Add((AttachmentMessages.TooLarge, [file.Name, Options.Value.MaxFileMegabytes]));
                continue;
            }

            using var buffer = new MemoryStream();
            await using (var stream = file.OpenReadStream(Options.Value.MaxFileBytes))
            {
                await stream.CopyToAsync(buffer);
            }

            var (code, kind) = _target switch
            {
                OverallTarget => ((string?)null, AttachmentKind.Evidence),
                AwardTarget => (null, AttachmentKind.AwardApplication),
                _ => (_target, AttachmentKind.Evidence),
            };
            var result = await Commands.AddAttachmentAsync(Id, _view.RocYear, code, kind, file.Name, buffer.ToArray(), User.Name);
            errors.AddRange(result.Errors.Select(error => (error, new object[] { file.Name, Options.Value.MaxFileMegabytes })));
            stored += result.Succeeded ? 1 : 0;
        }

        if (stored > 0)
        {
            Snackbar.Add(L["Results.Uploaded", stored], Severity.Success);
            var keep = (_items, _summary, _award, _target);
            await ReloadAsync();
            // A file added keeps what is being typed: the texts are saved with their own button.
            (_items, _summary, _award, _target) = keep;
        }

        _errors = errors;
    }

    private async Task RemoveAsync(ResultsAttachment file)
    {
        if (_view is null)
        {
            return;
        }

        var fresh = await Queries.GetAsync(Id, _view.RocYear);
        var allowed = file.SubItemCode is null
            ? await Access.CanEditAsync(Id)
            : fresh is not null && (await EditableCodesAsync(fresh)).Contains(file.SubItemCode);
        if (!allowed || _view.Id != file.ResultsId)
        {
            Show(ResultsMessages.Forbidden);
            return;
        }

        var result = await Commands.RemoveAttachmentAsync(file.Id);
        _errors = result.Errors.Select(e => (e, new object[] { file.FileName })).ToList();
        if (result.Succeeded)
        {
            Snackbar.Add(L["Results.Removed", file.FileName], Severity.Success);
            var keep = (_items, _summary, _award);
            await ReloadAsync();
            (_items, _summary, _award) = keep;
        }
    }

    private void Show(string error) => _errors = [(error, [])];
}

using HighServiceDashboard.App.State;
using HighServiceDashboard.Domain.Agencies;
using HighServiceDashboard.Infrastructure;
using HighServiceDashboard.Infrastructure.Agencies;
using Microsoft.AspNetCore.Components;
using Microsoft.JSInterop;
using MudBlazor;

namespace HighServiceDashboard.App.Components.Pages.Agencies.Components;

/// <summary>One agency: its units and subordinates, and the commission's changes to it.</summary>
public partial class AgencyDetailPanel
{
    [Parameter, EditorRequired]
    public AgencyDetail Detail { get; set; } = default!;

    /// <summary>Agencies of the tree, offered as new parents.</summary>
    [Parameter]
    public IReadOnlyList<AgencyNode> Candidates { get; set; } = [];

    [Parameter]
    public EventCallback OnChanged { get; set; }

    private RenameInput _rename = new();
    private NewAgencyInput _newAgency = new();
    private NewUnitInput _newUnit = new();
    private RenameInput? _renamingUnit;
    private int? _moveTo;
    private IReadOnlyList<string> _errors = [];
    private int _shownId;

    private MudForm? _renameForm;
    private MudForm? _newAgencyForm;
    private MudForm? _newUnitForm;
    private MudForm? _unitForm;

    /// <summary>Only the commission's administrators change the tree; everyone else reads it.</summary>
    private bool _admin;

    [Inject]
    private PageAccess Access { get; set; } = default!;

    protected override async Task OnParametersSetAsync() => _admin = await Access.IsAdminAsync();

    protected override void OnParametersSet()
    {
        if (_shownId != Detail.Id)
        {
            _shownId = Detail.Id;
            _errors = [];
            _renamingUnit = null;
            _moveTo = null;
            _newAgency = new NewAgencyInput { ParentId = Detail.Id, Kind = AgencyKind.Office };
            _newUnit = new NewUnitInput { AgencyId = Detail.Id };
        }

        _rename = new RenameInput { Id = Detail.Id, Name = Detail.Name, NameEn = Detail.NameEn };
    }

    private Task RenameAsync() => SubmitAsync(_renameForm, () => Admin.RenameAgencyAsync(_rename), "Agencies.Saved");

    private Task AddAgencyAsync() => SubmitAsync(_newAgencyForm, async () =>
    {
        var result = await Admin.AddAgencyAsync(_newAgency);
        if (result.Succeeded)
        {
            _newAgency = new NewAgencyInput { ParentId = Detail.Id, Kind = AgencyKind.Office };
        }

        return result;
    }, "Agencies.Added");

    private Task AddUnitAsync() => SubmitAsync(_newUnitForm, async () =>
    {
        var result = await Admin.AddUnitAsync(await Access.WhoAsync(), _newUnit);
        if (result.Succeeded)
        {
            _newUnit = new NewUnitInput { AgencyId = Detail.Id };
        }

        return result;
    }, "Agencies.UnitAdded");

    private Task SaveUnitNameAsync() => SubmitAsync(_unitForm, async () =>
    {
        var result = await Admin.RenameUnitAsync(_renamingUnit!);
        if (result.Succeeded)
        {
            _renamingUnit = null;
        }

        return result;
    }, "Agencies.Saved");

    private Task SetUnitRetiredAsync(int unitId, bool retired) =>
        SubmitAsync(null, () => Admin.SetUnitRetiredAsync(unitId, retired), "Agencies.Saved");

    private Task MoveAsync() => SubmitAsync(null, () => Admin.MoveAgencyAsync(Detail.Id, _moveTo!.Value), "Agencies.Moved");

    private Task RetireAsync() => SubmitAsync(null, () => Admin.RetireAgencyAsync(Detail.Id), "Agencies.RetiredDone");

    private Task ReactivateAsync() => SubmitAsync(null, () => Admin.ReactivateAgencyAsync(Detail.Id), "Agencies.Saved");

    private async Task SubmitAsync(MudForm? form, Func<Task<CommandResult>> command, string doneMessage)
    {
        if (!await Access.IsAdminAsync())
        {
            _errors = ["Plan.Validation.Forbidden"];
            return;
        }

        if (form is not null)
        {
            await form.ValidateAsync();
            if (!form.IsValid)
            {
                await FocusFirstInvalidAsync(form);
                return;
            }
        }

        var result = await command();
        _errors = result.Errors;
        if (result.Succeeded)
        {
            Snackbar.Add(L[doneMessage], Severity.Success);
            await OnChanged.InvokeAsync();
        }
    }

    /// <summary>
    /// A message that appears away from the focus is not heard: the focus goes to the first field in
    /// error, whose screen reader announcement is its label, "invalid" and the message it is described by.
    /// </summary>
    private async Task FocusFirstInvalidAsync(MudForm form)
    {
        if (form.UserAttributes.TryGetValue("id", out var id))
        {
            await using var module = await JS.InvokeAsync<IJSObjectReference>("import", "./js/a11y.js");
            await module.InvokeVoidAsync("focusFirst", $"#{id} [aria-invalid=true]");
        }
    }

    private static string Display(string name, string? nameEn) => Culture.IsEnglish && !string.IsNullOrWhiteSpace(nameEn) ? nameEn : name;
}

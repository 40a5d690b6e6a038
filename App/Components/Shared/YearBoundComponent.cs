using HighServiceDashboard.App.State;
using Microsoft.AspNetCore.Components;

namespace HighServiceDashboard.App.Components.Shared;

/// <summary>
/// A page that shows data for the selected year: loads when its parameters are set and again
/// whenever the year selector changes the year.
/// </summary>
public abstract class YearBoundComponent : ComponentBase, IDisposable
{
    private IDisposable? _subscription;

    [Inject]
    protected YearState Year { get; set; } = default!;

    protected override void OnInitialized() =>
        _subscription = Year.Subscribe(() => InvokeAsync(async () =>
        {
            await LoadAsync(Year.RocYear);
            StateHasChanged();
        }));

    protected override Task OnParametersSetAsync() => LoadAsync(Year.RocYear);

    /// <summary>Reads what the page shows for the given ROC year.</summary>
    protected abstract Task LoadAsync(int rocYear);

    public void Dispose()
    {
        _subscription?.Dispose();
        GC.SuppressFinalize(this);
    }
}

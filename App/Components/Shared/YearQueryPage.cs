using HighServiceDashboard.Domain.Programme;
using Microsoft.AspNetCore.Components;

namespace HighServiceDashboard.App.Components.Shared;

/// <summary>
/// A page bound to the selected year, and a link that names one (<c>?year=113</c>, from
/// an export, the README or another page) moves the year selector there once.
/// </summary>
public abstract class YearQueryPage : YearBoundComponent
{
    [SupplyParameterFromQuery(Name = "year")]
    public int? QueryYear { get; set; }

    protected sealed override Task LoadAsync(int rocYear)
    {
        if (QueryYear is { } y && y != rocYear && y >= ProgrammeYear.FirstRocYear)
        {
            QueryYear = null;
            Year.Set(y);
            return LoadYearAsync(y);
        }

        return LoadYearAsync(rocYear);
    }

    /// <summary>Reads what the page shows for the given ROC year.</summary>
    protected abstract Task LoadYearAsync(int rocYear);
}

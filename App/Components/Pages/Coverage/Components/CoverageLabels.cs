using HighServiceDashboard.Domain.Coverage;
using Microsoft.Extensions.Localization;

namespace HighServiceDashboard.App.Components.Pages.Coverage.Components;

/// <summary>
/// How a coverage status is shown: a symbol, a word and a colour class, always together, so that
/// the status is never told by colour alone. The colours are the palette's (app.css, cov-cell--*),
/// whose contrast texts keep 4.5:1 in both themes.
/// </summary>
public static class CoverageLabels
{
    public static string Symbol(CoverageStatus status) => status switch
    {
        CoverageStatus.Covered => "✓",
        CoverageStatus.NotApplicable => "－",
        CoverageStatus.Missing => "✗",
        _ => "…",
    };

    public static string CssName(CoverageStatus status) => status.ToString().ToLowerInvariant();

    public static string Text(IStringLocalizer localizer, CoverageStatus status) => localizer[$"Coverage.Status.{status}"];

    /// <summary>A share as a whole percentage ("95%"), or the words for "nothing applies" / "no plan".</summary>
    public static string Share(IStringLocalizer localizer, CoverageCount count) =>
        !count.HasPlan ? localizer["Coverage.NoPlan"]
        : count.Share is { } share ? Percent(share)
        : localizer["Coverage.AllNotApplicable"];

    public static string Percent(double share) => $"{Math.Round(share * 100, MidpointRounding.AwayFromZero):0}%";

    public static Shared.StatusTone Tone(CoverageStatus status) => status switch
    {
        CoverageStatus.Covered => Shared.StatusTone.Success,
        CoverageStatus.NotApplicable => Shared.StatusTone.Info,
        CoverageStatus.Missing => Shared.StatusTone.Error,
        _ => Shared.StatusTone.Neutral,
    };
}

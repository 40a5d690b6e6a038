using Bunit;
using HighServiceDashboard.App.Components.Layout;
using HighServiceDashboard.App.Components.Shared;
using HighServiceDashboard.Tests.Support;
using MudBlazor;
using MudBlazor.Utilities;

namespace HighServiceDashboard.Tests.Components;

public class StatusBadgeTests : BunitTestBase
{
    [Fact]
    public void Render_WarningTone_ShowsIconAndText()
    {
        var badge = Context.Render<StatusBadge>(p => p.Add(x => x.Tone, StatusTone.Warning).Add(x => x.Text, "逾期未交"));

        var root = badge.Find(".status-badge");
        Assert.Contains("status-badge--warning", root.ClassList);
        Assert.Equal("逾期未交", badge.Find(".status-badge__text").TextContent);
        var icon = badge.Find("svg");
        Assert.Equal("true", icon.GetAttribute("aria-hidden"));
    }

    [Fact]
    public void IconFor_EveryTone_HasItsOwnShape()
    {
        var icons = Enum.GetValues<StatusTone>().Select(StatusBadge.IconFor).ToList();

        Assert.Equal(icons.Count, icons.Distinct().Count());
    }

    public static TheoryData<string, string> ToneColours => new()
    {
        { "light", nameof(Palette.Success) }, { "light", nameof(Palette.Info) }, { "light", nameof(Palette.Warning) },
        { "light", nameof(Palette.Error) }, { "light", nameof(Palette.TextSecondary) },
        { "dark", nameof(Palette.Success) }, { "dark", nameof(Palette.Info) }, { "dark", nameof(Palette.Warning) },
        { "dark", nameof(Palette.Error) }, { "dark", nameof(Palette.TextSecondary) },
    };

    [Theory]
    [InlineData("#ffffff", "#000000", 21.0)]
    [InlineData("#767676", "#ffffff", 4.54)]
    [InlineData("#90caf9", "#ffffff", 1.75)]
    public void ContrastRatio_KnownPairs_MatchWcag(string foreground, string background, double expected) =>
        Assert.Equal(expected, Contrast.Ratio(new MudColor(foreground), new MudColor(background)), 2);

    [Theory]
    [MemberData(nameof(ToneColours))]
    public void ToneColour_OnSurfaceAndBackground_KeepsTextContrast(string theme, string colour)
    {
        Palette palette = theme == "dark" ? DashboardTheme.Theme.PaletteDark : DashboardTheme.Theme.PaletteLight;
        var tone = (MudColor)typeof(Palette).GetProperty(colour)!.GetValue(palette)!;

        // The badge's text, icon and border are the tone's colour on the surface; the badge sits on
        // the surface (a card) or on the page background. 4.5:1 for text covers the border's 3:1.
        foreach (var (name, behind) in new[] { ("Surface", palette.Surface), ("Background", palette.Background) })
        {
            var ratio = Contrast.Ratio(tone, behind);
            Assert.True(ratio >= 4.5, $"{theme} {colour} {tone} on {name} {behind}: {ratio:0.00}:1, below 4.5:1");
        }
    }
}

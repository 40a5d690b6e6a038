using MudBlazor.Utilities;

namespace HighServiceDashboard.Tests.Support;

/// <summary>WCAG 2.1 contrast ratio between two colours; a translucent foreground is laid on the background first.</summary>
public static class Contrast
{
    public static double Ratio(MudColor foreground, MudColor background)
    {
        var alpha = foreground.A / 255.0;
        double Blend(byte f, byte b) => (f * alpha) + (b * (1 - alpha));
        var front = Luminance(Blend(foreground.R, background.R), Blend(foreground.G, background.G), Blend(foreground.B, background.B));
        var back = Luminance(background.R, background.G, background.B);
        return (Math.Max(front, back) + 0.05) / (Math.Min(front, back) + 0.05);
    }

    private static double Luminance(double r, double g, double b) => (0.2126 * Linear(r)) + (0.7152 * Linear(g)) + (0.0722 * Linear(b));

    private static double Linear(double channel)
    {
        var c = channel / 255.0;
        return c <= 0.03928 ? c / 12.92 : Math.Pow((c + 0.055) / 1.055, 2.4);
    }
}

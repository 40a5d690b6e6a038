using System.Globalization;
using HighServiceDashboard.Domain.Plans.Reading;

namespace HighServiceDashboard.Domain.Plans;

/// <summary>The short form a plan's cadence is stored and shown in: 每季, 每年至少1次, 每4年1次 …</summary>
public static class CadenceLabel
{
    public static string Describe(Cadence cadence)
    {
        var times = cadence.Times is { } n ? string.Create(CultureInfo.InvariantCulture, $"{(cadence.AtLeast ? "至少" : "")}{n}次") : "";
        return cadence.Kind switch
        {
            CadenceKind.Daily => "每日" + times,
            CadenceKind.Weekly => "每週" + times,
            CadenceKind.Monthly => "每月" + times,
            CadenceKind.Quarterly => "每季" + times,
            CadenceKind.HalfYearly => "每半年" + times,
            CadenceKind.Yearly => "每年" + times,
            CadenceKind.EveryNYears => string.Create(CultureInfo.InvariantCulture, $"每{cadence.IntervalYears ?? 1}年{times}"),
            _ => "定期",
        };
    }
}

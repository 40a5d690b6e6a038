using HighServiceDashboard.Domain.Frameworks;

namespace HighServiceDashboard.Domain.Programme;

/// <summary>
/// One year of the programme (ROC year) and the framework its plans are written against. The
/// commission sets the framework; plans of earlier years stay under the one they were written for.
/// </summary>
public sealed class ProgrammeYear
{
    /// <summary>The ROC year (民國), e.g. 113 for 2024.</summary>
    public int RocYear { get; set; }

    public int FrameworkId { get; set; }

    public Framework? Framework { get; set; }

    /// <summary>
    /// The framework key a year uses when nobody has said otherwise: the refinement programme
    /// (精進方案) up to 107, the leap programme (躍升方案) from 108 on, as the sample plans show.
    /// </summary>
    public static string DefaultFrameworkKey(int rocYear) => rocYear <= 107 ? "refine" : "leap";

    /// <summary>The first year the dashboard offers.</summary>
    public const int FirstRocYear = 105;
}

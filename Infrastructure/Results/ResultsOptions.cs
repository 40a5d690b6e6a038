namespace HighServiceDashboard.Infrastructure.Results;

/// <summary>The limits on results attachments (<c>Results</c> in appsettings.json).</summary>
public sealed class ResultsOptions
{
    public const string Section = "Results";

    /// <summary>The largest file taken, in megabytes.</summary>
    public int MaxFileMegabytes { get; set; } = 20;

    /// <summary>How many files one agency's results of a year may carry.</summary>
    public int MaxFilesPerResults { get; set; } = 50;

    public long MaxFileBytes => MaxFileMegabytes * 1024L * 1024L;
}

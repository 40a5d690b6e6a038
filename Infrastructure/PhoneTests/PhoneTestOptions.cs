namespace HighServiceDashboard.Infrastructure.PhoneTests;

/// <summary>The <c>PhoneTests</c> section of appsettings.json.</summary>
public sealed class PhoneTestOptions
{
    public const string Section = "PhoneTests";

    /// <summary>Days an agency has to answer a follow-up, from the day the bad call is recorded.</summary>
    public int FollowUpDays { get; set; } = 30;
}

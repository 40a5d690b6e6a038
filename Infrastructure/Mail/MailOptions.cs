namespace HighServiceDashboard.Infrastructure.Mail;

/// <summary>The <c>Mail</c> section of appsettings.json.</summary>
public sealed class MailOptions
{
    public const string Section = "Mail";

    /// <summary>The SMTP server; with no host, mail is written as .eml files under <c>Storage:DataFolder</c>/mail.</summary>
    public SmtpOptions Smtp { get; set; } = new();

    public string From { get; set; } = "高雄市政府研考會提升服務平台 <no-reply@highservice.local>";

    /// <summary>The commission's address: escalations after 14 days, and the fallback for agencies with no contact yet.</summary>
    public string CommissionAddress { get; set; } = "commission@highservice.local";

    /// <summary>The dashboard's public address, for the links in mails and calendars.</summary>
    public string DashboardUrl { get; set; } = "http://localhost:5106";
}

public sealed class SmtpOptions
{
    public string? Host { get; set; }

    public int Port { get; set; } = 25;

    /// <summary>Auto (STARTTLS when offered), None, SslOnConnect, StartTls.</summary>
    public string Security { get; set; } = "Auto";

    public string? UserName { get; set; }

    public string? Password { get; set; }
}

using MimeKit;

namespace HighServiceDashboard.Infrastructure.Mail;

/// <summary>Where mail goes: an SMTP server, or a folder when none is configured.</summary>
public interface IMailSender
{
    /// <summary>Sends one message; throws when it could not be handed over.</summary>
    Task SendAsync(MimeMessage message, CancellationToken ct = default);
}

using MimeKit;

namespace HighServiceDashboard.Infrastructure.Mail;

/// <summary>
/// Without an SMTP server, mail is written as .eml files (any mail program opens them) into
/// <c>{Storage:DataFolder}/mail</c>, so nothing is lost.
/// </summary>
public sealed class FolderMailSender(string folder) : IMailSender
{
    public string Folder { get; } = folder;

    public async Task SendAsync(MimeMessage message, CancellationToken ct = default)
    {
        Directory.CreateDirectory(Folder);
        var id = string.Concat((message.MessageId ?? Guid.NewGuid().ToString("N")).Split(Path.GetInvalidFileNameChars()));
        var path = Path.Combine(Folder, $"{message.Date.UtcDateTime:yyyyMMdd-HHmmss}-{id}.eml");
        var temp = path + ".tmp";
        await message.WriteToAsync(temp, ct);
        // A retry after a crash overwrites the same file rather than leaving a second copy.
        File.Move(temp, path, overwrite: true);
    }
}

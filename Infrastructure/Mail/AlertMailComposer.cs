using System.Text;
using HighServiceDashboard.Domain.Calendar;
using HighServiceDashboard.Domain.Schedule;
using Microsoft.Extensions.Options;
using MimeKit;

namespace HighServiceDashboard.Infrastructure.Mail;

/// <summary>What a delivery's mail needs to say.</summary>
public sealed record AlertMail(
    int AlertId,
    int DeliveryId,
    AlertKind Kind,
    DateOnly RaisedOn,
    DateTimeOffset RaisedAt,
    string Address,
    AlertRecipients Role,
    bool IsFallback,
    int AgencyId,
    string AgencyName,
    string Title,
    string? UnitName,
    int RocYear,
    DateOnly DueOn,
    string MessageId);

/// <summary>
/// Writes reminder and escalation mails in Traditional Chinese: what is due, for which agency,
/// when, and the link to act on it. The Message-Id is the delivery's stored one, so a mail sent
/// again after a crash is recognisably the same one.
/// </summary>
public sealed class AlertMailComposer(IOptions<MailOptions> options)
{
    public MimeMessage Compose(AlertMail mail)
    {
        var o = options.Value;
        var message = new MimeMessage();
        message.From.Add(MailboxAddress.Parse(o.From));
        message.To.Add(MailboxAddress.Parse(mail.Address));
        message.MessageId = mail.MessageId;
        message.Date = mail.RaisedAt;
        message.Subject = Subject(mail);
        message.Headers.Add("X-HighService-Alert", $"{mail.AlertId};{mail.Kind}");
        message.Body = new TextPart("plain") { Text = Body(mail, o.DashboardUrl) };
        return message;
    }

    /// <summary>
    /// A new Message-ID for a delivery, made once and stored with it. The random part keeps it unique
    /// across installs, whose delivery ids all start at 1.
    /// </summary>
    public static string NewMessageId(int alertId, int deliveryId) =>
        $"alert-{alertId}-delivery-{deliveryId}-{Guid.NewGuid():N}@highservice.local";

    public static string Subject(AlertMail m) =>
        $"【{KindLabel(m.Kind)}】{m.AgencyName}：{m.Title}（期限 {RocCalendar.FormatDate(m.DueOn)}）";

    public static string KindLabel(AlertKind kind) => kind switch
    {
        AlertKind.DueIn14Days => "到期提醒：尚餘14天",
        AlertKind.DueIn7Days => "到期提醒：尚餘7天",
        AlertKind.DueIn1Day => "到期提醒：明日到期",
        AlertKind.DueToday => "到期提醒：今日到期",
        AlertKind.Late => "逾期通知",
        AlertKind.LateEscalatedToHead => "逾期逾7日：陳報機關首長",
        AlertKind.LateEscalatedToCommission => "逾期逾14日：陳報研考會",
        _ => kind.ToString(),
    };

    public static string RoleLabel(AlertRecipients role) => string.Join("、", new[]
    {
        role.HasFlag(AlertRecipients.Coordinator) ? "承辦單位" : null,
        role.HasFlag(AlertRecipients.Head) ? "機關首長" : null,
        role.HasFlag(AlertRecipients.Commission) ? "研考會" : null,
    }.Where(s => s is not null));

    private static string Body(AlertMail m, string dashboardUrl)
    {
        var days = m.DueOn.DayNumber - m.RaisedOn.DayNumber;
        var when = days switch
        {
            > 0 => $"將於 {days} 日後到期",
            0 => "今日到期",
            _ => $"已逾期 {-days} 日",
        };
        var link = $"{dashboardUrl.TrimEnd('/')}/schedule/agencies/{m.AgencyId}?year={m.RocYear}";
        var sb = new StringBuilder();
        sb.AppendLine($"{m.AgencyName} {RoleLabel(m.Role)} 您好：");
        sb.AppendLine();
        sb.AppendLine($"貴機關{m.RocYear}年度提升服務作業「{m.Title}」{when}。");
        sb.AppendLine();
        sb.AppendLine($"機關：{m.AgencyName}");
        if (!string.IsNullOrEmpty(m.UnitName))
        {
            sb.AppendLine($"負責單位：{m.UnitName}");
        }

        sb.AppendLine($"事項：{m.Title}");
        sb.AppendLine($"期限：{RocCalendar.FormatDate(m.DueOn)}（民國{RocCalendar.ToRocYear(m.DueOn.Year)}年{m.DueOn.Month}月{m.DueOn.Day}日）");
        sb.AppendLine($"通知類別：{KindLabel(m.Kind)}");
        sb.AppendLine();
        sb.AppendLine($"請至提升服務平台辦理：{link}");
        if (m.IsFallback)
        {
            sb.AppendLine();
            sb.AppendLine("（本機關尚未設定此角色之聯絡信箱，本信改寄研考會。）");
        }

        sb.AppendLine();
        sb.AppendLine("高雄市政府研究發展考核委員會 提升服務平台（系統自動發送，請勿直接回覆）");
        return sb.ToString();
    }
}

using HighServiceDashboard.Infrastructure.Mail;
using HighServiceDashboard.Tests.Support;
using Microsoft.Extensions.Options;
using MimeKit;

namespace HighServiceDashboard.Tests.Infrastructure;

public class AlertMailTests(SmtpServerFixture smtp) : IClassFixture<SmtpServerFixture>
{
    [Fact]
    public async Task RunForAsync_ThroughRealSmtpServer_DeliversChineseRemindersOnce()
    {
        var sender = new SmtpMailSender(Options.Create(new MailOptions { Smtp = new SmtpOptions { Host = "127.0.0.1", Port = smtp.Port, Security = "None" } }));
        await using var h = await ScheduleHarness.CreateAsync(sender);
        await h.KeepOnlyAsync("高雄市政府財政局", "高雄市稅捐稽徵處");
        var tax = await h.IdOfAsync("高雄市稅捐稽徵處");
        await h.Contacts.SetAsync(ScheduleHarness.Admin, tax, HighServiceDashboard.Domain.Schedule.ContactRole.Coordinator, "secretariat@tax.test");

        var first = await h.Job.RunForAsync(new DateOnly(2024, 4, 16));
        var second = await h.Job.RunForAsync(new DateOnly(2024, 4, 16));

        // The bureau's plan and review, the tax office's plan.
        Assert.Equal(3, first.Raised.Count);
        await using (var db = h.Database.Open())
        {
            Assert.Equal([], db.AlertDeliveries.Select(d => d.LastError).Where(e => e != null).ToList());
        }

        Assert.Equal(new HighServiceDashboard.Infrastructure.Schedule.DeliveryOutcome(3, 0), first.Delivery);
        Assert.Empty(second.Raised);
        var received = smtp.Received();
        Assert.Equal(3, received.Count);
        var toTax = Assert.Single(received, m => m.To.Mailboxes.Any(b => b.Address == "secretariat@tax.test"));
        Assert.Equal("【到期提醒：尚餘14天】高雄市稅捐稽徵處：提送113年度提升服務工作計畫（期限 113/04/30）", toTax.Subject);
        Assert.Contains("貴機關113年度提升服務作業「提送113年度提升服務工作計畫」將於 14 日後到期。", toTax.TextBody);
        Assert.Contains($"http://dashboard.test/schedule/agencies/{tax}?year=113", toTax.TextBody);
        Assert.DoesNotContain("改寄研考會", toTax.TextBody);
        Assert.Equal(2, received.Count(m => m.To.Mailboxes.Any(b => b.Address == "commission@test.invalid")));
    }

    [Fact]
    public async Task FolderMailSender_NoSmtpServer_WritesEmlFileOncePerMessage()
    {
        var folder = Path.Combine(Path.GetTempPath(), "hsd-tests", Guid.NewGuid().ToString("N"));
        var sender = new FolderMailSender(folder);
        var message = new MimeMessage { Subject = "【逾期通知】測試", MessageId = "alert-1-delivery-1@highservice.local", Date = new DateTimeOffset(2024, 5, 1, 7, 0, 0, TimeSpan.FromHours(8)) };
        message.To.Add(MailboxAddress.Parse("a@b.test"));
        message.Body = new TextPart("plain") { Text = "內容" };

        await sender.SendAsync(message);
        await sender.SendAsync(message);

        var file = Assert.Single(Directory.GetFiles(folder));
        Assert.Equal("20240430-230000-alert-1-delivery-1@highservice.local.eml", Path.GetFileName(file));
        Assert.Equal("【逾期通知】測試", (await MimeMessage.LoadAsync(file)).Subject);
        Directory.Delete(folder, true);
    }
}

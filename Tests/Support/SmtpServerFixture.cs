using System.Diagnostics;
using System.Net.Sockets;
using MimeKit;

namespace HighServiceDashboard.Tests.Support;

/// <summary>
/// A real SMTP server on 127.0.0.1: Debian's aiosmtpd (python3-aiosmtpd, installed by Tests/run.sh)
/// storing what arrives in a Maildir that the tests read back.
/// </summary>
public sealed class SmtpServerFixture : IAsyncLifetime
{
    private const string Python = "/usr/bin/python3";
    private Process? _process;

    public string MailDir { get; } = Path.Combine(Path.GetTempPath(), "hsd-tests", "smtp-" + Guid.NewGuid().ToString("N"));

    public int Port { get; private set; }

    public async Task InitializeAsync()
    {
        // aiosmtpd creates the Maildir (new/cur/tmp) only when the folder does not exist yet.
        Directory.CreateDirectory(Path.GetDirectoryName(MailDir)!);
        Port = FreePort();
        _process = Process.Start(new ProcessStartInfo(Python, ["-m", "aiosmtpd", "-n", "-l", $"127.0.0.1:{Port}", "-c", "aiosmtpd.handlers.Mailbox", MailDir])
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
        }) ?? throw new InvalidOperationException("aiosmtpd did not start");
        for (var i = 0; i < 100; i++)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"aiosmtpd exited: {await _process.StandardError.ReadToEndAsync()} (Tests/run.sh installs python3-aiosmtpd)");
            }

            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync("127.0.0.1", Port);
                return;
            }
            catch (SocketException)
            {
                await Task.Delay(100);
            }
        }

        throw new InvalidOperationException($"aiosmtpd did not listen on 127.0.0.1:{Port}");
    }

    /// <summary>Every message the server has received so far.</summary>
    public IReadOnlyList<MimeMessage> Received() =>
        Directory.Exists(Path.Combine(MailDir, "new"))
            ? Directory.GetFiles(Path.Combine(MailDir, "new")).Order().Select(f => MimeMessage.Load(f)).ToList()
            : [];

    private static int FreePort()
    {
        var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        var port = ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    public Task DisposeAsync()
    {
        if (_process is { HasExited: false })
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit(5000);
        }

        _process?.Dispose();
        try
        {
            Directory.Delete(MailDir, recursive: true);
        }
        catch (IOException)
        {
        }

        return Task.CompletedTask;
    }
}

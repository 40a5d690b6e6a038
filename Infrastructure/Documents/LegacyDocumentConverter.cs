using System.Diagnostics;
using HighServiceDashboard.Domain.Plans.Reading;

namespace HighServiceDashboard.Infrastructure.Documents;

/// <summary>The old formats agencies still send, told apart by their first bytes.</summary>
public enum LegacyFormat
{
    None,

    /// <summary>Word 97–2003 (.doc): an OLE compound file (D0 CF 11 E0).</summary>
    Doc,

    /// <summary>Rich Text Format (<c>{\rtf</c>).</summary>
    Rtf,
}

/// <summary>
/// Converts old Word (.doc) and RTF plans to .docx with LibreOffice (<c>soffice --headless
/// --convert-to docx</c>), in a temporary folder with a profile of its own, under a time limit, so that
/// <see cref="DocxPlanExtractor"/> can read them. Where LibreOffice is not installed the file is refused
/// with a finding that asks for .docx or .odt. Used by <see cref="PlanDocumentLoader.LoadAsync(byte[], string, CancellationToken)"/>.
/// </summary>
public sealed class LegacyDocumentConverter
{
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(60);

    private static readonly string[] KnownLocations = ["/usr/bin/soffice", "/usr/lib/libreoffice/program/soffice"];

    private readonly string? _configuredPath;
    private readonly TimeSpan _timeout;

    // Each LibreOffice run takes a few hundred MB and most of a core: two at a time at most.
    private readonly SemaphoreSlim _running = new(2, 2);

    /// <param name="sofficePath">LibreOffice's soffice; null looks on PATH and where Debian installs it.</param>
    /// <param name="timeout">How long one conversion may take before LibreOffice is killed (default 60 s).</param>
    public LegacyDocumentConverter(string? sofficePath = null, TimeSpan? timeout = null)
    {
        _configuredPath = string.IsNullOrWhiteSpace(sofficePath) ? null : sofficePath;
        _timeout = timeout is { } t && t > TimeSpan.Zero ? t : DefaultTimeout;
    }

    /// <summary>The soffice this converter would run, or null when LibreOffice is not on the machine.</summary>
    public string? SofficePath => _configuredPath is not null
        ? (File.Exists(_configuredPath) ? _configuredPath : null)
        : FindOnPath() ?? KnownLocations.FirstOrDefault(File.Exists);

    public static LegacyFormat Detect(ReadOnlySpan<byte> bytes) =>
        bytes.StartsWith((ReadOnlySpan<byte>)[0xD0, 0xCF, 0x11, 0xE0]) ? LegacyFormat.Doc
        : bytes.StartsWith(@"{\rtf"u8) ? LegacyFormat.Rtf
        : LegacyFormat.None;

    /// <summary>The refusal where the file cannot be converted here: save it as .docx or .odt.</summary>
    public static PlanLoadResult Refusal(LegacyFormat format) => format == LegacyFormat.Rtf
        ? PlanDocumentLoader.Fail(PlanFindingCodes.UnsupportedFormat, "這是 RTF 檔，本系統無法直接讀取；請另存為 .docx 或 .odt 後再上傳。",
            "This is an RTF file, which cannot be read here; save it as .docx or .odt and upload again.")
        : PlanDocumentLoader.Fail(PlanFindingCodes.UnsupportedFormat, "這是舊版 Word（.doc）檔，本系統無法直接讀取；請另存為 .docx 或 .odt 後再上傳。",
            "This is an old Word (.doc) file, which cannot be read here; save it as .docx or .odt and upload again.");

    /// <summary>Converts the file and reads the result as Word; a finding when LibreOffice is absent, fails or runs out of time.</summary>
    public async Task<PlanLoadResult> LoadAsync(byte[] bytes, string fileName, LegacyFormat format, CancellationToken ct)
    {
        if (format == LegacyFormat.None || SofficePath is not { } soffice)
        {
            return Refusal(format);
        }

        var (docx, failure) = await ConvertToDocxAsync(soffice, bytes, format, ct).ConfigureAwait(false);
        if (docx is null)
        {
            return failure!;
        }

        var loaded = DocxPlanExtractor.Extract(docx, fileName, ct);
        var note = format == LegacyFormat.Rtf
            ? PlanFinding.Info(PlanFindingCodes.LegacyConverted, "RTF 檔已以 LibreOffice 轉為 .docx 後讀取。", "The RTF file was converted to .docx by LibreOffice and read.")
            : PlanFinding.Info(PlanFindingCodes.LegacyConverted, "舊版 Word（.doc）檔已以 LibreOffice 轉為 .docx 後讀取。", "The old Word (.doc) file was converted to .docx by LibreOffice and read.");
        return loaded with { Findings = [note, .. loaded.Findings] };
    }

    private async Task<(byte[]? Docx, PlanLoadResult? Failure)> ConvertToDocxAsync(string soffice, byte[] bytes, LegacyFormat format, CancellationToken ct)
    {
        await _running.WaitAsync(ct).ConfigureAwait(false);
        DirectoryInfo? folder = null;
        try
        {
            folder = Directory.CreateTempSubdirectory("hsd-convert-");
            // A fixed name: the uploaded name never reaches the command line or the file system.
            var input = Path.Combine(folder.FullName, format == LegacyFormat.Rtf ? "plan.rtf" : "plan.doc");
            await File.WriteAllBytesAsync(input, bytes, ct).ConfigureAwait(false);
            var output = Directory.CreateDirectory(Path.Combine(folder.FullName, "out")).FullName;
            var profile = Directory.CreateDirectory(Path.Combine(folder.FullName, "profile")).FullName;

            var start = new ProcessStartInfo(soffice)
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
                WorkingDirectory = folder.FullName,
            };
            // A profile of its own per run: two runs sharing one wait on each other's lock.
            start.ArgumentList.Add("-env:UserInstallation=" + new Uri(profile).AbsoluteUri);
            foreach (var argument in (string[])["--headless", "--norestore", "--nolockcheck", "--convert-to", "docx", "--outdir", output, input])
            {
                start.ArgumentList.Add(argument);
            }

            start.Environment["HOME"] = folder.FullName;

            using var process = Process.Start(start) ?? throw new InvalidOperationException("soffice did not start.");
            var stdout = process.StandardOutput.ReadToEndAsync(CancellationToken.None);
            var stderr = process.StandardError.ReadToEndAsync(CancellationToken.None);
            using var limit = CancellationTokenSource.CreateLinkedTokenSource(ct);
            limit.CancelAfter(_timeout);
            try
            {
                await process.WaitForExitAsync(limit.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                KillTree(process);
                ct.ThrowIfCancellationRequested();
                return (null, PlanDocumentLoader.Fail(PlanFindingCodes.LegacyConversionFailed,
                    $"以 LibreOffice 轉換檔案超過 {_timeout.TotalSeconds:0} 秒仍未完成，已中止；請另存為 .docx 或 .odt 後再上傳。",
                    $"Converting the file with LibreOffice took longer than {_timeout.TotalSeconds:0} s and was stopped; save it as .docx or .odt and upload again."));
            }

            await Task.WhenAll(stdout, stderr).ConfigureAwait(false);
            var converted = Path.Combine(output, "plan.docx");
            if (process.ExitCode != 0 || !File.Exists(converted))
            {
                return (null, PlanDocumentLoader.Fail(PlanFindingCodes.LegacyConversionFailed,
                    "LibreOffice 無法轉換這個檔案，檔案可能已損毀或不是文書檔；請另存為 .docx 或 .odt 後再上傳。",
                    "LibreOffice could not convert this file; it may be damaged or not a text document. Save it as .docx or .odt and upload again."));
            }

            return (await File.ReadAllBytesAsync(converted, ct).ConfigureAwait(false), null);
        }
        catch (Exception ex) when (ex is System.ComponentModel.Win32Exception or IOException or UnauthorizedAccessException or InvalidOperationException)
        {
            return (null, PlanDocumentLoader.Fail(PlanFindingCodes.LegacyConversionFailed,
                "無法執行 LibreOffice 轉換檔案；請另存為 .docx 或 .odt 後再上傳。",
                "LibreOffice could not be run to convert the file; save it as .docx or .odt and upload again."));
        }
        finally
        {
            _running.Release();
            if (folder is not null)
            {
                DeleteFolder(folder);
            }
        }
    }

    private static void KillTree(Process process)
    {
        try
        {
            // soffice is a script that starts oosplash, which starts soffice.bin: the whole tree goes.
            process.Kill(entireProcessTree: true);
            process.WaitForExit(5000);
        }
        catch (Exception ex) when (ex is InvalidOperationException or System.ComponentModel.Win32Exception or NotSupportedException)
        {
            // It ended on its own meanwhile.
        }
    }

    private static void DeleteFolder(DirectoryInfo folder)
    {
        // A killed LibreOffice may still be letting go of its profile files for a moment.
        for (var attempt = 0; attempt < 5; attempt++)
        {
            try
            {
                if (folder.Exists)
                {
                    folder.Delete(recursive: true);
                }

                return;
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                Thread.Sleep(200);
                folder.Refresh();
            }
        }
    }

    private static string? FindOnPath()
    {
        foreach (var directory in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            var candidate = Path.Combine(directory, OperatingSystem.IsWindows() ? "soffice.exe" : "soffice");
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        return null;
    }
}

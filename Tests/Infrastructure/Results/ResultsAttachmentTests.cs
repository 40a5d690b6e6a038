using HighServiceDashboard.Domain.Results;
using HighServiceDashboard.Infrastructure;
using HighServiceDashboard.Infrastructure.Results;
using HighServiceDashboard.Tests.Support;
using static HighServiceDashboard.Tests.Support.ResultsHarness;

namespace HighServiceDashboard.Tests.Infrastructure.Results;

public class ResultsAttachmentTests : IAsyncLifetime
{
    private ResultsHarness _h = default!;
    private int _bureau;

    public async Task InitializeAsync()
    {
        _h = await ResultsHarness.CreateAsync(new ResultsOptions { MaxFileMegabytes = 1, MaxFilesPerResults = 3 });
        _bureau = await _h.IdOfAsync(Bureau);
    }

    public async Task DisposeAsync() => await _h.DisposeAsync();

    private Task<CommandResult> UploadAsync(string name, byte[] content, string? code = "1.1") =>
        _h.Service.AddAttachmentAsync(_bureau, 113, code, AttachmentKind.Evidence, name, content, "finance.coordinator");

    public static TheoryData<string, byte[], string> Refused() => new()
    {
        { "成果.pdf", SampleFiles.Zip(), AttachmentMessages.ContentMismatch },
        { "成果.pdf", SampleFiles.Exe, AttachmentMessages.ContentMismatch },
        { "成果.docx", "這不是 zip"u8.ToArray(), AttachmentMessages.ContentMismatch },
        { "成果.docx", SampleFiles.Zip(), AttachmentMessages.ContentMismatch },
        { "成果.png", SampleFiles.Pdf, AttachmentMessages.ContentMismatch },
        { "成果.xlsx", SampleFiles.Docx(), AttachmentMessages.ContentMismatch },
        { "setup.exe", SampleFiles.Exe, AttachmentMessages.TypeNotAllowed },
        { "成果", SampleFiles.Pdf, AttachmentMessages.TypeNotAllowed },
        { "成果.pdf", [], AttachmentMessages.Empty },
        { ".pdf", SampleFiles.Pdf, AttachmentMessages.NameInvalid },
        { "成果\u0007.pdf", SampleFiles.Pdf, AttachmentMessages.NameInvalid },
        { new string('長', 201) + ".pdf", SampleFiles.Pdf, AttachmentMessages.NameInvalid },
        { "報告\u202Efdp.exe.pdf", SampleFiles.Pdf, AttachmentMessages.NameHasFormatCharacters },
        { "報告\u2067.pdf", SampleFiles.Pdf, AttachmentMessages.NameHasFormatCharacters },
        { "報告\u200F.pdf", SampleFiles.Pdf, AttachmentMessages.NameHasFormatCharacters },
        { "報告\u061C.pdf", SampleFiles.Pdf, AttachmentMessages.NameHasFormatCharacters },
        { "\uFEFF報告.pdf", SampleFiles.Pdf, AttachmentMessages.NameHasFormatCharacters },
        { "成果.pdf", SampleFiles.PdfHeaderOverZip(), AttachmentMessages.DoesNotOpen },
        { "成果.pdf", "%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"u8.ToArray(), AttachmentMessages.DoesNotOpen },
        { "成果.docx", SampleFiles.FakeDocx(), AttachmentMessages.DoesNotOpen },
        { "成果.odt", OdtPackage.Zip(OdtPackage.TextMimeType, [("styles.xml", "<x/>")]), AttachmentMessages.DoesNotOpen },
        { "成果.odt", OdtPackage.Zip(OdtPackage.TextMimeType, [("content.xml", "<不是 xml")]), AttachmentMessages.DoesNotOpen },
    };

    [Theory]
    [MemberData(nameof(Refused))]
    public async Task AddAttachmentAsync_FileNotWhatItSays_IsRefusedWithItsReasonAndNothingStored(string name, byte[] content, string reason)
    {
        var result = await UploadAsync(name, content);

        Assert.Equal([reason], result.Errors);
        Assert.Null((await _h.ViewAsync(Bureau)).Id);
        Assert.False(Directory.Exists(_h.Files.Root) && Directory.EnumerateFiles(_h.Files.Root, "*", SearchOption.AllDirectories).Any());
    }

    [Fact]
    public async Task AddAttachmentAsync_RealOpenDocument_IsStored()
    {
        var result = await UploadAsync("成果.odt", OdtPackage.Build("<text:p>佐證</text:p>"));

        Assert.True(result.Succeeded, string.Join(", ", result.Errors));
    }

    [Fact]
    public async Task AddAttachmentAsync_OverTheSizeLimit_IsRefused()
    {
        var big = new byte[(1024 * 1024) + 1];
        "%PDF-"u8.CopyTo(big);

        var result = await UploadAsync("大檔案.pdf", big);

        Assert.Equal([AttachmentMessages.TooLarge], result.Errors);
    }

    [Fact]
    public async Task AddAttachmentAsync_RealFiles_AreStoredUnderTheDataFolderWithTheTypeOfTheirExtension()
    {
        var docx = SampleFiles.Docx();

        var word = await UploadAsync(@"C:\Users\王\佐證 資料.docx", docx);
        var image = await UploadAsync("照片.PNG", SampleFiles.Png, code: null);

        Assert.True(word.Succeeded, string.Join(", ", word.Errors));
        Assert.True(image.Succeeded, string.Join(", ", image.Errors));
        var view = await _h.ViewAsync(Bureau);
        var stored = Assert.Single(view.Items.Single(i => i.Code == "1.1").Attachments);
        Assert.Equal("佐證 資料.docx", stored.FileName);
        Assert.Equal("application/vnd.openxmlformats-officedocument.wordprocessingml.document", stored.ContentType);
        Assert.Equal(docx.Length, stored.Size);
        Assert.StartsWith($"{view.Id}/", stored.StoredName);
        Assert.DoesNotContain("佐證", stored.StoredName);
        await using (var content = _h.Queries.OpenContent(stored)!)
        using (var copy = new MemoryStream())
        {
            await content.CopyToAsync(copy);
            Assert.Equal(docx, copy.ToArray());
        }

        Assert.Equal("image/png", Assert.Single(view.OverallAttachments).ContentType);
    }

    [Fact]
    public async Task AddAttachmentAsync_MoreThanTheLimitOfFiles_IsRefused()
    {
        for (var i = 0; i < 3; i++)
        {
            Assert.True((await UploadAsync($"第{i}份.pdf", SampleFiles.Pdf)).Succeeded);
        }

        Assert.Equal([ResultsMessages.TooManyFiles], (await UploadAsync("第4份.pdf", SampleFiles.Pdf)).Errors);
    }

    [Fact]
    public async Task AddAttachmentAsync_ParallelUploadsOverTheLimit_StoreNoMoreThanTheLimit()
    {
        // The limit here is 3: twelve uploads at once, each on its own context, as twelve browser tabs would.
        var uploads = Enumerable.Range(0, 12).Select(i => Task.Run(() => UploadAsync($"並行{i}.pdf", SampleFiles.Pdf))).ToList();

        var results = await Task.WhenAll(uploads);

        Assert.Equal(3, results.Count(r => r.Succeeded));
        Assert.All(results.Where(r => !r.Succeeded), r => Assert.Equal([ResultsMessages.TooManyFiles], r.Errors));
        Assert.Equal(3, (await _h.ViewAsync(Bureau)).Items.Single(i => i.Code == "1.1").Attachments.Count);
        Assert.Equal(3, Directory.EnumerateFiles(_h.Files.Root, "*", SearchOption.AllDirectories).Count());
    }

    [Fact]
    public async Task RemoveAttachmentAsync_DraftResults_DeletesTheRowAndTheFile()
    {
        var added = await UploadAsync("成果.pdf", SampleFiles.Pdf);
        var stored = Assert.Single((await _h.ViewAsync(Bureau)).Items.Single(i => i.Code == "1.1").Attachments);

        var removed = await _h.Service.RemoveAttachmentAsync(added.Id!.Value);

        Assert.True(removed.Succeeded);
        Assert.Empty((await _h.ViewAsync(Bureau)).Items.Single(i => i.Code == "1.1").Attachments);
        Assert.Null(_h.Files.Open(stored.StoredName));
    }
}

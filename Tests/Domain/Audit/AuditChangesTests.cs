using HighServiceDashboard.Domain.Audit;

namespace HighServiceDashboard.Tests.Domain.Audit;

public class AuditChangesTests
{
    [Fact]
    public void Fields_Modified_ListsOnlyTheFieldsThatMoved()
    {
        var changes = AuditChanges.Fields("""{"Title":"原稿","Status":"Draft","Version":1}""", """{"Title":"修正稿","Status":"Draft","Version":2}""");

        Assert.Equal([new AuditFieldChange("Title", "原稿", "修正稿"), new AuditFieldChange("Version", "1", "2")], changes);
    }

    [Fact]
    public void Fields_AddedOrDeleted_ListsEveryField()
    {
        Assert.Equal(
            [new AuditFieldChange("Name", null, "稽核室"), new AuditFieldChange("RetiredOn", null, null)],
            AuditChanges.Fields(null, """{"Name":"稽核室","RetiredOn":null}"""));
        Assert.Equal([new AuditFieldChange("Name", "稽核室", null)], AuditChanges.Fields("""{"Name":"稽核室"}""", null));
    }

    [Fact]
    public void Fields_LongValueOrTextThatIsNotJson_IsShownCut()
    {
        var longText = new string('甲', 200);

        var cut = Assert.Single(AuditChanges.Fields(null, $$"""{"Description":"{{longText}}"}"""));
        var raw = Assert.Single(AuditChanges.Fields(null, "not json"));

        Assert.Equal(new string('甲', AuditChanges.MaxValueLength) + "…", cut.After);
        Assert.Equal(new AuditFieldChange("", null, "not json"), raw);
    }
}

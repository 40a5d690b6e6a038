using System.Text.Json;
using HighServiceDashboard.Domain.Frameworks;
using HighServiceDashboard.Tests.Support;

namespace HighServiceDashboard.Tests.Domain;

public class FrameworkCatalogueTests
{
    [Fact]
    public void All_ShipsBothFrameworks_WithTheirPillarAndSubItemCounts()
    {
        var leap = FrameworkCatalogue.Get("leap");
        var refine = FrameworkCatalogue.Get("refine");

        Assert.Equal("政府服務躍升方案", leap.Name);
        Assert.Equal(6, leap.Pillars.Count);
        Assert.Equal(22, leap.SubItems.Count());
        Assert.Equal("訂定「提升服務計畫」", leap.Preamble?.Title);
        Assert.Equal("政府服務創新精進方案", refine.Name);
        Assert.Equal(5, refine.Pillars.Count);
        Assert.Equal(24, refine.SubItems.Count());
        Assert.Null(refine.Preamble);
    }

    [Fact]
    public void FindSubItem_KnownCode_ReturnsItsExactText()
    {
        var subItem = FrameworkCatalogue.Get("leap").FindSubItem("3.3");

        Assert.Equal("推動跨單位、跨機關服務流程整合及政府資訊資源共用共享，提供全程整合服務。", subItem?.Text);
        Assert.Equal(
            ["1.1", "1.2", "1.3", "1.4", "1.5", "1.6"],
            FrameworkCatalogue.Get("refine").Pillars[0].SubItems.Select(s => s.Code));
    }

    [Fact]
    public void Get_UnknownKey_Throws() => Assert.Throws<KeyNotFoundException>(() => FrameworkCatalogue.Get("nope"));

    [SharedFact]
    public void All_MatchesSharedDomainFile_TextForText()
    {
        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(RepositoryPaths.Shared, "domain", "frameworks.json")));
        var expected = json.RootElement.GetProperty("frameworks").EnumerateArray().ToList();

        Assert.Equal(expected.Select(f => f.GetProperty("key").GetString()), FrameworkCatalogue.All.Select(f => f.Key));
        foreach (var expectedFramework in expected)
        {
            var actual = FrameworkCatalogue.Get(expectedFramework.GetProperty("key").GetString()!);
            Assert.Equal(expectedFramework.GetProperty("name").GetString(), actual.Name);
            Assert.Equal(expectedFramework.GetProperty("nameEn").GetString(), actual.NameEn);
            if (expectedFramework.TryGetProperty("preamble", out var preamble))
            {
                Assert.Equal(preamble.GetProperty("title").GetString(), actual.Preamble!.Title);
                Assert.Equal(preamble.GetProperty("text").GetString(), actual.Preamble.Text);
            }

            var pillars = expectedFramework.GetProperty("pillars").EnumerateArray().ToList();
            Assert.Equal(pillars.Count, actual.Pillars.Count);
            foreach (var (expectedPillar, actualPillar) in pillars.Zip(actual.Pillars))
            {
                Assert.Equal(expectedPillar.GetProperty("code").GetString(), actualPillar.Code);
                Assert.Equal(expectedPillar.GetProperty("title").GetString(), actualPillar.Title);
                var subItems = expectedPillar.GetProperty("subItems").EnumerateArray()
                    .Select(s => (s.GetProperty("code").GetString(), s.GetProperty("text").GetString()));
                Assert.Equal(subItems, actualPillar.SubItems.Select(s => ((string?)s.Code, (string?)s.Text)));
            }
        }
    }
}

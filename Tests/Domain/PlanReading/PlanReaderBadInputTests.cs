using HighServiceDashboard.Domain.Frameworks;
using HighServiceDashboard.Domain.Plans.Reading;

namespace HighServiceDashboard.Tests.Domain.PlanReading;

public sealed class PlanReaderBadInputTests
{
    [Fact]
    public void Read_EmptyDocument_GivesEmptyDocumentError()
    {
        var reading = new PlanReader().Read(PlanTextDocument.FromText("  \n\t\n"));

        var error = Assert.Single(reading.Findings, f => f.Severity == FindingSeverity.Error);
        Assert.Equal(PlanFindingCodes.EmptyDocument, error.Code);
        Assert.True(reading.HasErrors);
    }

    [Fact]
    public void Read_DocumentWithoutPlanTable_GivesNoPlanTableError()
    {
        // It cites the framework (in its goals) but has no table of focus points.
        var text = """
            高雄市政府社會局113年度提升服務執行計畫
            壹、計畫依據：政府服務躍升方案。
            貳、計畫目標：提供民眾易讀、易懂、易用的服務申辦資訊及進度查詢管道，提升服務流程透明度。
            參、計畫內容：傾聽民眾意見，積極回應，有效協助民眾解決問題。
            肆、推動及管考：體認服務對象屬性差異，對特殊或弱勢族群提供適性服務，降低其取得服務的成本。
            """;

        var reading = new PlanReader().Read(PlanTextDocument.FromText(text), new PlanReadOptions { FrameworkKey = "leap" });

        Assert.Equal(PlanFindingCodes.NoPlanTable, Assert.Single(reading.Findings, f => f.Severity == FindingSeverity.Error).Code);
        Assert.Equal("高雄市政府社會局", reading.AgencyName);
        Assert.Equal(5, reading.OtherText.Count);
    }

    [Fact]
    public void Read_TableMatchingNoFramework_GivesUnknownFrameworkError()
    {
        var text = "高雄市政府環境保護局113年度節能減碳計畫\n項目\t做法\t單位\n一、節約用電\t冷氣溫度設定26度\t秘書室\n二、節約用水\t裝設省水龍頭\t總務科\n";

        var reading = new PlanReader().Read(PlanTextDocument.FromText(text));

        var error = Assert.Single(reading.Findings, f => f.Severity == FindingSeverity.Error);
        Assert.Equal(PlanFindingCodes.UnknownFramework, error.Code);
        Assert.NotEmpty(error.Message);
        Assert.NotEmpty(error.MessageEn);
        Assert.Null(reading.FrameworkKey);
        Assert.Contains(reading.OtherText, t => t.Text == "冷氣溫度設定26度");
    }

    [Fact]
    public void Read_FrameworkKeyNotAvailable_GivesError()
    {
        var reading = PlanFixtures.Read("renumbered-labels.txt", new PlanReadOptions { FrameworkKey = "future" });

        Assert.Equal(PlanFindingCodes.FrameworkNotAvailable, Assert.Single(reading.Findings, f => f.Severity == FindingSeverity.Error).Code);
    }

    [Fact]
    public void Read_FrameworksFromCaller_AreTheOnlyCandidates()
    {
        var reading = new PlanReader([FrameworkCatalogue.Get("refine")]).Read(PlanTextDocument.FromText(PlanFixtures.Text("renumbered-labels.txt")));

        Assert.Equal(PlanFindingCodes.UnknownFramework, Assert.Single(reading.Findings, f => f.Severity == FindingSeverity.Error).Code);
    }

    [Fact]
    public void Read_TitleWithoutAgencyOrYear_WarnsForBoth()
    {
        var text = "計畫內容\n" + string.Join("\n", PlanFixtures.Text("renumbered-labels.txt").Split('\n').Skip(2));

        var reading = new PlanReader().Read(PlanTextDocument.FromText(text));

        Assert.Contains(reading.Findings, f => f.Code == PlanFindingCodes.AgencyNotFound && f.Severity == FindingSeverity.Warning);
        Assert.Contains(reading.Findings, f => f.Code == PlanFindingCodes.YearNotFound && f.Severity == FindingSeverity.Warning);
        Assert.False(reading.HasErrors);
    }
}

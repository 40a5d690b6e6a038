using HighServiceDashboard.Domain.Frameworks;
using HighServiceDashboard.Domain.Plans.Reading;

namespace HighServiceDashboard.Tests.Domain.PlanReading;

public sealed class TextPiecesTests
{
    [Theory]
    [InlineData("菸酒管理科、非公用 財產管理科", new[] { "菸酒管理科", "非公用財產管理科" })]
    [InlineData("菸酒管理科、非公用財產管理科及秘書室", new[] { "菸酒管理科", "非公用財產管理科", "秘書室" })]
    [InlineData("財務管理科 公用財產管理科 非公用財產管理科", new[] { "財務管理科", "公用財產管理科", "非公用財產管理科" })]
    [InlineData("建管處、企劃處、暨所屬機關", new[] { "建管處", "企劃處", "所屬機關" })]
    [InlineData("<p>各課室</p> <p>秘書室</p>", new[] { "各課室", "秘書室" })]
    [InlineData("1.民政課 2.社會課", new[] { "民政課", "社會課" })]
    public void Split_UnitsCell_GivesUnitNames(string cell, string[] expected)
    {
        Assert.Equal(expected, UnitSplitter.Split(cell));
    }

    [Theory]
    [InlineData("各科室", true)]
    [InlineData("各課室", true)]
    [InlineData("各組室中心", true)]
    [InlineData("本所全體同仁", true)]
    [InlineData("秘書室", false)]
    public void MeansAllUnits_Unit_IsTrueOnlyForEveryUnit(string unit, bool expected)
    {
        Assert.Equal(expected, UnitSplitter.MeansAllUnits(unit));
    }

    [Fact]
    public void Extract_CommitmentsWithCadence_GivesKindsAndCounts()
    {
        var cadences = CadenceExtractor.Extract("每季定期辦理「電話服務品質及禮貌測試」。每年至少辦理洽公環境設備檢查1次以及環境大掃除3次；定期每4年辦理1次建築物整體性之安全檢查；不定期抽查。每半年檢討一次。");

        Assert.Equal([CadenceKind.Quarterly, CadenceKind.Yearly, CadenceKind.EveryNYears, CadenceKind.HalfYearly], cadences.Select(c => c.Kind));
        Assert.Equal(1, cadences[1].Times);
        Assert.True(cadences[1].AtLeast);
        Assert.Equal(4, cadences[2].IntervalYears);
        Assert.Equal("定期每4年辦理1次建築物整體性之安全檢查", cadences[2].Text);
    }

    [Theory]
    [InlineData("每年至少辦理一次消防演練", CadenceKind.Yearly, null, 1)]
    [InlineData("每兩年辦理2次建物安全檢查", CadenceKind.EveryNYears, 2, 2)]
    [InlineData("每 3 個月檢視網站資料", CadenceKind.Quarterly, null, null)]
    [InlineData("按月統計陳情案件", CadenceKind.Monthly, null, null)]
    [InlineData("每六個月辦理十二場說明會", CadenceKind.HalfYearly, null, 12)]
    public void Extract_WordedCadences_GiveKindIntervalAndTimes(string text, CadenceKind kind, int? years, int? times)
    {
        var cadence = Assert.Single(CadenceExtractor.Extract(text));

        Assert.Equal(kind, cadence.Kind);
        Assert.Equal(years, cadence.IntervalYears);
        Assert.Equal(times, cadence.Times);
    }

    [Theory]
    [InlineData("秘書室(主辦)、各科室(協辦)", new[] { "秘書室", "各科室" })]
    [InlineData("主辦：秘書室；協辦：人事室", new[] { "秘書室", "人事室" })]
    public void Split_UnitsWithRoles_DropsTheRoles(string cell, string[] expected)
    {
        Assert.Equal(expected, UnitSplitter.Split(cell));
    }

    [Fact]
    public void Clean_MarkupFullWidthAndStraySpaces_GivesPlainText()
    {
        Assert.Equal("服務資訊公開：訂定申辦案件(SOP)\n登載於網站", TextNormalizer.Clean("<p><b>服務資訊 公開</b> ：訂定申辦案件(SOP)</p><p>登載於　網站</p>"));
        Assert.Equal("(一)建立", TextNormalizer.Fold("（一）建立"));
        Assert.Equal("一建立業務", TextNormalizer.Key("（一）建立　業務"));
    }

    [Fact]
    public void MatchSubItem_FragmentOfSubItem_FindsItByContainment()
    {
        var matcher = new SubItemMatcher(FrameworkCatalogue.Get("leap"));

        Assert.Equal("1.1", matcher.MatchSubItem("(一)建立業務標準作業流程，維持服務措施 處理一致性 ；確保資訊提供、問題回應或申辦案件 處理的正確性 ，並適時", null, labelled: true)!.Item.Code);
        Assert.Equal("3.3", matcher.MatchSubItem("推動跨單位、跨機關服務流程整合及政府資訊資源共用共享，提供 全程整合服務", null, labelled: false)!.Item.Code);
        Assert.Null(matcher.MatchSubItem("冷氣溫度設定26度", null, labelled: false));
    }

    [Fact]
    public void FindTitle_AgencyOnLineAboveYear_JoinsThem()
    {
        var (title, agency, year, _) = PlanHeaderDetector.FindTitle([new SourceText(1, "# 高雄市政府財政局動產質借所"), new SourceText(2, "## 114年度提升服務工作計畫")]);

        Assert.Equal("高雄市政府財政局動產質借所", agency);
        Assert.Equal(114, year);
        Assert.Equal("高雄市政府財政局動產質借所114年度提升服務工作計畫", title);
    }

    [Theory]
    [InlineData("於109年1月提送年度執行成果", 108)]
    [InlineData("本所應於 112 年 12 月提報年度執行成果", 112)]
    public void FindYearFromResultsSentence_Sentence_GivesPlanYear(string sentence, int expected)
    {
        Assert.Equal(expected, PlanHeaderDetector.FindYearFromResultsSentence([new SourceText(9, sentence)])!.Value.Year);
    }

    [Theory]
    [InlineData("高雄市政府財政局2024年度提升服務執行計畫", "高雄市政府財政局", 113)]
    [InlineData("113年度高雄市政府衛生局提升服務執行計畫", "高雄市政府衛生局", 113)]
    [InlineData("高雄市鳥松區公所 113 年度提升服務執行計畫", "高雄市鳥松區公所", 113)]
    [InlineData("高雄市政府工務局105年度提升服務品質執行計畫", "高雄市政府工務局", 105)]
    public void FindTitle_TitleForms_GiveAgencyAndRocYear(string line, string agency, int year)
    {
        var found = PlanHeaderDetector.FindTitle([new SourceText(1, line)]);

        Assert.Equal(agency, found.Agency);
        Assert.Equal(year, found.Year);
    }

    [Fact]
    public void FindTitle_DatedLetterOrSentenceBeforeTitle_SkipsThem()
    {
        var found = PlanHeaderDetector.FindTitle(
        [
            new SourceText(1, "高雄市政府112年12月29日高市府研發字第11231004600號函修訂「高雄市政府提升服務實施計畫」"),
            new SourceText(2, "依據本府113年度提升服務實施計畫辦理。"),
            new SourceText(3, "高雄市政府財政局113年度提升服務執行計畫"),
        ]);

        Assert.Equal("高雄市政府財政局", found.Agency);
        Assert.Equal(3, found.Line);
    }

    [Fact]
    public void FindParent_OfficeUnderBureau_GivesBureau()
    {
        Assert.Equal("高雄市政府財政局", PlanHeaderDetector.FindParent("高雄市政府財政局動產質借所", []));
        Assert.Equal("高雄市政府財政局", PlanHeaderDetector.FindParent("高雄市稅捐稽徵處", [new SourceText(3, "配合本府財政局推動及管考作業辦理。")]));
        Assert.Null(PlanHeaderDetector.FindParent("高雄市政府財政局", []));
    }
}

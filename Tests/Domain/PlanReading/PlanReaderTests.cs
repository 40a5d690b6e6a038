using HighServiceDashboard.Domain.Plans.Reading;

namespace HighServiceDashboard.Tests.Domain.PlanReading;

public sealed class PlanReaderTests
{
    [Fact]
    public void Read_SubItemSplitAtPageBreak_JoinsBothHalvesIntoOneSubItem()
    {
        var reading = PlanFixtures.Read("split-cell-page-break.txt");

        Assert.Equal(["1.1", "1.2"], PlanFixtures.Covered(reading));
        var item = reading.Items.Single(i => i.Code == "1.1");
        Assert.Equal("(一)建立業務標準作業流程，維持服務措施處理一致性；確保資訊提供、問題回應或申辦案件處理的正確性，並適時檢討改進流程與作業方式。", item.Text);
        Assert.Equal(["訂定標準作業流程", "案件逾期告知"], reading.FocusPoints.Where(f => f.Code == "1.1").Select(f => f.Title));
        Assert.Equal(["登記課", "測量課"], reading.FocusPoints.Single(f => f.Title == "案件逾期告知").Units);
        Assert.Equal("高雄市前鎮地政事務所", reading.AgencyName);
        Assert.Equal(112, reading.RocYear);
        Assert.Equal(YearSource.Title, reading.YearSource);
        Assert.Empty(reading.Unplaced);
    }

    [Fact]
    public void Read_LabelsRenumberedAfterSkippedSubItem_MapsByTextNotLabel()
    {
        var reading = PlanFixtures.Read("renumbered-labels.txt");

        // The plan's (二) is the framework's 1.3 and its (三) is 1.4; 1.2 was skipped.
        Assert.Equal("1.3", reading.FocusPoints.Single(f => f.Title == "親切服務").Code);
        Assert.Equal("1.4", reading.FocusPoints.Single(f => f.Title == "創新服務").Code);
        var coverage = reading.GetCoverage();
        Assert.Equal(CoverageStatus.Missing, coverage.SubItems.Single(s => s.Code == "1.2").Status);
        Assert.Equal(CoverageStatus.Missing, coverage.Preamble);
        Assert.Contains(reading.FocusPoints.Single(f => f.Title == "親切服務").Cadences, c => c.Kind == CadenceKind.HalfYearly);
        Assert.All(reading.FocusPoints, f => Assert.False(f.IsGuess));
    }

    [Fact]
    public void Read_FocusPointWithLostLabel_IsPlacedByContentAndMarkedAsGuess()
    {
        var reading = PlanFixtures.Read("lost-label-guess.txt");

        var guessed = reading.FocusPoints.Single(f => f.Title == "滿意度調查");
        Assert.Equal("2.3", guessed.Code);
        Assert.True(guessed.IsGuess);
        Assert.Contains("第2項執行要項", guessed.GuessReason);
        Assert.Contains("pillar 2", guessed.GuessReasonEn);
        Assert.Contains(reading.Findings, f => f.Code == PlanFindingCodes.FocusPointGuessed && f.Line == guessed.Line);
        Assert.False(reading.FocusPoints.Single(f => f.Title == "意見信箱").IsGuess);
        Assert.Equal("2.2", reading.FocusPoints.Single(f => f.Title == "意見信箱").Code);
    }

    [Fact]
    public void Read_NotApplicableWithReason_IsDeclarationAndWithoutReasonIsFinding()
    {
        var reading = PlanFixtures.Read("not-applicable.txt");
        var coverage = reading.GetCoverage();

        var declared = Assert.Single(reading.NotApplicable);
        Assert.Equal("3.2", declared.Code);
        Assert.Equal("質借業務須當面鑑定物品，尚無提供線上申辦服務", declared.Reason);
        Assert.Equal(CoverageStatus.NotApplicable, coverage.SubItems.Single(s => s.Code == "3.2").Status);
        Assert.Equal(CoverageStatus.Missing, coverage.SubItems.Single(s => s.Code == "3.3").Status);
        var finding = Assert.Single(reading.Findings, f => f.Code == PlanFindingCodes.NotApplicableWithoutReason);
        Assert.Equal(FindingSeverity.Warning, finding.Severity);
        Assert.Contains("3.3", finding.Message);
        Assert.Contains(reading.Unplaced, u => u.Text == "本項不適用。");
        Assert.Equal(["3.1", "3.4"], PlanFixtures.Covered(reading));
    }

    [Fact]
    public void Read_OneUnitPerNumberedPoint_PairsUnitsWithMeasures()
    {
        var reading = PlanFixtures.Read("one-unit-per-point.txt");

        var point = reading.FocusPoints.Single(f => f.Code == "1.1");
        Assert.Equal("標準作業流程", point.Title);
        Assert.Equal(["土地開發處", "土木工程處", "秘書室"], point.Units);
        Assert.Equal([["土地開發處"], ["土木工程處"], ["秘書室"]], point.Measures.Select(m => m.Units));
        Assert.StartsWith("2. 訂定工程陳情案件處理流程", point.Measures[1].Text);
        Assert.Contains(point.Cadences, c => c.Kind == CadenceKind.Periodic);
    }

    [Fact]
    public void Read_AllUnitsCell_SetsFlagAndKeepsLiteral()
    {
        var reading = PlanFixtures.Read("one-unit-per-point.txt");

        var point = reading.FocusPoints.Single(f => f.Code == "1.2");
        Assert.True(point.AllUnits);
        Assert.Equal(["各組室中心"], point.Units);
        Assert.False(reading.FocusPoints.Single(f => f.Code == "1.1").AllUnits);
    }

    [Fact]
    public void Read_HtmlCells_StripsMarkupAndReadsListItems()
    {
        var reading = PlanFixtures.Read("html-cells.txt");

        Assert.Equal("高雄市政府文化局", reading.AgencyName);
        var friendly = reading.FocusPoints.Single(f => f.Code == "4.1");
        Assert.Equal("友善參觀服務", friendly.Title);
        Assert.Equal("提供輪椅及語音導覽借用。\n展場設置無障礙參觀動線。", friendly.Description);
        Assert.Equal(["藝術發展科", "文化資產科"], friendly.Units);
        var bus = reading.FocusPoints.Single(f => f.Code == "4.2");
        Assert.Contains("&", bus.Description);
        var monthly = Assert.Single(bus.Cadences);
        Assert.Equal(CadenceKind.Monthly, monthly.Kind);
        Assert.Equal(2, monthly.Times);
        Assert.True(monthly.AtLeast);
    }

    [Fact]
    public void Read_MarkdownTitleWithoutYear_TakesYearFromResultsSentence()
    {
        var reading = PlanFixtures.Read("markdown-results-year.md");

        Assert.Equal("高雄市政府勞工局勞工博物館", reading.AgencyName);
        Assert.Equal(108, reading.RocYear);
        Assert.Equal(YearSource.ResultsSentence, reading.YearSource);
        Assert.Contains(reading.Findings, f => f.Code == PlanFindingCodes.YearFromResultsSentence && f.Severity == FindingSeverity.Info);
        Assert.Equal("高雄市政府勞工局", reading.Parent);
        Assert.Equal(["5.1", "5.2", "5.3"], PlanFixtures.Covered(reading));
        Assert.Equal("開放資料", reading.FocusPoints.Single(f => f.Code == "5.1").Title);
        Assert.Equal(CadenceKind.Quarterly, reading.FocusPoints.Single(f => f.Code == "5.1").Cadences.Single().Kind);
    }

    [Fact]
    public void Read_FourColumnsPillarAndSubItemInOneCellStraySpaces_ReadsEverything()
    {
        var reading = PlanFixtures.Read("four-columns-stray-spaces.txt");

        Assert.Equal("高雄市政府水利局", reading.AgencyName);
        Assert.Equal(113, reading.RocYear);
        Assert.Equal(["6.1", "6.2"], PlanFixtures.Covered(reading));
        var warning = reading.FocusPoints.Single(f => f.Code == "6.1");
        Assert.Equal("淹水預警", warning.Title);
        Assert.Equal(["防洪排水科", "水利資訊科"], warning.Units);
        Assert.StartsWith("建置智慧水位感測系統，提前發布淹水警戒。", warning.Description);
        Assert.Contains(warning.Cadences, c => c.Kind == CadenceKind.Quarterly);
        Assert.Equal(["河川管理科"], reading.FocusPoints.Single(f => f.Code == "6.2").Units);
    }

    [Fact]
    public void Read_RefinePlan_MatchesRefineAndItsPlanSubItem()
    {
        var reading = PlanFixtures.Read("refine-plan.txt");

        Assert.Equal("refine", reading.FrameworkKey);
        Assert.Equal(["1.1", "1.2", "2.1"], PlanFixtures.Covered(reading));
        Assert.Null(reading.GetCoverage().Preamble);
        Assert.Equal(24, reading.GetCoverage().Totals.SubItems);
        Assert.Equal(21, reading.GetCoverage().Totals.Missing);
    }

    [Fact]
    public void Read_ForcedOptions_OverrideWhatTheDocumentSays()
    {
        var reading = PlanFixtures.Read("split-cell-page-break.txt", new PlanReadOptions { RocYear = 111, AgencyName = "高雄市鳳山地政事務所", FrameworkKey = "leap" });

        Assert.Equal(111, reading.RocYear);
        Assert.Equal(YearSource.Option, reading.YearSource);
        Assert.Equal("高雄市鳳山地政事務所", reading.AgencyName);
        Assert.Equal("leap", reading.FrameworkKey);
    }

    [Fact]
    public void Read_PlanWithoutTable_ReadsParagraphsAsOneColumn()
    {
        var text = """
            高雄市政府觀光局114年度提升服務執行計畫
            一、完備基礎服務項目，注重服務特性差異化
            (一)建立業務標準作業流程，維持服務措施處理一致性；確保資訊提供、問題回應或申辦案件處理的正確性，並適時檢討改進流程與作業方式。
            訂定旅宿業登記標準作業流程，並公開於網站。
            (二)提供民眾易讀、易懂、易用的服務申辦資訊及進度查詢管道，提升服務流程透明度。
            提供旅宿業登記案件線上查詢。
            伍、推動及管考
            """;

        var reading = new PlanReader().Read(PlanTextDocument.FromText(text));

        Assert.Equal(["1.1", "1.2"], PlanFixtures.Covered(reading));
        Assert.Contains(reading.OtherText, t => t.Text == "伍、推動及管考");
    }

    [Fact]
    public void Read_MessyLayout_UnitsBeforeFocusRepeatedHeaderPillarLinesNumericLabels()
    {
        var reading = PlanFixtures.Read("messy-layout.txt");

        Assert.Equal("高雄市政府衛生局", reading.AgencyName);
        Assert.Equal(113, reading.RocYear);
        Assert.Equal(["1.1", "1.2", "3.3"], PlanFixtures.Covered(reading));
        var sop = reading.FocusPoints.Single(f => f.Code == "1.1");
        Assert.Equal("醫事證照標準作業", sop.Title);
        Assert.True(sop.AllUnits);
        Assert.Equal(["本局各科"], sop.Units);
        Assert.Contains(sop.Cadences, c => c.Kind == CadenceKind.Yearly && c.Times == 1);
        var declared = Assert.Single(reading.NotApplicable);
        Assert.Equal("3.2", declared.Code);
        Assert.Contains("親自核對證書正本", declared.Reason);
        Assert.Equal(["高雄市政府衛生局鳳山區衛生所", "高雄市政府衛生局旗津區衛生所"], reading.Subordinates);
        Assert.Equal("3", reading.Items.Single(i => i.Text.StartsWith("三、", StringComparison.Ordinal)).Code);
        Assert.Empty(reading.Unplaced);
    }

    [Fact]
    public void Read_TableBrokenByPageNumberAndStrayLine_KeepsPageNumberOutAndListsStrayLineUnplaced()
    {
        var lines = PlanFixtures.Text("renumbered-labels.txt").Split('\n').ToList();
        lines.Insert(4, "第 2 頁");
        lines.Insert(5, "（續下頁）附表說明文字");

        var reading = new PlanReader().Read(PlanTextDocument.FromText(string.Join('\n', lines)));

        Assert.Equal(["1.1", "1.3", "1.4"], PlanFixtures.Covered(reading));
        Assert.Contains(reading.OtherText, t => t.Text == "第 2 頁" && t.Line == 5);
        var unplaced = Assert.Single(reading.Unplaced);
        Assert.Equal("（續下頁）附表說明文字", unplaced.Text);
        Assert.Equal(6, unplaced.Line);
        Assert.Contains(reading.Findings, f => f.Code == PlanFindingCodes.UnplacedText && f.Line == 6);
    }

    [Fact]
    public void Read_SubItemCellLostMidPillar_MovesRowToUncitedSubItemAsGuess()
    {
        var reading = PlanFixtures.Read("lost-sub-item-cell.txt");

        var online = reading.FocusPoints.Single(f => f.Title == "線上申辦");
        Assert.Equal("3.2", online.Code);
        Assert.True(online.IsGuess);
        Assert.Contains("3.1", online.GuessReason);
        Assert.False(reading.FocusPoints.Single(f => f.Title == "單一窗口").IsGuess);
        Assert.Equal(["3.1", "3.2", "3.3"], PlanFixtures.Covered(reading));
    }

    [Fact]
    public void Read_SkippedSubItem_IsNotFilledByNeighboursFocusPoints()
    {
        // renumbered-labels skips 1.2 on purpose; 1.1's focus point stays where the plan put it.
        var reading = PlanFixtures.Read("renumbered-labels.txt");

        Assert.DoesNotContain(reading.FocusPoints, f => f.IsGuess);
        Assert.DoesNotContain("1.2", PlanFixtures.Covered(reading));
    }
}

using HighServiceDashboard.Domain.Plans.Reading;
using HighServiceDashboard.Infrastructure.Documents;
namespace HighServiceDashboard.Tests;
public sealed class ScratchDebugTests
{
    [Fact]
    public void Dump()
    {
        var runs = new List<(double, double, string)>
        {
            (40, 550, "高雄市前鎮地政事務所113年度提升服務工作計畫"),
            (40, 520, "執行要項"), (260, 520, "執行重點"), (560, 520, "執行單位"),
            (40, 500, "一、完備基礎服務項目，注重"), (260, 500, "(一)建立業務標準作業流程，維持服"), (560, 500, "訂定標準作業流程"), (760, 500, "登記課"),
            (40, 486, "服務特性差異化"), (260, 486, "務措施處理一致性；確保資訊提供、"), (560, 486, "訂定登記案件標準作業"),
            (260, 472, "問題回應或申辦案件處理的正確性，"), (560, 472, "流程並公開於網站。"),
            (260, 458, "並適時檢討改進流程與作業方式。"),
            (260, 440, "(二)提供民眾易讀、易懂、易用的服"), (560, 440, "線上進度查詢"), (760, 440, "資訊課、"),
            (260, 426, "務申辦資訊及進度查詢管道，提升服"), (560, 426, "每季檢討線上查詢系統。"), (760, 426, "測量課"),
            (260, 412, "務流程透明度。"),
            (40, 380, "伍、推動及管考：依市府排定期程辦理。"),
        };
        var loaded = new PlanDocumentLoader().Load(Infrastructure.Documents.CjkPdfWriter.Write(runs), "plan.pdf");
        var doc = loaded.Document!;
        var lines = new List<string>();
        foreach (var b in doc.Blocks)
        {
            if (b is PlanTable t) foreach (var r in t.Rows) lines.Add(string.Join(" | ", r.Cells.Select(c => c.Column + ":" + c.Text)));
            else if (b is PlanParagraph p) lines.Add("P " + p.Text);
        }
        var reading = new PlanReader().Read(doc);
        lines.AddRange(reading.FocusPoints.Select(f => $"FP {f.Code} {f.Title} / {f.Description} / {string.Join(",", f.Units)}"));
        lines.AddRange(reading.Items.Select(i => $"IT {i.Code} {i.Text}"));
        File.WriteAllLines("/tmp/dump.txt", lines);
    }
}

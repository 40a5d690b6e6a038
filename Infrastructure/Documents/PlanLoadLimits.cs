using HighServiceDashboard.Domain.Plans.Reading;

namespace HighServiceDashboard.Infrastructure.Documents;

/// <summary>
/// How much of an uploaded document the loader reads before refusing it. Anyone signed in with the
/// right to import may upload; these bounds keep one document from costing the server more than a
/// few seconds and a few hundred megabytes, whatever it holds. A real plan is far below each of them
/// (the largest sample: 33 KB of text, about 600 cells). Each refusal is a finding, never an exception.
/// </summary>
/// <remarks>
/// The cell and text bounds are set by what the reader after the loader costs (PlanReader.Read, which
/// takes no cancellation): about 20 µs a cell and 1 to 2 µs a character of one long paragraph on this
/// machine, so that whatever passes them is read in well under 2 s.
/// </remarks>
public static class PlanLoadLimits
{
    /// <summary>Time one document may take to extract (the default of <see cref="PlanLoadOptions.TimeBudget"/>).</summary>
    public static readonly TimeSpan TimeBudget = TimeSpan.FromSeconds(10);

    /// <summary>Table cells, rows and paragraphs of one document, together (30 times the largest sample).</summary>
    public const int MaxCells = 20_000;

    /// <summary>How deep the elements of a Word document may nest (a plan nests about 20 deep).</summary>
    public const int MaxNestingDepth = 100;

    /// <summary>Characters of text extracted from one document (about 40 times the largest sample).</summary>
    public const int MaxTextCharacters = 500_000;

    /// <summary>
    /// Size of the one large part of a package that is read (Word's document.xml), in bytes and
    /// characters: a 100-page plan's is 2 to 3 MB; 8 MB of the emptiest XML take from 0.3 s to over a second (on a busy machine) to walk.
    /// </summary>
    public const int MaxPartCharacters = 8_000_000;

    /// <summary>Small parts read beside the body (numbering and style definitions).</summary>
    public const int MaxSmallPartCharacters = 4_000_000;

    /// <summary>Entries in a zip package (a .docx holds 10 to 30, more with images).</summary>
    public const int MaxPackageEntries = 2_000;

    /// <summary>Total uncompressed size of a zip package's entries.</summary>
    public const long MaxPackageBytes = 100L * 1024 * 1024;

    /// <summary>
    /// Largest ratio of uncompressed to compressed size for an entry over <see cref="CompressionCheckedFrom"/>
    /// bytes: Word's XML compresses about 10:1; a zip bomb 1000:1.
    /// </summary>
    public const int MaxCompressionRatio = 100;

    public const long CompressionCheckedFrom = 1024 * 1024;

    internal static PlanFinding TooComplex(TimeSpan budget) => PlanFinding.Error(PlanFindingCodes.DocumentTooComplex,
        $"文件過於複雜，無法在 {budget.TotalSeconds:0.#} 秒內讀完；請簡化文件（例如另存為新檔或純文字）後再上傳。",
        $"The document is too complex to read within {budget.TotalSeconds:0.#} s; simplify it (e.g. save it as a new file or as text) and upload again.");

    internal static PlanFinding TooDeep() => PlanFinding.Error(PlanFindingCodes.DocumentTooDeep,
        $"文件的結構層層巢狀超過 {MaxNestingDepth} 層（例如表格或內容控制項套疊過深），無法讀取。",
        $"The document's structure nests more than {MaxNestingDepth} levels deep (e.g. tables or content controls inside each other) and cannot be read.");

    internal static PlanFinding TooManyCells() => PlanFinding.Error(PlanFindingCodes.TooManyCells,
        $"文件的表格儲存格與段落超過 {MaxCells:N0} 個，不像是一份計畫，無法讀取。",
        $"The document has more than {MaxCells:N0} table cells and paragraphs, more than a plan holds; it cannot be read.");

    internal static PlanFinding TextTooLong() => PlanFinding.Error(PlanFindingCodes.TextTooLong,
        $"文件的文字超過 {MaxTextCharacters:N0} 字，不像是一份計畫，無法讀取。",
        $"The document holds more than {MaxTextCharacters:N0} characters of text, more than a plan holds; it cannot be read.");

    internal static PlanFinding MalformedHtml() => PlanFinding.Error(PlanFindingCodes.DocumentTooComplex,
        "網頁檔的標籤未成對關閉（<table>、<script> 等），無法讀取；請由 Word 另存為 .docx 後再上傳。",
        "The web page's tags are not closed in pairs (<table>, <script> …) and it cannot be read; save it from Word as .docx and upload again.");

    internal static PlanFinding PartTooLarge() => PlanFinding.Error(PlanFindingCodes.PackageTooLarge,
        $"Word 檔的內文超過 {MaxPartCharacters / 1_000_000} MB，無法讀取；請移除內嵌的物件或分成數個檔案。",
        $"The Word file's body is larger than {MaxPartCharacters / 1_000_000} MB and cannot be read; remove embedded objects or split it into several files.");
}

/// <summary>
/// Thrown inside an extractor when a document passes one of <see cref="PlanLoadLimits"/>; the loader
/// and the extractors turn it into its <see cref="Finding"/>.
/// </summary>
public sealed class PlanLimitExceededException(PlanFinding finding) : Exception(finding.MessageEn)
{
    public PlanFinding Finding { get; } = finding;
}

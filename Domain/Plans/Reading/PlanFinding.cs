namespace HighServiceDashboard.Domain.Plans.Reading;

/// <summary>How much a finding matters: an error means the document could not be read as a plan.</summary>
public enum FindingSeverity
{
    Info,
    Warning,
    Error,
}

/// <summary>
/// Something the reader (or the loader before it) has to tell a person about a document: a stable
/// code for programs, a message in Traditional Chinese and in English, and the source line if any.
/// </summary>
public sealed record PlanFinding(FindingSeverity Severity, string Code, string Message, string MessageEn, int? Line = null)
{
    public static PlanFinding Error(string code, string message, string messageEn, int? line = null) => new(FindingSeverity.Error, code, message, messageEn, line);

    public static PlanFinding Warning(string code, string message, string messageEn, int? line = null) => new(FindingSeverity.Warning, code, message, messageEn, line);

    public static PlanFinding Info(string code, string message, string messageEn, int? line = null) => new(FindingSeverity.Info, code, message, messageEn, line);
}

/// <summary>The stable codes of <see cref="PlanFinding"/>; the UI and tests key on them.</summary>
public static class PlanFindingCodes
{
    // Loading (format and encoding).
    public const string EmptyFile = "EMPTY_FILE";
    public const string FileTooLarge = "FILE_TOO_LARGE";
    public const string BinaryFile = "BINARY_FILE";
    public const string NotUtf8 = "NOT_UTF8";
    public const string Big5Detected = "ENCODING_BIG5";
    public const string Utf16Detected = "ENCODING_UTF16";
    public const string UnsupportedFormat = "UNSUPPORTED_FORMAT";
    public const string DocxUnreadable = "DOCX_UNREADABLE";
    public const string PdfUnreadable = "PDF_UNREADABLE";
    public const string PdfNoTextLayer = "PDF_NO_TEXT_LAYER";
    public const string OdtUnreadable = "ODT_UNREADABLE";
    public const string LegacyConverted = "LEGACY_CONVERTED";
    public const string LegacyConversionFailed = "LEGACY_CONVERSION_FAILED";
    public const string PdfTooManyPages = "PDF_TOO_MANY_PAGES";
    public const string PdfTooManyLetters = "PDF_TOO_MANY_LETTERS";
    public const string PdfPageTooComplex = "PDF_PAGE_TOO_COMPLEX";

    // Limits (hostile or runaway documents, refused before they cost the server).
    public const string DocumentTooComplex = "DOCUMENT_TOO_COMPLEX";
    public const string DocumentTooDeep = "DOCUMENT_TOO_DEEP";
    public const string TooManyCells = "TOO_MANY_CELLS";
    public const string TextTooLong = "TEXT_TOO_LONG";
    public const string PackageTooLarge = "PACKAGE_TOO_LARGE";
    public const string PackageTooCompressed = "PACKAGE_TOO_COMPRESSED";
    public const string ImportForbidden = "IMPORT_FORBIDDEN";

    // Reading (content).
    public const string EmptyDocument = "EMPTY_DOCUMENT";
    public const string NoPlanTable = "NO_PLAN_TABLE";
    public const string UnknownFramework = "UNKNOWN_FRAMEWORK";
    public const string FrameworkNotAvailable = "FRAMEWORK_NOT_AVAILABLE";
    public const string AgencyNotFound = "AGENCY_NOT_FOUND";
    public const string YearNotFound = "YEAR_NOT_FOUND";
    public const string YearFromResultsSentence = "YEAR_FROM_RESULTS_SENTENCE";
    public const string NotApplicableWithoutReason = "NOT_APPLICABLE_WITHOUT_REASON";
    public const string FocusPointGuessed = "FOCUS_POINT_GUESSED";
    public const string SubItemUnmatched = "SUB_ITEM_UNMATCHED";
    public const string UnplacedText = "UNPLACED_TEXT";
    public const string CadenceUnstated = "CADENCE_UNSTATED";
}

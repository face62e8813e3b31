using BoardDesk.Recommendations;
using Words = BoardDesk.Server.Components.Shared.Formats;

namespace BoardDesk.Server.Infrastructure;

/// <summary>The recommendation register as CSV and XLSX, with the register's columns: responses and statuses in words.</summary>
public static class RegisterExport
{
    /// <summary>The column headings, in order.</summary>
    public static readonly string[] Columns = ["Recommendation", "Review", "No.", "Heading", "Recommendation text", "Response", "Status", "RAG", "Progress %", "Lead owner now", "Inherited"];

    /// <summary>One entry's cells, in <see cref="Columns"/> order.</summary>
    public static string[] Cells(RegisterEntry e) =>
    [
        e.Recommendation.Id, e.Recommendation.ReviewId, e.Recommendation.Number.ToString(System.Globalization.CultureInfo.InvariantCulture),
        e.Recommendation.Heading ?? "", e.Recommendation.Text, e.Recommendation.Response is { } response ? Words.Response(response) : "",
        Words.Implementation(e.Recommendation.Status), e.Recommendation.Rag?.ToString() ?? "", e.Recommendation.ProgressPercent.ToString(System.Globalization.CultureInfo.InvariantCulture),
        e.CurrentLeadOwner?.Name ?? "", e.CurrentLeadOwner is { Inherited: true } ? "yes" : "",
    ];

    /// <summary>CSV with a header row.</summary>
    public static byte[] Csv(IEnumerable<RegisterEntry> rows) => TableExport.Csv(Columns, rows.Select(Cells));

    /// <summary>An XLSX workbook with one sheet, "Register".</summary>
    public static byte[] Xlsx(IEnumerable<RegisterEntry> rows) => TableExport.Xlsx("Register", Columns, rows.Select(Cells));
}

using System.Globalization;
using BoardDesk.Actions;
using Words = BoardDesk.Server.Components.Shared.Formats;

namespace BoardDesk.Server.Infrastructure;

/// <summary>The action log as CSV and XLSX, with the same columns, in the same order, as the screen.</summary>
public static class ActionLogExport
{
    /// <summary>The column headings, in order.</summary>
    public static readonly string[] Columns = ["Action", "Board", "Description", "Owner", "Organisation", "Due", "Status", "RAG", "Source", "Source reference", "Latest note"];

    /// <summary>One row's cells, in <see cref="Columns"/> order: statuses and sources in words, as on the screen.</summary>
    public static string[] Cells(ActionLogEntry e) =>
    [
        e.Id, e.BoardId, e.Description, e.Owner, e.OrganisationName, e.DueOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        Words.Status(e.Status), e.Rag.ToString(), Words.Source(e.SourceKind), e.SourceReference, e.LatestNote ?? "",
    ];

    /// <summary>CSV with a header row; text that starts like a formula is escaped so spreadsheets do not run it.</summary>
    public static byte[] Csv(IEnumerable<ActionLogEntry> rows) => TableExport.Csv(Columns, rows.Select(Cells));

    /// <summary>An XLSX workbook with one sheet, "Action log", header row first; every cell is text.</summary>
    public static byte[] Xlsx(IEnumerable<ActionLogEntry> rows) => TableExport.Xlsx("Action log", Columns, rows.Select(Cells));
}

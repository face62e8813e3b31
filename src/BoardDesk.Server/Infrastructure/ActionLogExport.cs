using System.Globalization;
using BoardDesk.Actions;
using Words = BoardDesk.Server.Components.Shared.Formats;
using CsvHelper;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace BoardDesk.Server.Infrastructure;

/// <summary>The action log as CSV and XLSX, with the same columns, in the same order, as the screen.</summary>
internal static class ActionLogExport
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
    public static byte[] Csv(IEnumerable<ActionLogEntry> rows)
    {
        using var buffer = new MemoryStream();
        using (var text = new StreamWriter(buffer, new System.Text.UTF8Encoding(false), leaveOpen: true))
        using (var csv = CsvWriter.Create(text, CsvWriterOptions.Default with { Injection = CsvInjection.Escape }, leaveOpen: true))
        {
            foreach (var row in rows.Select(Cells).Prepend(Columns))
            {
                foreach (var cell in row)
                {
                    csv.WriteField(cell);
                }

                csv.EndRecord();
            }

            csv.Flush();
        }

        return buffer.ToArray();
    }

    /// <summary>An XLSX workbook with one sheet, "Action log", header row first; every cell is text.</summary>
    public static byte[] Xlsx(IEnumerable<ActionLogEntry> rows)
    {
        using var buffer = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(buffer, SpreadsheetDocumentType.Workbook))
        {
            var workbook = document.AddWorkbookPart();
            workbook.Workbook = new Workbook();
            var sheetPart = workbook.AddNewPart<WorksheetPart>();
            var data = new SheetData();
            foreach (var cells in rows.Select(Cells).Prepend(Columns))
            {
                var row = new Row();
                foreach (var cell in cells)
                {
                    row.AppendChild(new Cell { DataType = CellValues.InlineString, InlineString = new InlineString(new Text(cell)) });
                }

                data.AppendChild(row);
            }

            sheetPart.Worksheet = new Worksheet(data);
            workbook.Workbook.AppendChild(new Sheets(new Sheet { Id = workbook.GetIdOfPart(sheetPart), SheetId = 1, Name = "Action log" }));
            workbook.Workbook.Save();
        }

        return buffer.ToArray();
    }
}

using CsvHelper;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace BoardDesk.Server.Infrastructure;

/// <summary>A table (header row, then text cells) as CSV or as a one-sheet XLSX workbook, for the exports.</summary>
public static class TableExport
{
    /// <summary>CSV with a header row; text that starts like a formula is escaped so spreadsheets do not run it.</summary>
    public static byte[] Csv(IReadOnlyList<string> columns, IEnumerable<string[]> rows)
    {
        using var buffer = new MemoryStream();
        using (var text = new StreamWriter(buffer, new System.Text.UTF8Encoding(false), leaveOpen: true))
        using (var csv = CsvWriter.Create(text, CsvWriterOptions.Default with { Injection = CsvInjection.Escape }, leaveOpen: true))
        {
            foreach (var row in rows.Prepend([.. columns]))
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

    /// <summary>An XLSX workbook with one sheet named <paramref name="sheet"/>, header row first; every cell is text.</summary>
    public static byte[] Xlsx(string sheet, IReadOnlyList<string> columns, IEnumerable<string[]> rows)
    {
        using var buffer = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(buffer, SpreadsheetDocumentType.Workbook))
        {
            var workbook = document.AddWorkbookPart();
            workbook.Workbook = new Workbook();
            var sheetPart = workbook.AddNewPart<WorksheetPart>();
            var data = new SheetData();
            foreach (var cells in rows.Prepend([.. columns]))
            {
                var row = new Row();
                foreach (var cell in cells)
                {
                    row.AppendChild(new Cell { DataType = CellValues.InlineString, InlineString = new InlineString(new Text(cell)) });
                }

                data.AppendChild(row);
            }

            sheetPart.Worksheet = new Worksheet(data);
            workbook.Workbook.AppendChild(new Sheets(new Sheet { Id = workbook.GetIdOfPart(sheetPart), SheetId = 1, Name = sheet }));
            workbook.Workbook.Save();
        }

        return buffer.ToArray();
    }
}

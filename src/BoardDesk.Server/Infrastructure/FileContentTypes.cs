namespace BoardDesk.Server.Infrastructure;

/// <summary>The content types of the files the API answers with, as the answers send them and the API description declares them.</summary>
public static class FileContentTypes
{
    /// <summary>An Excel workbook (.xlsx).</summary>
    public const string Xlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
}

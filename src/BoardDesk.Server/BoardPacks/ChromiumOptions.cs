namespace BoardDesk.Server.BoardPacks;

/// <summary>How board packs are printed to PDF (configuration section <c>BoardDesk</c>: <c>ChromiumPath</c>, <c>PdfTimeoutSeconds</c>).</summary>
public sealed class ChromiumOptions
{
    /// <summary>The Chromium executable.</summary>
    public string ChromiumPath { get; set; } = "/usr/bin/chromium";

    /// <summary>How long one print may take before it is stopped.</summary>
    [System.ComponentModel.DataAnnotations.Range(5, 600)]
    public int PdfTimeoutSeconds { get; set; } = 90;

    /// <summary>Where each print gets its own folder (the page, the PDF, Chromium's profile); the system's temp folder when unset.</summary>
    public string? WorkFolder { get; set; }
}

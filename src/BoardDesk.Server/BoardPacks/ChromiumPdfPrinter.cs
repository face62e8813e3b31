using System.Diagnostics;
using Microsoft.Extensions.Options;

namespace BoardDesk.Server.BoardPacks;

/// <summary>
/// Prints HTML to PDF with headless Chromium's print-to-PDF, as a child process with a fresh profile in a temporary
/// folder that is deleted afterwards. Page numbers come from the pack's own <c>@page</c> rules, so Chromium's header
/// and footer are turned off. One print runs at a time: Chromium is heavy and the machine may be small.
/// </summary>
public sealed class ChromiumPdfPrinter(IOptions<ChromiumOptions> options, ILogger<ChromiumPdfPrinter> logger)
{
    private readonly SemaphoreSlim _oneAtATime = new(1, 1);

    /// <summary>Whether Chromium is installed where the settings say.</summary>
    public bool IsAvailable => File.Exists(options.Value.ChromiumPath);

    /// <summary>Prints the HTML document; <see cref="ChromiumMissingException"/> when Chromium is not installed.</summary>
    public async Task<byte[]> PrintAsync(string html, CancellationToken cancellationToken)
    {
        var chromium = options.Value.ChromiumPath;
        if (!IsAvailable)
        {
            throw new ChromiumMissingException(chromium);
        }

        await _oneAtATime.WaitAsync(cancellationToken);
        var folder = Path.Combine(options.Value.WorkFolder ?? Path.GetTempPath(), "boarddesk-pdf-" + Guid.NewGuid().ToString("N"));
        try
        {
            Directory.CreateDirectory(folder);
            var page = Path.Combine(folder, "pack.html");
            var pdf = Path.Combine(folder, "pack.pdf");
            await File.WriteAllTextAsync(page, html, cancellationToken);
            var start = new ProcessStartInfo(chromium)
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            foreach (var argument in new[]
            {
                "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage", $"--user-data-dir={Path.Combine(folder, "profile")}",
                "--no-pdf-header-footer", $"--print-to-pdf={pdf}", new Uri(page).AbsoluteUri,
            })
            {
                start.ArgumentList.Add(argument);
            }

            using var process = Process.Start(start) ?? throw new InvalidOperationException("Chromium did not start.");
            var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
            var errors = process.StandardError.ReadToEndAsync(cancellationToken);
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(TimeSpan.FromSeconds(options.Value.PdfTimeoutSeconds));
            try
            {
                await process.WaitForExitAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                cancellationToken.ThrowIfCancellationRequested();
                throw new TimeoutException($"Chromium did not print the board pack within {options.Value.PdfTimeoutSeconds} seconds.");
            }

            await Task.WhenAll(output, errors);
            if (!File.Exists(pdf))
            {
                logger.LogError("Chromium exited with {Code} and wrote no PDF: {Errors}", process.ExitCode, errors.Result);
                throw new InvalidOperationException($"Chromium exited with code {process.ExitCode} and wrote no PDF.");
            }

            return await File.ReadAllBytesAsync(pdf, cancellationToken);
        }
        finally
        {
            _oneAtATime.Release();
            try
            {
                Directory.Delete(folder, recursive: true);
            }
            catch (IOException error)
            {
                logger.LogWarning(error, "Could not delete the print folder {Folder}", folder);
            }
        }
    }
}

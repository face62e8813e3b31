using System.Diagnostics;

namespace BoardDesk.Testing;

/// <summary>One run of a built program as a child process, to its end: its exit code and what it printed.</summary>
/// <param name="ExitCode">The process's exit code.</param>
/// <param name="Output">What it wrote to standard output.</param>
/// <param name="Errors">What it wrote to standard error.</param>
public sealed record ChildProcessRun(int ExitCode, string Output, string Errors)
{
    /// <summary>
    /// Runs <paramref name="start"/> until it exits. One that runs longer than <paramref name="timeout"/> is killed with
    /// its whole process tree, so that it does not outlive the test, and a <see cref="TimeoutException"/> says what it
    /// printed.
    /// </summary>
    public static async Task<ChildProcessRun> RunAsync(ProcessStartInfo start, TimeSpan timeout)
    {
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        start.UseShellExecute = false;
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        using var cancel = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(cancel.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
            throw new TimeoutException(
                $"{Path.GetFileName(start.ArgumentList.FirstOrDefault() ?? start.FileName)} did not exit within {timeout.TotalSeconds:N0} seconds and was killed:{Environment.NewLine}{await output}{await errors}");
        }

        return new ChildProcessRun(process.ExitCode, await output, await errors);
    }
}

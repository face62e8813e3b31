namespace BoardDesk.Cli;

/// <summary>A failure the tool reports as one line and a non-zero exit code.</summary>
public sealed class CliFailure(string message, int exitCode = 1) : Exception(message)
{
    /// <summary>The process's exit code.</summary>
    public int ExitCode { get; } = exitCode;
}

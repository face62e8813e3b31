using System.Diagnostics;
using BoardDesk.Testing;

namespace BoardDesk.Cli.Tests;

/// <summary>One run of the built <c>boarddesk</c> tool as a child process: its exit code and what it printed.</summary>
public sealed record CliRun(int ExitCode, string Output, string Errors)
{
    /// <summary>Runs the tool with <paramref name="arguments"/> against the gateway on <paramref name="gatewayPort"/>.</summary>
    public static async Task<CliRun> RunAsync(int gatewayPort, params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet");
        start.ArgumentList.Add(RepositoryPaths.BuildOutput("src/BoardDesk.Cli", "BoardDesk.Cli.dll"));
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.ArgumentList.Add("--gateway-port");
        start.ArgumentList.Add(gatewayPort.ToString(System.Globalization.CultureInfo.InvariantCulture));
        start.ArgumentList.Add("--operator");
        start.ArgumentList.Add("operator:tests");
        var run = await ChildProcessRun.RunAsync(start, TimeSpan.FromSeconds(120));
        return new CliRun(run.ExitCode, run.Output, run.Errors);
    }
}

using System.CommandLine;
using BoardDesk.Cli.Commands;
using BoardDesk.Grains;
using Spectre.Console;

namespace BoardDesk.Cli;

/// <summary>
/// The <c>boarddesk</c> tool: an Orleans client of a BoardDesk server or cluster, for operators and secretariats with
/// bulk work. Exit code 0 on success; 1 when a command fails or is refused (the reason on one line); 2 for bad usage;
/// 3 when the cluster cannot be reached.
/// </summary>
public static class CliProgram
{
    /// <summary>Runs the tool.</summary>
    public static async Task<int> Main(string[] args)
    {
        var root = new RootCommand("boarddesk: BoardDesk's command-line tool. It connects to a BoardDesk server's Orleans gateway (127.0.0.1:30000 unless told otherwise) and acts through the grains, with their rules.")
        {
            CliOptions.Address, CliOptions.GatewayPort, CliOptions.ClusterId, CliOptions.Operator, CliOptions.Json,
            CliOptions.Certificate, CliOptions.CertificatePassword, CliOptions.ServerThumbprint,
            StatusCommand.Create(),
            ImportCommand.Create(),
            ExportCommand.Create(),
            VerifyCommand.Create(),
            RebuildCommand.Create(),
            AccountsCommand.Create(),
            ListCommands.Boards(),
            ListCommands.Meetings(),
            ListCommands.Actions(),
            DatabaseCommands.Migrate(),
            DatabaseCommands.CopySqlite(),
        };

        try
        {
            return await root.Parse(args).InvokeAsync();
        }
        catch (CliFailure failure)
        {
            Console.Error.WriteLine(failure.Message);
            return failure.ExitCode;
        }
    }

    /// <summary>Runs a command's work on a connection, turning failures and refusals into one line and an exit code.</summary>
    public static async Task<int> RunAsync(ParseResult parse, CancellationToken cancellationToken, Func<ClusterConnection, Task<int>> work)
    {
        try
        {
            await using var connection = await ClusterConnection.ConnectAsync(CliOptions.Target(parse), cancellationToken);
            // Set here, in the caller's flow, so that every grain call the command makes carries it.
            using (ActingUser.Begin(connection.Operator))
            {
                return await work(connection);
            }
        }
        catch (CliFailure failure)
        {
            Console.Error.WriteLine(failure.Message);
            return failure.ExitCode;
        }
        catch (ValidationException invalid)
        {
            Console.Error.WriteLine("Refused: " + string.Join("; ", invalid.Errors.Select(e => $"{e.Key}: {string.Join(" ", e.Value)}")));
            return 1;
        }
        catch (DomainException refused)
        {
            Console.Error.WriteLine("Refused: " + refused.Message);
            return 1;
        }
        catch (StoreUnavailableException unavailable)
        {
            Console.Error.WriteLine(unavailable.Message);
            return 1;
        }
        catch (TimeoutException)
        {
            Console.Error.WriteLine("The cluster took too long to answer; the command may or may not have been carried out.");
            return 1;
        }
    }

    /// <summary>Tells the operator who they act as (on standard error, so that output stays clean).</summary>
    public static void SayActingAs(ClusterConnection connection) =>
        Console.Error.WriteLine($"Acting as {connection.Operator}.");

    /// <summary>A console for tables and progress on standard error when output is redirected, so files stay clean.</summary>
    public static IAnsiConsole Progress { get; } = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) });
}

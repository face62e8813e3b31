using System.CommandLine;
using BoardDesk.Grains;
using BoardDesk.Persistence.Maintenance;
using BoardDesk.Persistence.Storage;
using Spectre.Console;

namespace BoardDesk.Cli.Commands;

/// <summary><c>boarddesk verify</c>: walks every journal's hash chain, with progress, and names the first altered entry of each.</summary>
public static class VerifyCommand
{
    private const int JournalsPerCall = 100;

    /// <summary>The command.</summary>
    public static Command Create()
    {
        var command = new Command("verify", "Check every journal's hash chain; exit code 0 when all hold, 1 naming the first altered, removed or reordered entry of each broken one.");
        command.SetAction((parse, cancellationToken) => CliProgram.RunAsync(parse, cancellationToken, async connection =>
        {
            var maintenance = connection.Grains.GetGrain<IMaintenanceGrain>("store");
            var journals = await maintenance.ListJournalsAsync();
            var breaks = new List<ChainBreak>();
            await CliProgram.Progress.Progress().StartAsync(async progress =>
            {
                var task = progress.AddTask($"Verifying {journals.Count:N0} journals", maxValue: Math.Max(1, journals.Count));
                foreach (var chunk in journals.Chunk(JournalsPerCall))
                {
                    breaks.AddRange(await maintenance.VerifyAsync(chunk));
                    task.Increment(chunk.Length);
                }
            });

            // The chains were walked one by one for progress; the store's whole verification adds what only it can
            // see (a journal removed with its rows, a chain rewritten with its hashes recomputed) and is the answer.
            breaks = [.. (await maintenance.VerifyAllAsync()).Breaks];
            foreach (var broken in breaks)
            {
                Console.WriteLine($"BROKEN {broken.Grain} at entry {broken.Sequence}: {broken.Reason}");
            }

            Console.WriteLine(breaks.Count == 0
                ? $"Every chain is intact ({journals.Count:N0} journals)."
                : $"{breaks.Count} of {journals.Count:N0} journals fail verification.");
            return breaks.Count == 0 ? 0 : 1;
        }));
        return command;
    }
}

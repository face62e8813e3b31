using System.CommandLine;
using Spectre.Console;
using BoardDesk.Persistence.Maintenance;

namespace BoardDesk.Cli.Commands;

/// <summary><c>boarddesk rebuild read-models</c>: writes every grain's read-model document again from its journal.</summary>
public static class RebuildCommand
{
    private const int JournalsPerCall = 50;

    /// <summary>The command.</summary>
    public static Command Create()
    {
        var readModels = new Command("read-models", "Write every grain's query document again from its journal, with progress.");
        readModels.SetAction((parse, cancellationToken) => CliProgram.RunAsync(parse, cancellationToken, async connection =>
        {
            CliProgram.SayActingAs(connection);
            var maintenance = connection.Grains.GetGrain<IMaintenanceGrain>("store");
            var journals = await maintenance.ListJournalsAsync();
            await CliProgram.Progress.Progress().StartAsync(async progress =>
            {
                var task = progress.AddTask($"Rebuilding from {journals.Count:N0} journals", maxValue: Math.Max(1, journals.Count));
                foreach (var chunk in journals.Chunk(JournalsPerCall))
                {
                    await maintenance.RebuildReadModelsAsync(chunk);
                    task.Increment(chunk.Length);
                }
            });
            Console.WriteLine($"Rebuilt the read models of {journals.Count:N0} journals.");
            return 0;
        }));
        return new Command("rebuild", "Rebuild derived data.") { readModels };
    }
}

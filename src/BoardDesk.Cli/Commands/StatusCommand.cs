using System.CommandLine;
using System.Text.Json;
using BoardDesk.Persistence.Maintenance;
using Orleans.Runtime;
using Spectre.Console;

namespace BoardDesk.Cli.Commands;

/// <summary><c>boarddesk status</c>: the silos, their state and address, activations by grain type, and the store's health.</summary>
public static class StatusCommand
{
    /// <summary>The command.</summary>
    public static Command Create()
    {
        var command = new Command("status", "Show the cluster's silos (state and address), the activations by grain type and the store's health.");
        command.SetAction((parse, cancellationToken) => CliProgram.RunAsync(parse, cancellationToken, async connection =>
        {
            var management = connection.Grains.GetGrain<IManagementGrain>(0);
            var silos = await management.GetHosts(onlyActive: false);
            var statistics = await management.GetSimpleGrainStatistics();
            var store = await connection.Grains.GetGrain<IMaintenanceGrain>("store").GetStoreStatusAsync();
            var activations = statistics.GroupBy(s => ShortType(s.GrainType))
                .Select(g => (Type: g.Key, Count: g.Sum(s => s.ActivationCount)))
                .OrderByDescending(a => a.Count).ToList();
            if (parse.GetValue(CliOptions.Json))
            {
                Console.WriteLine(JsonSerializer.Serialize(new
                {
                    silos = silos.Select(s => new { address = s.Key.ToParsableString(), status = s.Value.ToString() }),
                    activations = activations.Select(a => new { grainType = a.Type, count = a.Count }),
                    store,
                }, Output.Json));
                return store.Healthy ? 0 : 1;
            }

            var silosTable = new Table();
            silosTable.AddColumn("Silo").AddColumn("State");
            foreach (var (address, status) in silos)
            {
                silosTable.AddRow(Markup.Escape(address.ToParsableString()), status.ToString());
            }

            var grainsTable = new Table();
            grainsTable.AddColumn("Grain type").AddColumn(new TableColumn("Activations").RightAligned());
            foreach (var (type, count) in activations)
            {
                grainsTable.AddRow(Markup.Escape(type), count.ToString("N0", System.Globalization.CultureInfo.InvariantCulture));
            }

            AnsiConsole.Write(silosTable);
            AnsiConsole.Write(grainsTable);
            AnsiConsole.MarkupLine($"Store: {Markup.Escape(store.Kind)}, {(store.Healthy ? "[green]healthy[/]" : "[red]not healthy[/]")}; {store.Reminders} reminders registered.");
            return store.Healthy ? 0 : 1;
        }));
        return command;
    }

    private static string ShortType(string grainType) =>
        grainType.Split(',')[0].Split('.')[^1];
}

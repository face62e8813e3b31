using System.CommandLine;
using BoardDesk.Persistence.Storage.Sqlite;

namespace BoardDesk.Server.Infrastructure;

/// <summary>
/// The server's maintenance commands, run instead of the server: <c>BoardDesk.Server verify [--data folder]</c>
/// checks every journal's hash chain and names the first altered, removed or reordered entry of each.
/// </summary>
internal static class Commands
{
    private static readonly string[] Verbs = ["verify", "--help", "-h", "-?"];

    public static bool Handles(string[] args) => args.Length > 0 && Verbs.Contains(args[0]);

    public static Task<int> RunAsync(string[] args)
    {
        var data = new Option<string>("--data") { Description = "The data folder holding boarddesk.db.", DefaultValueFactory = _ => "data" };
        var verify = new Command("verify", "Check every journal's hash chain; exit code 0 when intact, 1 when an entry was altered, removed or reordered.") { data };
        verify.SetAction((parse, cancellationToken) => VerifyAsync(parse.GetValue(data)!, cancellationToken));
        var root = new RootCommand("BoardDesk server. Run without arguments to serve; the commands below maintain its data.") { verify };
        return root.Parse(args).InvokeAsync();
    }

    private static async Task<int> VerifyAsync(string dataPath, CancellationToken cancellationToken)
    {
        var database = new BoardDeskOptions { DataPath = dataPath }.DatabasePath;
        var keyPath = Environment.GetEnvironmentVariable("BOARDDESK__JOURNALKEYPATH");
        if (!File.Exists(database))
        {
            Console.Error.WriteLine($"No BoardDesk database at {database}.");
            return 2;
        }

        // Reading only, so it can run beside a live server.
        var result = await SqliteJournalStore.VerifyDatabaseAsync(database, cancellationToken, keyPath);
        Console.WriteLine($"Checked {result.JournalsChecked:N0} journals holding {result.EventsChecked:N0} entries.");
        foreach (var broken in result.Breaks)
        {
            Console.WriteLine($"BROKEN {broken.Grain} at entry {broken.Sequence}: {broken.Reason}");
        }

        Console.WriteLine(result.Intact ? "Every chain is intact." : $"{result.Breaks.Count} journal(s) fail verification.");
        return result.Intact ? 0 : 1;
    }
}

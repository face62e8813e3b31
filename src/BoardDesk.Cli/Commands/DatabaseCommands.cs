using System.CommandLine;
using BoardDesk.Persistence.Storage.PostgreSql;
using Npgsql;

namespace BoardDesk.Cli.Commands;

/// <summary>
/// Commands on a PostgreSQL database itself, without a running cluster: <c>boarddesk migrate</c> applies BoardDesk's
/// schema ahead of a deployment, and <c>boarddesk copy-sqlite</c> moves an embedded data folder into an empty database
/// and verifies every chain there.
/// </summary>
public static class DatabaseCommands
{
    private static readonly Option<string> Connection = new("--connection")
    {
        Description = "The Npgsql connection string of the shared database (default: BOARDDESK_CONNECTION, or ConnectionStrings__BoardDesk).",
        DefaultValueFactory = _ => Environment.GetEnvironmentVariable("BOARDDESK_CONNECTION") ?? Environment.GetEnvironmentVariable("ConnectionStrings__BoardDesk") ?? "",
    };

    /// <summary><c>boarddesk migrate</c>.</summary>
    public static Command Migrate()
    {
        var command = new Command("migrate", "Apply BoardDesk's schema to a PostgreSQL database: the versions it lacks, in order; nothing when it is current.") { Connection };
        command.SetAction(async (parse, cancellationToken) =>
        {
            await using var dataSource = Open(parse);
            var applied = await PostgreSqlSchema.MigrateAsync(dataSource, cancellationToken);
            var current = await PostgreSqlSchema.CurrentVersionAsync(dataSource, cancellationToken);
            Console.WriteLine(applied.Count == 0
                ? $"The schema is current (version {current})."
                : $"Applied {string.Join(", ", applied.Select(v => $"{v} ({PostgreSqlSchema.Migrations.Single(m => m.Version == v).Description})"))}; the schema is at version {current}.");
            return 0;
        });
        return command;
    }

    /// <summary><c>boarddesk copy-sqlite</c>.</summary>
    public static Command CopySqlite()
    {
        var data = new Option<string>("--data") { Description = "The embedded data folder holding boarddesk.db.", DefaultValueFactory = _ => "data" };
        var key = new Option<string?>("--journal-key") { Description = "The journal key the data folder was written with (default: keys/journal.key in it). Every node must then use this key." };
        var command = new Command("copy-sqlite", "Copy an embedded SQLite data folder into an empty PostgreSQL database, every chain intact, and verify it there. Stop the server first.") { data, key, Connection };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var folder = Path.GetFullPath(parse.GetValue(data)!);
            var keyPath = parse.GetValue(key) ?? Path.Combine(folder, "keys", "journal.key");
            await using var dataSource = Open(parse);
            try
            {
                var copied = await SqliteCopy.CopyAsync(Path.Combine(folder, "boarddesk.db"), dataSource, cancellationToken: cancellationToken);
                Console.WriteLine($"Copied {copied.Events:N0} entries of {copied.Journals:N0} journals, {copied.Documents:N0} documents and {copied.Reminders:N0} reminders.");
            }
            catch (Exception refused) when (refused is InvalidOperationException or FileNotFoundException)
            {
                Console.Error.WriteLine("Refused: " + refused.Message);
                return 1;
            }

            await using var store = new PostgreSqlJournalStore(new PostgreSqlStoreOptions { KeyPath = keyPath }, dataSource);
            var verification = await store.VerifyAsync(cancellationToken);
            foreach (var broken in verification.Breaks)
            {
                Console.WriteLine($"BROKEN {broken.Grain} at entry {broken.Sequence}: {broken.Reason}");
            }

            Console.WriteLine(verification.Intact
                ? $"Every chain is intact in PostgreSQL ({verification.JournalsChecked:N0} journals, {verification.EventsChecked:N0} entries). Start the nodes with BoardDesk:JournalKeyPath={keyPath}."
                : $"{verification.Breaks.Count} journal(s) fail verification in PostgreSQL.");
            return verification.Intact ? 0 : 1;
        });
        return command;
    }

    private static NpgsqlDataSource Open(ParseResult parse) =>
        parse.GetValue(Connection) is { Length: > 0 } connectionString
            ? PostgreSqlDataSource.Create(connectionString)
            : throw new CliFailure("Give the database with --connection (or BOARDDESK_CONNECTION).", 2);
}

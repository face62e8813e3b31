using System.CommandLine;
using BoardDesk.Actions;
using BoardDesk.Recommendations;
using BoardDesk.Server.Infrastructure;

namespace BoardDesk.Cli.Commands;

/// <summary>
/// <c>boarddesk export register|actions --format csv|xlsx --out FILE [filters]</c>: the same columns and filters as
/// the pages' exports.
/// </summary>
public static class ExportCommand
{
    /// <summary>The command.</summary>
    public static Command Create()
    {
        var format = new Option<string>("--format") { Description = "csv or xlsx.", DefaultValueFactory = _ => "csv", Recursive = true };
        format.AcceptOnlyFromAmong("csv", "xlsx");
        var output = new Option<FileInfo>("--out") { Description = "The file to write.", Required = true, Recursive = true };

        var review = new Option<string?>("--review") { Description = "Only this review's recommendations." };
        var owner = new Option<string?>("--owner") { Description = "Only those owned by this organisation (inherited through mergers and transfers too)." };
        var response = new Option<GovernmentResponse?>("--response") { Description = "Only this government response." };
        var status = new Option<ImplementationStatus?>("--status") { Description = "Only this implementation status." };
        var rag = new Option<RagRating?>("--rag") { Description = "Only this RAG rating." };
        var text = new Option<string?>("--text") { Description = "Only those whose text contains this." };
        var register = new Command("register", "Export the recommendation register.") { review, owner, response, status, rag, text };
        register.SetAction((parse, cancellationToken) => CliProgram.RunAsync(parse, cancellationToken, async connection =>
        {
            var query = new RegisterQuery
            {
                ReviewId = parse.GetValue(review),
                OwnerId = parse.GetValue(owner),
                Response = parse.GetValue(response),
                Status = parse.GetValue(status),
                Rag = parse.GetValue(rag),
                Text = parse.GetValue(text),
                PageSize = RecommendationRegister.MaxPageSize,
            };
            var entries = await AllPagesAsync(page => new RecommendationRegister(connection.ReadModels, connection.Grains).QueryAsync(query with { Page = page }, cancellationToken), p => (p.Items, p.Total));
            return await WriteAsync(parse.GetValue(output)!, parse.GetValue(format) == "xlsx" ? RegisterExport.Xlsx(entries) : RegisterExport.Csv(entries), entries.Count, "recommendations");
        }));

        var board = new Option<string?>("--board") { Description = "Only this board's actions." };
        var actionOwner = new Option<string?>("--owner") { Description = "Only this person's actions." };
        var organisation = new Option<string?>("--organisation") { Description = "Only actions owned by this organisation (inherited too)." };
        var actionStatus = new Option<ActionStatus?>("--status") { Description = "Only this status." };
        var overdue = new Option<bool?>("--overdue") { Description = "Only overdue (true) or not overdue (false) actions." };
        var source = new Option<ActionSourceKind?>("--source") { Description = "Only actions from this kind of source." };
        var actions = new Command("actions", "Export the action log.") { board, actionOwner, organisation, actionStatus, overdue, source };
        actions.SetAction((parse, cancellationToken) => CliProgram.RunAsync(parse, cancellationToken, async connection =>
        {
            var query = new ActionLogQuery
            {
                BoardId = parse.GetValue(board),
                Owner = parse.GetValue(actionOwner),
                OrganisationId = parse.GetValue(organisation),
                Status = parse.GetValue(actionStatus),
                Overdue = parse.GetValue(overdue),
                Source = parse.GetValue(source),
            };
            var rows = await ActionLogFor(connection).MatchesAsync(query, cancellationToken);
            return await WriteAsync(parse.GetValue(output)!, parse.GetValue(format) == "xlsx" ? ActionLogExport.Xlsx(rows) : ActionLogExport.Csv(rows), rows.Count, "actions");
        }));

        return new Command("export", "Export the register or the action log as CSV or XLSX.") { format, output, register, actions };
    }

    /// <summary>The action log over the cluster's read models, on today's date.</summary>
    public static ActionLog ActionLogFor(ClusterConnection connection) => new(connection.ReadModels, TimeProvider.System);

    private static async Task<List<T>> AllPagesAsync<TPage, T>(Func<int, Task<TPage>> page, Func<TPage, (IReadOnlyList<T> Items, int Total)> items)
    {
        var all = new List<T>();
        for (var number = 1; ; number++)
        {
            var (got, total) = items(await page(number));
            all.AddRange(got);
            if (got.Count == 0 || all.Count >= total)
            {
                return all;
            }
        }
    }

    private static async Task<int> WriteAsync(FileInfo file, byte[] content, int count, string what)
    {
        await File.WriteAllBytesAsync(file.FullName, content);
        Console.WriteLine($"Wrote {count} {what} to {file.FullName}.");
        return 0;
    }
}

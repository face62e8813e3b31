using System.CommandLine;
using System.Text.Json;
using BoardDesk.Actions;
using BoardDesk.Boards;
using BoardDesk.Meetings;
using Spectre.Console;
using Words = BoardDesk.Server.Components.Shared.Formats;

namespace BoardDesk.Cli.Commands;

/// <summary><c>boarddesk boards list</c>, <c>boarddesk meetings list &lt;board&gt;</c>, <c>boarddesk actions overdue [--board B]</c>.</summary>
public static class ListCommands
{
    /// <summary><c>boards list</c>.</summary>
    public static Command Boards()
    {
        var list = new Command("list", "List the boards.");
        list.SetAction((parse, cancellationToken) => CliProgram.RunAsync(parse, cancellationToken, async connection =>
        {
            var boards = (await connection.ReadModels.AllAsync<BoardDetails>(cancellationToken)).OrderBy(b => b.Name, StringComparer.CurrentCulture).ToList();
            return Print(parse, boards.Select(b => new { id = b.Id, name = b.Name, members = b.Members.Count, chair = b.Chair }), ["Board", "Name", "Members", "Chair"],
                boards.Select(b => new[] { b.Id, b.Name, b.Members.Count.ToString(System.Globalization.CultureInfo.InvariantCulture), b.Chair ?? "" }));
        }));
        return new Command("boards", "Boards.") { list };
    }

    /// <summary><c>meetings list &lt;board&gt;</c>.</summary>
    public static Command Meetings()
    {
        var board = new Argument<string>("board") { Description = "The board, for example ldib." };
        var list = new Command("list", "List a board's meetings, latest first.") { board };
        list.SetAction((parse, cancellationToken) => CliProgram.RunAsync(parse, cancellationToken, async connection =>
        {
            var boardId = parse.GetValue(board)!;
            if (await connection.ReadModels.FindAsync<BoardDetails>(boardId, cancellationToken) is null)
            {
                throw new CliFailure($"There is no board '{boardId}'.");
            }

            var meetings = (await connection.ReadModels.AllAsync<MeetingDetails>(cancellationToken)).Where(m => m.BoardId == boardId)
                .OrderByDescending(m => m.Date).ThenByDescending(m => m.StartsAt).ToList();
            return Print(parse, meetings.Select(m => new { id = m.MeetingId, date = m.Date, startsAt = m.StartsAt, status = m.Status, agendaItems = m.Agenda.Count }), ["Meeting", "Date", "Starts", "Status", "Agenda items"],
                meetings.Select(m => new[] { m.MeetingId, Output.Date(m.Date), m.StartsAt.ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture), Words.Status(m.Status), m.Agenda.Count.ToString(System.Globalization.CultureInfo.InvariantCulture) }));
        }));
        return new Command("meetings", "Meetings.") { list };
    }

    /// <summary><c>actions overdue [--board B]</c>.</summary>
    public static Command Actions()
    {
        var board = new Option<string?>("--board") { Description = "Only this board's actions." };
        var overdue = new Command("overdue", "List the overdue actions, most overdue first.") { board };
        overdue.SetAction((parse, cancellationToken) => CliProgram.RunAsync(parse, cancellationToken, async connection =>
        {
            var rows = (await ExportCommand.ActionLogFor(connection).MatchesAsync(new ActionLogQuery { BoardId = parse.GetValue(board), Overdue = true }, cancellationToken))
                .OrderBy(a => a.DueOn).ToList();
            return Print(parse, rows.Select(a => new { id = a.Id, board = a.BoardId, description = a.Description, owner = a.Owner, organisation = a.OrganisationName, dueOn = a.DueOn, status = a.Status }),
                ["Action", "Board", "Description", "Owner", "Organisation", "Due", "Status"],
                rows.Select(a => new[] { a.Id, a.BoardId, a.Description, a.Owner, a.OrganisationName, Output.Date(a.DueOn), Words.Status(a.Status) }));
        }));
        return new Command("actions", "Actions.") { overdue };
    }

    /// <summary>Prints JSON with --json, a table otherwise.</summary>
    public static int Print<T>(ParseResult parse, IEnumerable<T> json, string[] columns, IEnumerable<string[]> rows)
    {
        if (parse.GetValue(CliOptions.Json))
        {
            Console.WriteLine(JsonSerializer.Serialize(json, Output.Json));
            return 0;
        }

        var table = new Table();
        foreach (var column in columns)
        {
            table.AddColumn(Markup.Escape(column));
        }

        foreach (var row in rows)
        {
            table.AddRow(row.Select(Markup.Escape).ToArray());
        }

        AnsiConsole.Write(table);
        return 0;
    }
}

using System.Globalization;
using System.Text;
using System.Text.Json;
using BoardDesk.Organisations;
using BoardDesk.Persistence;
using BoardDesk.Persistence.Storage;
using BoardDesk.Persistence.Storage.PostgreSql;

namespace BoardDesk.Actions;

/// <summary>
/// The action log's filters, order and paging in SQL on the action columns of the documents table (schema versions
/// 5 and 6), for the PostgreSQL store: the same answers as <see cref="ActionLog.Filter"/>, reading only the page's documents.
/// </summary>
internal static class ActionLogSql
{
    /// <summary>
    /// The documents of the actions matching <paramref name="query"/> on <paramref name="today"/> in due-date then id
    /// order, <paramref name="skip"/> and <paramref name="take"/> of them (all for a null take), and how many match.
    /// <paramref name="organisations"/> are the recorded organisations that count as the query's organisation.
    /// </summary>
    /// <remarks>
    /// With <paramref name="organisationsAfter"/>, the same round trip also reads the organisation documents written
    /// after that version (see <see cref="PostgreSqlDocuments.ChangesStatement"/>), answered as the third item.
    /// </remarks>
    public static async Task<(List<ActionDetails> Rows, int Total, DocumentChanges? OrganisationChanges)> QueryAsync(
        PostgreSqlDocuments documents, ActionLogQuery query, IReadOnlyCollection<string>? organisations, DateOnly today, int skip, int? take, long? organisationsAfter,
        CancellationToken cancellationToken)
    {
        var parameters = new List<object>();
        var where = Where(query, organisations, today, parameters);
        var page = $"SELECT payload FROM documents WHERE {where} ORDER BY act_due, id COLLATE \"C\""
            + (take is { } limit ? string.Create(CultureInfo.InvariantCulture, $" LIMIT {limit} OFFSET {skip}") : "");
        List<string> statements = [page, $"SELECT count(*) FROM documents WHERE {where}"];
        if (organisationsAfter is { } after)
        {
            statements.Add(PostgreSqlDocuments.ChangesStatement(ReadModels.KindOf(typeof(OrganisationDetails)), after));
        }

        var results = await documents.ReadAsync(statements, parameters, cancellationToken);
        return ([.. results[0].Select(row => JsonSerializer.Deserialize<ActionDetails>((string)row[0]!, JournalJson.Options)!)],
            Convert.ToInt32(results[1][0][0], CultureInfo.InvariantCulture),
            organisationsAfter is { } held ? PostgreSqlDocuments.Changes(results[2], held) : null);
    }

    /// <summary>The documents of the actions whose owner is <paramref name="userName"/> (ignoring case), in due-date then id order.</summary>
    public static async Task<List<ActionDetails>> OwnedByAsync(PostgreSqlDocuments documents, string userName, CancellationToken cancellationToken) =>
        [.. (await documents.ReadAsync(
            ["SELECT payload FROM documents WHERE kind = 'ActionDetails' AND act_owner = lower($1) ORDER BY act_due, id COLLATE \"C\""], [userName], cancellationToken))[0]
            .Select(row => JsonSerializer.Deserialize<ActionDetails>((string)row[0]!, JournalJson.Options)!)];

    /// <summary>
    /// The owners of the actions on <paramref name="boards"/>, one spelling per person ignoring case (the first in
    /// code-point order), from the index of owners by board.
    /// </summary>
    public static async Task<List<string>> OwnersAsync(PostgreSqlDocuments documents, IReadOnlySet<string> boards, CancellationToken cancellationToken) =>
        [.. (await documents.ReadAsync(
            ["SELECT min(act_person) FROM documents WHERE kind = 'ActionDetails' AND act_board = ANY($1) GROUP BY act_owner"], [boards.ToArray()], cancellationToken))[0]
            .Select(row => (string)row[0]!)];

    private static string Where(ActionLogQuery query, IReadOnlyCollection<string>? organisations, DateOnly today, List<object> parameters)
    {
        string Parameter(object value)
        {
            parameters.Add(value);
            return string.Create(CultureInfo.InvariantCulture, $"${parameters.Count}");
        }

        var where = new StringBuilder("kind = 'ActionDetails'");
        if (query.BoardId is { } board)
        {
            where.Append(" AND act_board = ").Append(Parameter(board));
        }

        if (query.Boards is { } boards)
        {
            where.Append(" AND act_board = ANY(").Append(Parameter(boards.ToArray())).Append(')');
        }

        if (query.Owner is { } owner)
        {
            where.Append(" AND act_owner = lower(").Append(Parameter(owner)).Append(')');
        }

        if (query.Status is { } status)
        {
            where.Append(" AND act_status = ").Append(Parameter(status.ToString()));
        }

        if (query.Source is { } source)
        {
            where.Append(" AND act_source = ").Append(Parameter(source.ToString()));
        }

        if (query.Overdue is { } overdue)
        {
            // Red, as ActionItemGrain.RagOn has it: not closed and due before today.
            var red = $"(act_status <> '{nameof(ActionStatus.Closed)}' AND act_due < {Parameter(today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture))})";
            where.Append(overdue ? " AND " : " AND NOT ").Append(red);
        }

        if (organisations is not null)
        {
            where.Append(" AND act_org = ANY(").Append(Parameter(organisations.ToArray())).Append(')');
        }

        return where.ToString();
    }
}

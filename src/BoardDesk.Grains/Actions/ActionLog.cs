using Microsoft.Extensions.DependencyInjection;
using BoardDesk.Grains;
using BoardDesk.Organisations;
using BoardDesk.Recommendations;
using BoardDesk.Persistence;
using BoardDesk.Persistence.Storage.PostgreSql;

namespace BoardDesk.Actions;

/// <summary>
/// The action log. On the embedded store, a scan of the <see cref="ActionDetails"/> documents the action grains
/// publish, held in memory by <see cref="ReadModels"/>, so a query touches no storage; on PostgreSQL
/// (<paramref name="database"/> registered) the same filters, order and paging run in SQL on indexed columns, so no
/// node holds every action. Owners' organisations are resolved through the lineage once per organisation per query,
/// like the recommendation register's owners.
/// </summary>
public sealed class ActionLog(IReadModels readModels, [FromKeyedServices(BoardDeskClock.Key)] TimeProvider time, PostgreSqlDocuments? database = null)
{
    /// <summary>The most rows one page holds.</summary>
    public const int MaxPageSize = Paging.MaxPageSize;

    /// <summary>One page of the actions matching <paramref name="query"/>, by due date then id.</summary>
    public async Task<ActionLogPage> QueryAsync(ActionLogQuery query, CancellationToken cancellationToken = default)
    {
        Paging.Check(query.Page, query.PageSize);

        var skip = (query.Page - 1) * query.PageSize;
        if (database is not null)
        {
            var (rows, total) = await QuerySqlAsync(database, query, skip, query.PageSize, cancellationToken);
            return new ActionLogPage(rows, total, query.Page, query.PageSize);
        }

        var all = await MatchesAsync(query, cancellationToken);
        return new ActionLogPage([.. all.Skip(skip).Take(query.PageSize)], all.Count, query.Page, query.PageSize);
    }

    /// <summary>Every action matching <paramref name="query"/> (paging ignored), by due date then id: what exports hold.</summary>
    public async Task<List<ActionLogEntry>> MatchesAsync(ActionLogQuery query, CancellationToken cancellationToken = default)
    {
        if (database is not null)
        {
            return (await QuerySqlAsync(database, query, 0, null, cancellationToken)).Rows;
        }

        var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        var lineage = new OwnershipLineage(await readModels.AllAsync<OrganisationDetails>(cancellationToken));
        return Filter(await readModels.AllAsync<ActionDetails>(cancellationToken), query, lineage, today);
    }

    private async Task<(List<ActionLogEntry> Rows, int Total)> QuerySqlAsync(PostgreSqlDocuments documents, ActionLogQuery query, int skip, int? take, CancellationToken cancellationToken)
    {
        var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        if (query.OrganisationId is not { } organisation || !query.IncludeInherited)
        {
            // The lineage only names the rows' organisations here, so the organisations changed since this node last
            // read them come in the query's own round trip (a second round trip would cost a small page as much as
            // its query); where the node's copy moved on meanwhile, or the read models are not the node's own, they are
            // read as usual.
            var shared = readModels as ReadModels;
            var held = shared?.HeldVersion<OrganisationDetails>();
            var (found, count, changes) = await ActionLogSql.QueryAsync(
                documents, query, query.OrganisationId is null ? null : [query.OrganisationId], today, skip, take, held, cancellationToken);
            var organisations = changes is not null ? await shared!.AllWithChangesAsync<OrganisationDetails>(held!.Value, changes, cancellationToken) : null;
            var named = new OwnerResolver(new OwnershipLineage(organisations ?? await readModels.AllAsync<OrganisationDetails>(cancellationToken)));
            return ([.. found.Select(a => Entry(a, named.Resolve(a.Owner.OrganisationId), today))], count);
        }

        // With inherited work, the organisations whose actions now belong to the one asked for, found in the lineage.
        var lineage = new OwnershipLineage(await readModels.AllAsync<OrganisationDetails>(cancellationToken));
        var resolver = new OwnerResolver(lineage);
        var (actions, total, _) = await ActionLogSql.QueryAsync(
            documents, query, [.. lineage.PredecessorsOf(organisation).Where(o => resolver.Resolve(o).OrganisationId == organisation)], today, skip, take, null, cancellationToken);
        return ([.. actions.Select(a => Entry(a, resolver.Resolve(a.Owner.OrganisationId), today))], total);
    }

    /// <summary>The rows of <paramref name="actions"/> that match <paramref name="query"/> on <paramref name="today"/>, by due date then id.</summary>
    public static List<ActionLogEntry> Filter(IEnumerable<ActionDetails> actions, ActionLogQuery query, OwnershipLineage lineage, DateOnly today)
    {
        var resolver = new OwnerResolver(lineage);
        var rows = new List<ActionLogEntry>();
        foreach (var action in actions)
        {
            if ((query.BoardId is not null && action.BoardId != query.BoardId)
                || (query.Boards is not null && !query.Boards.Contains(action.BoardId))
                || (query.Owner is not null && !string.Equals(action.Owner.Person, query.Owner, StringComparison.OrdinalIgnoreCase))
                || (query.Status is { } status && action.Status != status)
                || (query.Source is { } source && action.Source.Kind != source))
            {
                continue;
            }

            var rag = ActionItemGrain.RagOn(action, today);
            if (query.Overdue is { } overdue && (rag == ActionRag.Red) != overdue)
            {
                continue;
            }

            var owner = resolver.Resolve(action.Owner.OrganisationId);
            if (query.OrganisationId is { } organisation
                && !(query.IncludeInherited ? owner.OrganisationId == organisation : action.Owner.OrganisationId == organisation))
            {
                continue;
            }

            rows.Add(Entry(action, owner, today));
        }

        rows.Sort((a, b) => a.DueOn != b.DueOn ? a.DueOn.CompareTo(b.DueOn) : string.CompareOrdinal(a.Id, b.Id));
        return rows;
    }

    /// <summary>Resolves each recorded organisation once per query.</summary>
    private sealed class OwnerResolver(OwnershipLineage lineage)
    {
        private readonly Dictionary<string, ResolvedOwner> _resolved = new(StringComparer.Ordinal);

        public ResolvedOwner Resolve(string organisationId)
        {
            if (!_resolved.TryGetValue(organisationId, out var owner))
            {
                _resolved[organisationId] = owner = lineage.Resolve(new OwnerRef(organisationId));
            }

            return owner;
        }
    }

    private static ActionLogEntry Entry(ActionDetails action, ResolvedOwner owner, DateOnly today) => new()
    {
        Id = action.Id,
        BoardId = action.BoardId,
        Description = action.Description,
        Owner = action.Owner.Person,
        RecordedOrganisationId = action.Owner.OrganisationId,
        OrganisationId = owner.OrganisationId,
        OrganisationName = owner.Name,
        DueOn = action.DueOn,
        Status = action.Status,
        Rag = ActionItemGrain.RagOn(action, today),
        SourceKind = action.Source.Kind,
        SourceReference = action.Source.Reference,
        LatestNote = action.Notes.Count == 0 ? null : action.Notes[^1].Text,
    };

    /// <summary>
    /// Every action whose owner is <paramref name="userName"/> (ignoring case), by due date then id: a person's own
    /// actions. On PostgreSQL in SQL on the owner index, so only that person's actions are read.
    /// </summary>
    public async Task<IReadOnlyList<ActionDetails>> OwnedByAsync(string userName, CancellationToken cancellationToken = default)
    {
        if (database is not null)
        {
            return await ActionLogSql.OwnedByAsync(database, userName, cancellationToken);
        }

        return [.. (await readModels.AllAsync<ActionDetails>(cancellationToken))
            .Where(a => string.Equals(a.Owner.Person, userName, StringComparison.OrdinalIgnoreCase))
            .OrderBy(a => a.DueOn).ThenBy(a => a.Id, StringComparer.Ordinal)];
    }

    /// <summary>
    /// The owners of the actions on <paramref name="boards"/>, one spelling per person ignoring case (the first in
    /// code-point order), in no order. On PostgreSQL in SQL on the index of owners by board, without reading any action.
    /// </summary>
    public async Task<IReadOnlyList<string>> OwnersAsync(IReadOnlySet<string> boards, CancellationToken cancellationToken = default)
    {
        if (database is not null)
        {
            return boards.Count == 0 ? [] : await ActionLogSql.OwnersAsync(database, boards, cancellationToken);
        }

        return [.. (await readModels.AllAsync<ActionDetails>(cancellationToken))
            .Where(a => boards.Contains(a.BoardId))
            .GroupBy(a => a.Owner.Person, StringComparer.OrdinalIgnoreCase)
            .Select(g => g.Select(a => a.Owner.Person).Min(StringComparer.Ordinal)!)];
    }

    /// <summary>
    /// The notifications raised for a user, newest first. Each action's notifications go to its owner (the owner is
    /// fixed when the action is created), so on PostgreSQL only the user's own actions are read.
    /// </summary>
    public async Task<IReadOnlyList<ActionNotification>> NotificationsAsync(string userName, CancellationToken cancellationToken = default)
    {
        IEnumerable<ActionDetails> actions = database is not null
            ? await ActionLogSql.OwnedByAsync(database, userName, cancellationToken)
            : await readModels.AllAsync<ActionDetails>(cancellationToken);
        return [.. actions
            .SelectMany(a => a.Notifications)
            .Where(n => string.Equals(n.Recipient, userName, StringComparison.OrdinalIgnoreCase))
            .OrderByDescending(n => n.RaisedAt)];
    }
}

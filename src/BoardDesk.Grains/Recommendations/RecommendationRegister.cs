using BoardDesk.Grains;
using BoardDesk.Organisations;
using BoardDesk.Persistence;
using BoardDesk.Persistence.Storage.PostgreSql;

namespace BoardDesk.Recommendations;

/// <summary>
/// Queries over every recommendation. It reads the <see cref="RecommendationDetails"/> documents the
/// recommendation grains publish (each written in the same transaction as its grain's events; held in memory by
/// <see cref="ReadModels"/> on the embedded store, queried in SQL on PostgreSQL) and resolves owners through the organisations' lineage at query time, so a merger
/// changes the register at once without rewriting any recommendation. The documents are derived data: each is
/// <see cref="RecommendationGrain.Project"/> applied to the fold of that grain's journal, so replaying the
/// journals rebuilds them.
/// </summary>
public sealed class RecommendationRegister(IReadModels readModels, IGrainFactory grains, PostgreSqlDocuments? database = null)
{
    /// <summary>The largest page.</summary>
    public const int MaxPageSize = Paging.MaxPageSize;

    /// <summary>
    /// One page of the recommendations that match, with counts by response and status over all matches. On PostgreSQL
    /// (<c>database</c> registered) the filters, order, paging and counts run in SQL on indexed columns; a query for an
    /// owner's inherited work resolves the owner's predecessors through the lineage here (taking from SQL the distinct
    /// functions and owners' dates recorded against those whose answer depends on them), and then pages and counts in
    /// SQL the recommendations whose recorded lead resolves to the owner.
    /// </summary>
    public async Task<RegisterPage> QueryAsync(RegisterQuery query, CancellationToken cancellationToken = default)
    {
        Paging.Check(query.Page, query.PageSize);

        // Counted by enum value, then named once: naming every match would cost more than the filter.
        var byResponse = new int[Enum.GetValues<GovernmentResponse>().Length + 1];
        var byStatus = new int[Enum.GetValues<ImplementationStatus>().Length];
        IEnumerable<RecommendationDetails> page;
        OwnershipLineage lineage;
        if (database is not null)
        {
            List<RecommendationDetails> rows;
            List<(string? Response, string Status, int Count)> counts;
            if (query.OwnerId is { } ownerId && query.IncludeInherited)
            {
                // Inherited work: the leads whose every recommendation resolves alike (no function moves on the way) are
                // decided by the lineage alone; for the others, the distinct recorded leads with function and date are
                // read from the lineage index and resolved here. The page and counts then run in SQL over what resolves
                // to the owner, so only the page's payloads are read and decoded.
                lineage = await LineageAsync(cancellationToken);
                var predecessors = lineage.PredecessorsOf(ownerId);
                var whole = predecessors.Where(p => lineage.ResolvesAlike(p)).ToList();
                var recorded = whole.Count == predecessors.Count ? []
                    : await RegisterSql.RecordedLeadsAsync(database, predecessors.Except(whole).ToList(), cancellationToken);
                var owned = new OwnedLeads(
                    [.. whole.Where(p => lineage.Resolve(new OwnerRef(p)).OrganisationId == ownerId)],
                    [.. recorded.Where(r => lineage.Resolve(new OwnerRef(r.Lead, r.Function), assignedOn: r.Since).OrganisationId == ownerId)]);
                (rows, counts, _) = owned.IsEmpty ? ([], [], null) : await RegisterSql.PageAsync(database, query, owned, null, cancellationToken);
            }
            else
            {
                // The lineage only resolves the page's owners here, so the organisations changed since this node last
                // read them come in the query's own round trip; where the node's copy moved on meanwhile, or the read
                // models are not the node's own, they are read as usual.
                var shared = readModels as ReadModels;
                var held = shared?.HeldVersion<OrganisationDetails>();
                (rows, counts, var changes) = await RegisterSql.PageAsync(database, query, null, held, cancellationToken);
                var organisations = changes is not null ? await shared!.AllWithChangesAsync<OrganisationDetails>(held!.Value, changes, cancellationToken) : null;
                lineage = organisations is not null ? new OwnershipLineage(organisations) : await LineageAsync(cancellationToken);
            }

            foreach (var (response, status, count) in counts)
            {
                byResponse[response is null ? 0 : (int)Enum.Parse<GovernmentResponse>(response) + 1] += count;
                byStatus[(int)Enum.Parse<ImplementationStatus>(status)] += count;
            }

            page = rows;
        }
        else
        {
            lineage = await LineageAsync(cancellationToken);
            var matches = Filter(await readModels.AllAsync<RecommendationDetails>(cancellationToken), query, lineage).ToList();
            foreach (var match in matches)
            {
                byResponse[match.Response is { } response ? (int)response + 1 : 0]++;
                byStatus[(int)match.Status]++;
            }

            page = Page(matches, query.Page, query.PageSize);
        }

        return new RegisterPage
        {
            Items = [.. page.Select(d => new RegisterEntry(d, d.LeadOwner is { } lead ? lineage.Resolve(lead, assignedOn: d.OwnersSince) : null))],
            Total = byStatus.Sum(),
            Page = query.Page,
            PageSize = query.PageSize,
            CountsByResponse = Named(byResponse, i => i == 0 ? "None" : ((GovernmentResponse)(i - 1)).ToString()),
            CountsByStatus = Named(byStatus, i => ((ImplementationStatus)i).ToString()),
        };
    }

    /// <summary>One recommendation with its current lead owner resolved through lineage.</summary>
    public async Task<RegisterEntry> GetAsync(string recommendationId, CancellationToken cancellationToken = default)
    {
        var details = await grains.GetGrain<IRecommendationGrain>(recommendationId).GetAsync();
        var lineage = await LineageAsync(cancellationToken);
        return new RegisterEntry(details, details.LeadOwner is { } lead ? lineage.Resolve(lead, assignedOn: details.OwnersSince) : null);
    }

    /// <summary>Who owned a recommendation on a date: the assignment then in force (from its journal), resolved through the lineage in force then.</summary>
    public async Task<OwnershipOnDate> OwnersOnAsync(string recommendationId, DateOnly on, CancellationToken cancellationToken = default)
    {
        var recorded = await grains.GetGrain<IRecommendationGrain>(recommendationId).GetOwnersOnAsync(on);
        var lineage = await LineageAsync(cancellationToken);
        return new OwnershipOnDate(recommendationId, on, recorded, recorded?.Lead is { } lead ? lineage.Resolve(lead, on, recorded.EffectiveOn) : null);
    }

    /// <summary>The filters of <paramref name="query"/> over <paramref name="documents"/>, in their order.</summary>
    public static IEnumerable<RecommendationDetails> Filter(IEnumerable<RecommendationDetails> documents, RegisterQuery query, OwnershipLineage lineage)
    {
        var text = string.IsNullOrWhiteSpace(query.Text) ? null : query.Text.Trim();
        foreach (var d in documents)
        {
            if ((query.ReviewId is null || d.ReviewId == query.ReviewId)
                && (query.Response is null || d.Response == query.Response)
                && (query.Status is null || d.Status == query.Status)
                && (query.Rag is null || d.Rag == query.Rag)
                && (text is null || d.Text.Contains(text, StringComparison.OrdinalIgnoreCase) || (d.Heading?.Contains(text, StringComparison.OrdinalIgnoreCase) ?? false))
                && (query.OwnerId is null || OwnedBy(d, query.OwnerId, query.IncludeInherited, lineage)))
            {
                yield return d;
            }
        }
    }

    private static bool OwnedBy(RecommendationDetails d, string ownerId, bool includeInherited, OwnershipLineage lineage) =>
        d.LeadOwner is { } lead && (includeInherited ? lineage.Resolve(lead, assignedOn: d.OwnersSince).OrganisationId == ownerId : lead.OrganisationId == ownerId);

    /// <summary>
    /// The page of <paramref name="matches"/> in review and number order. An early page keeps only the first
    /// page × size matches in a heap instead of sorting them all.
    /// </summary>
    private static IEnumerable<RecommendationDetails> Page(List<RecommendationDetails> matches, int page, int pageSize)
    {
        var needed = (long)page * pageSize;
        if (needed * 4 >= matches.Count)
        {
            matches.Sort(ByReviewAndNumber);
            return matches.Skip((page - 1) * pageSize).Take(pageSize);
        }

        var latest = Comparer<RecommendationDetails>.Create((a, b) => ByReviewAndNumber(b, a));
        var first = new PriorityQueue<RecommendationDetails, RecommendationDetails>((int)needed + 1, latest);
        foreach (var match in matches)
        {
            if (first.Count < needed)
            {
                first.Enqueue(match, match);
            }
            else if (ByReviewAndNumber(match, first.Peek()) < 0)
            {
                first.EnqueueDequeue(match, match);
            }
        }

        var kept = first.UnorderedItems.Select(e => e.Element).ToList();
        kept.Sort(ByReviewAndNumber);
        return kept.Skip((page - 1) * pageSize);
    }

    private static Dictionary<string, int> Named(int[] counts, Func<int, string> name)
    {
        var named = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < counts.Length; i++)
        {
            if (counts[i] > 0)
            {
                named[name(i)] = counts[i];
            }
        }

        return named;
    }

    private static int ByReviewAndNumber(RecommendationDetails a, RecommendationDetails b)
    {
        var review = string.CompareOrdinal(a.ReviewId, b.ReviewId);
        return review != 0 ? review : a.Number.CompareTo(b.Number);
    }

    private async Task<OwnershipLineage> LineageAsync(CancellationToken cancellationToken) =>
        new(await readModels.AllAsync<OrganisationDetails>(cancellationToken));
}

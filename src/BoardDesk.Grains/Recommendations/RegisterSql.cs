using System.Globalization;
using System.Text;
using System.Text.Json;
using BoardDesk.Organisations;
using BoardDesk.Persistence;
using BoardDesk.Persistence.Storage;
using BoardDesk.Persistence.Storage.PostgreSql;

namespace BoardDesk.Recommendations;

/// <summary>
/// The register's filters, order, paging and counts in SQL on the recommendation columns of the documents table
/// (schema versions 5 and 6), for the PostgreSQL store: the same answers as <see cref="RecommendationRegister.Filter"/>.
/// </summary>
internal static class RegisterSql
{
    /// <summary>
    /// One page of the documents matching <paramref name="query"/> in review and number order, with the matches
    /// counted by response (null for none) and status.
    /// </summary>
    /// <remarks>
    /// With <paramref name="owned"/>, the owner filter is those leads (whole, or as <see cref="RecordedLeadsAsync"/>
    /// answers them) instead of the query's owner as recorded: the ones the lineage resolves to the owner. With
    /// <paramref name="organisationsAfter"/>, the same round trip also reads the organisation documents written after
    /// that version (see <see cref="PostgreSqlDocuments.ChangesStatement"/>), answered as the third item.
    /// </remarks>
    public static async Task<(List<RecommendationDetails> Page, List<(string? Response, string Status, int Count)> Counts, DocumentChanges? OrganisationChanges)> PageAsync(
        PostgreSqlDocuments documents, RegisterQuery query, OwnedLeads? owned, long? organisationsAfter, CancellationToken cancellationToken)
    {
        var parameters = new List<object>();
        var where = Where(query, owned, parameters);
        var page = $"SELECT payload FROM documents WHERE {where} ORDER BY rec_review, rec_number"
            + string.Create(CultureInfo.InvariantCulture, $" LIMIT {query.PageSize} OFFSET {(long)(query.Page - 1) * query.PageSize}");
        var counts = $"SELECT rec_response, rec_status, count(*) FROM documents WHERE {where} GROUP BY rec_response, rec_status";
        List<string> statements = [page, counts];
        if (organisationsAfter is { } after)
        {
            statements.Add(PostgreSqlDocuments.ChangesStatement(ReadModels.KindOf(typeof(OrganisationDetails)), after));
        }

        var results = await documents.ReadAsync(statements, parameters, cancellationToken);
        return (Documents(results[0]), [.. results[1].Select(r => ((string?)r[0], (string)r[1]!, Convert.ToInt32(r[2], CultureInfo.InvariantCulture)))],
            organisationsAfter is { } held ? PostgreSqlDocuments.Changes(results[2], held) : null);
    }

    /// <summary>
    /// The distinct recorded leads, with the lead's function and the owners' date, of the recommendations recorded
    /// against one of <paramref name="leads"/>: everything that resolving their owner through the lineage needs, read
    /// from one index without any payload.
    /// </summary>
    public static async Task<List<RecordedLead>> RecordedLeadsAsync(PostgreSqlDocuments documents, IReadOnlyCollection<string> leads, CancellationToken cancellationToken)
    {
        var rows = (await documents.ReadAsync(
            ["SELECT DISTINCT rec_lead, rec_lead_function, rec_owners_since FROM documents WHERE kind = 'RecommendationDetails' AND rec_lead = ANY($1)"],
            [leads.ToArray()], cancellationToken))[0];
        return [.. rows.Select(r => new RecordedLead(
            (string)r[0]!, (string?)r[1], r[2] is string since ? DateOnly.ParseExact(since, "yyyy-MM-dd", CultureInfo.InvariantCulture) : null))];
    }

    private static List<RecommendationDetails> Documents(IReadOnlyList<object?[]> rows) =>
        [.. rows.Select(row => JsonSerializer.Deserialize<RecommendationDetails>((string)row[0]!, JournalJson.Options)!)];

    private static string Where(RegisterQuery query, OwnedLeads? owned, List<object> parameters)
    {
        string Parameter(object value)
        {
            parameters.Add(value);
            return string.Create(CultureInfo.InvariantCulture, $"${parameters.Count}");
        }

        var where = new StringBuilder("kind = 'RecommendationDetails'");
        if (query.ReviewId is { } review)
        {
            where.Append(" AND rec_review = ").Append(Parameter(review));
        }

        if (query.Response is { } response)
        {
            where.Append(" AND rec_response = ").Append(Parameter(response.ToString()));
        }

        if (query.Status is { } status)
        {
            where.Append(" AND rec_status = ").Append(Parameter(status.ToString()));
        }

        if (query.Rag is { } rag)
        {
            where.Append(" AND rec_rag = ").Append(Parameter(rag.ToString()));
        }

        if (!string.IsNullOrWhiteSpace(query.Text))
        {
            var pattern = Parameter("%" + Escaped(query.Text.Trim()) + "%");
            where.Append(" AND (rec_text ILIKE ").Append(pattern).Append(" OR rec_heading ILIKE ").Append(pattern).Append(')');
        }

        if (owned is not null)
        {
            // Every lead in one ANY, so that the planner uses the lead index (as the plain query on those leads does);
            // the triples of leads whose function and date decide keep exactly the rows that resolve to the owner (IS
            // NOT DISTINCT FROM, as function and date may be null).
            var leads = owned.Leads.Concat(owned.Recorded.Select(r => r.Lead)).Distinct(StringComparer.Ordinal).ToArray();
            where.Append(" AND rec_lead = ANY(").Append(Parameter(leads)).Append(')');
            if (owned.Recorded.Count > 0)
            {
                var lead = Parameter(owned.Recorded.Select(o => o.Lead).ToArray());
                var function = Parameter(owned.Recorded.Select(o => o.Function).ToArray());
                var since = Parameter(owned.Recorded.Select(o => o.Since?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)).ToArray());
                where.Append(" AND (rec_lead = ANY(").Append(Parameter(owned.Leads.ToArray())).Append(')')
                    .Append(" OR EXISTS (SELECT FROM unnest(").Append(lead).Append("::text[], ").Append(function).Append("::text[], ").Append(since)
                    .Append("::text[]) AS o(lead, function, since) WHERE o.lead = rec_lead AND o.function IS NOT DISTINCT FROM rec_lead_function")
                    .Append(" AND o.since IS NOT DISTINCT FROM rec_owners_since))");
            }
        }
        else if (query.OwnerId is { } owner)
        {
            where.Append(" AND rec_lead = ").Append(Parameter(owner));
        }

        return where.ToString();
    }

    /// <summary>The text as a LIKE pattern that matches it literally (backslash is LIKE's default escape).</summary>
    private static string Escaped(string text) => text.Replace(@"\", @"\\", StringComparison.Ordinal)
        .Replace("%", @"\%", StringComparison.Ordinal).Replace("_", @"\_", StringComparison.Ordinal);
}

using System.Globalization;
using System.Text;
using System.Text.Json;
using BoardDesk.Persistence;
using BoardDesk.Persistence.Storage.PostgreSql;

namespace BoardDesk.Recommendations;

/// <summary>
/// The register's filters, order, paging and counts in SQL on the recommendation columns of the documents table
/// (schema version 5), for the PostgreSQL store: the same answers as <see cref="RecommendationRegister.Filter"/>.
/// </summary>
internal static class RegisterSql
{
    /// <summary>
    /// One page of the documents matching <paramref name="query"/> in review and number order, with the matches
    /// counted by response (null for none) and status.
    /// </summary>
    public static async Task<(List<RecommendationDetails> Page, List<(string? Response, string Status, int Count)> Counts)> PageAsync(
        PostgreSqlDocuments documents, RegisterQuery query, CancellationToken cancellationToken)
    {
        var parameters = new List<object>();
        var where = Where(query, null, parameters);
        var page = $"SELECT payload FROM documents WHERE {where} ORDER BY rec_review, rec_number"
            + string.Create(CultureInfo.InvariantCulture, $" LIMIT {query.PageSize} OFFSET {(long)(query.Page - 1) * query.PageSize}");
        var counts = $"SELECT rec_response, rec_status, count(*) FROM documents WHERE {where} GROUP BY rec_response, rec_status";
        var results = await documents.ReadAsync([page, counts], parameters, cancellationToken);
        return (Documents(results[0]), [.. results[1].Select(r => ((string?)r[0], (string)r[1]!, Convert.ToInt32(r[2], CultureInfo.InvariantCulture)))]);
    }

    /// <summary>Every document matching <paramref name="query"/>'s other filters whose recorded lead is one of <paramref name="leads"/>, unordered.</summary>
    public static async Task<List<RecommendationDetails>> LedByAsync(PostgreSqlDocuments documents, RegisterQuery query, IReadOnlySet<string> leads, CancellationToken cancellationToken)
    {
        var parameters = new List<object>();
        var where = Where(query, leads, parameters);
        return Documents((await documents.ReadAsync([$"SELECT payload FROM documents WHERE {where}"], parameters, cancellationToken))[0]);
    }

    private static List<RecommendationDetails> Documents(IReadOnlyList<object?[]> rows) =>
        [.. rows.Select(row => JsonSerializer.Deserialize<RecommendationDetails>((string)row[0]!, JournalJson.Options)!)];

    private static string Where(RegisterQuery query, IReadOnlySet<string>? leads, List<object> parameters)
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

        if (leads is not null)
        {
            where.Append(" AND rec_lead = ANY(").Append(Parameter(leads.ToArray())).Append(')');
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

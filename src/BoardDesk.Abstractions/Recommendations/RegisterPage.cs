namespace BoardDesk.Recommendations;

/// <summary>One page of the register, with counts over everything the filters matched.</summary>
public sealed record RegisterPage
{
    /// <summary>The entries on this page, by review and number.</summary>
    public IReadOnlyList<RegisterEntry> Items { get; init; } = [];

    /// <summary>How many recommendations matched.</summary>
    public int Total { get; init; }

    /// <summary>This page's number, from 1.</summary>
    public int Page { get; init; }

    /// <summary>Entries per page.</summary>
    public int PageSize { get; init; }

    /// <summary>Matches by government response (<c>None</c> for no response yet).</summary>
    public IReadOnlyDictionary<string, int> CountsByResponse { get; init; } = new Dictionary<string, int>();

    /// <summary>Matches by implementation status.</summary>
    public IReadOnlyDictionary<string, int> CountsByStatus { get; init; } = new Dictionary<string, int>();
}

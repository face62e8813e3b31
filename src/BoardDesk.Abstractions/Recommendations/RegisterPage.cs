namespace BoardDesk.Recommendations;

/// <summary>One page of the register, with counts over everything the filters matched.</summary>
[GenerateSerializer, Immutable, Alias("BoardDesk.Recommendations.RegisterPage")]
public sealed record RegisterPage
{
    /// <summary>The entries on this page, by review and number.</summary>
    [Id(0)]
    public IReadOnlyList<RegisterEntry> Items { get; init; } = [];

    /// <summary>How many recommendations matched.</summary>
    [Id(1)]
    public int Total { get; init; }

    /// <summary>This page's number, from 1.</summary>
    [Id(2)]
    public int Page { get; init; }

    /// <summary>Entries per page.</summary>
    [Id(3)]
    public int PageSize { get; init; }

    /// <summary>Matches by government response (<c>None</c> for no response yet).</summary>
    [Id(4)]
    public IReadOnlyDictionary<string, int> CountsByResponse { get; init; } = new Dictionary<string, int>();

    /// <summary>Matches by implementation status.</summary>
    [Id(5)]
    public IReadOnlyDictionary<string, int> CountsByStatus { get; init; } = new Dictionary<string, int>();
}

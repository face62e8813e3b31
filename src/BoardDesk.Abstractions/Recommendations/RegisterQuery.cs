namespace BoardDesk.Recommendations;

/// <summary>A query over every recommendation; null filters match everything.</summary>
[GenerateSerializer, Immutable, Alias("BoardDesk.Recommendations.RegisterQuery")]
public sealed record RegisterQuery
{
    /// <summary>Only this review's recommendations.</summary>
    [Id(0)]
    public string? ReviewId { get; init; }

    /// <summary>Only recommendations led by this organisation.</summary>
    [Id(1)]
    public string? OwnerId { get; init; }

    /// <summary>With <see cref="OwnerId"/>: true matches the current owner resolved through lineage (so it includes what was inherited), false only the recorded owner.</summary>
    [Id(2)]
    public bool IncludeInherited { get; init; } = true;

    /// <summary>Only this response.</summary>
    [Id(3)]
    public GovernmentResponse? Response { get; init; }

    /// <summary>Only this implementation status.</summary>
    [Id(4)]
    public ImplementationStatus? Status { get; init; }

    /// <summary>Only this RAG rating.</summary>
    [Id(5)]
    public RagRating? Rag { get; init; }

    /// <summary>Only recommendations whose text or heading contains this, ignoring case.</summary>
    [Id(6)]
    public string? Text { get; init; }

    /// <summary>The page to return, from 1.</summary>
    [Id(7)]
    public int Page { get; init; } = 1;

    /// <summary>Entries per page.</summary>
    [Id(8)]
    public int PageSize { get; init; } = 50;
}

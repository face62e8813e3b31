namespace BoardDesk.Recommendations;

/// <summary>A query over every recommendation; null filters match everything.</summary>
public sealed record RegisterQuery
{
    /// <summary>Only this review's recommendations.</summary>
    public string? ReviewId { get; init; }

    /// <summary>Only recommendations led by this organisation.</summary>
    public string? OwnerId { get; init; }

    /// <summary>With <see cref="OwnerId"/>: true matches the current owner resolved through lineage (so it includes what was inherited), false only the recorded owner.</summary>
    public bool IncludeInherited { get; init; } = true;

    /// <summary>Only this response.</summary>
    public GovernmentResponse? Response { get; init; }

    /// <summary>Only this implementation status.</summary>
    public ImplementationStatus? Status { get; init; }

    /// <summary>Only this RAG rating.</summary>
    public RagRating? Rag { get; init; }

    /// <summary>Only recommendations whose text or heading contains this, ignoring case.</summary>
    public string? Text { get; init; }

    /// <summary>The page to return, from 1.</summary>
    public int Page { get; init; } = 1;

    /// <summary>Entries per page.</summary>
    public int PageSize { get; init; } = 50;
}

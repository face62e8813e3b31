namespace BoardDesk.Recommendations;

/// <summary>A recommendation as the register holds it: the read-model document its grain publishes.</summary>
public sealed record RecommendationDetails
{
    /// <summary>The key: <c>review/number</c>, such as <c>smith-2015/9</c>.</summary>
    public required string Id { get; init; }

    /// <summary>The review it belongs to.</summary>
    public required string ReviewId { get; init; }

    /// <summary>Its number within the review.</summary>
    public required int Number { get; init; }

    /// <summary>The recommendation as the source states it.</summary>
    public required string Text { get; init; }

    /// <summary>The heading or theme it sits under.</summary>
    public string? Heading { get; init; }

    /// <summary>The government's response, if any.</summary>
    public GovernmentResponse? Response { get; init; }

    /// <summary>The reasons given with the response.</summary>
    public string? ResponseRationale { get; init; }

    /// <summary>The lead owner as recorded (not resolved through mergers and transfers).</summary>
    public OwnerRef? LeadOwner { get; init; }

    /// <summary>The date the current owners apply from (the earliest date for owners recorded "from the start").</summary>
    public DateOnly? OwnersSince { get; init; }

    /// <summary>The supporting owners as recorded.</summary>
    public IReadOnlyList<OwnerRef> SupportingOwners { get; init; } = [];

    /// <summary>The first lead owner ever recorded.</summary>
    public OwnerRef? OriginalLeadOwner { get; init; }

    /// <summary>Every owner assignment, in the order recorded.</summary>
    public IReadOnlyList<OwnerAssignment> OwnerHistory { get; init; } = [];

    /// <summary>The implementation status.</summary>
    public ImplementationStatus Status { get; init; }

    /// <summary>The RAG rating, if rated.</summary>
    public RagRating? Rag { get; init; }

    /// <summary>The progress percentage.</summary>
    public int ProgressPercent { get; init; }

    /// <summary>Dated progress updates, oldest first.</summary>
    public IReadOnlyList<ProgressUpdate> ProgressUpdates { get; init; } = [];

    /// <summary>Related recommendations in other reviews, by key.</summary>
    public IReadOnlyList<string> Related { get; init; } = [];

    /// <summary>The journal's version.</summary>
    public long Version { get; init; }
}

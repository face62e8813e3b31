namespace BoardDesk.Recommendations;

/// <summary>A recommendation as the register holds it: the read-model document its grain publishes.</summary>
[GenerateSerializer, Immutable, Alias("BoardDesk.Recommendations.RecommendationDetails")]
public sealed record RecommendationDetails
{
    /// <summary>The key: <c>review/number</c>, such as <c>smith-2015/9</c>.</summary>
    [Id(0)]
    public required string Id { get; init; }

    /// <summary>The review it belongs to.</summary>
    [Id(1)]
    public required string ReviewId { get; init; }

    /// <summary>Its number within the review.</summary>
    [Id(2)]
    public required int Number { get; init; }

    /// <summary>The recommendation as the source states it.</summary>
    [Id(3)]
    public required string Text { get; init; }

    /// <summary>The heading or theme it sits under.</summary>
    [Id(4)]
    public string? Heading { get; init; }

    /// <summary>The government's response, if any.</summary>
    [Id(5)]
    public GovernmentResponse? Response { get; init; }

    /// <summary>The reasons given with the response.</summary>
    [Id(6)]
    public string? ResponseRationale { get; init; }

    /// <summary>The lead owner as recorded (not resolved through mergers and transfers).</summary>
    [Id(7)]
    public OwnerRef? LeadOwner { get; init; }

    /// <summary>The date the current owners apply from (the earliest date for owners recorded "from the start").</summary>
    [Id(8)]
    public DateOnly? OwnersSince { get; init; }

    /// <summary>The supporting owners as recorded.</summary>
    [Id(9)]
    public IReadOnlyList<OwnerRef> SupportingOwners { get; init; } = [];

    /// <summary>The first lead owner ever recorded.</summary>
    [Id(10)]
    public OwnerRef? OriginalLeadOwner { get; init; }

    /// <summary>Every owner assignment, in the order recorded.</summary>
    [Id(11)]
    public IReadOnlyList<OwnerAssignment> OwnerHistory { get; init; } = [];

    /// <summary>The implementation status.</summary>
    [Id(12)]
    public ImplementationStatus Status { get; init; }

    /// <summary>The RAG rating, if rated.</summary>
    [Id(13)]
    public RagRating? Rag { get; init; }

    /// <summary>The progress percentage.</summary>
    [Id(14)]
    public int ProgressPercent { get; init; }

    /// <summary>Dated progress updates, oldest first.</summary>
    [Id(15)]
    public IReadOnlyList<ProgressUpdate> ProgressUpdates { get; init; } = [];

    /// <summary>Related recommendations in other reviews, by key.</summary>
    [Id(16)]
    public IReadOnlyList<string> Related { get; init; } = [];

    /// <summary>The journal's version.</summary>
    [Id(17)]
    public long Version { get; init; }
}

namespace BoardDesk.Recommendations;

/// <summary>Records one recommendation of a review.</summary>
/// <param name="Text">The recommendation as the source states it.</param>
/// <param name="Heading">The heading or theme it sits under, if the review groups them.</param>
/// <param name="Response">The government's response, if there is one yet.</param>
/// <param name="ResponseRationale">The reasons given with the response.</param>
/// <param name="LeadOwner">The lead owner, if known.</param>
/// <param name="SupportingOwners">The supporting owners.</param>
/// <param name="OwnersEffectiveOn">The date the owners apply from; null for "from the start".</param>
/// <param name="Status">The implementation status; not started by default.</param>
/// <param name="Rag">The RAG rating, if rated.</param>
/// <param name="ProgressPercent">The progress percentage, 0 to 100.</param>
[GenerateSerializer, Immutable, Alias("BoardDesk.Recommendations.CreateRecommendation")]
public sealed record CreateRecommendation(
    string Text,
    string? Heading = null,
    GovernmentResponse? Response = null,
    string? ResponseRationale = null,
    OwnerRef? LeadOwner = null,
    IReadOnlyList<OwnerRef>? SupportingOwners = null,
    DateOnly? OwnersEffectiveOn = null,
    ImplementationStatus Status = ImplementationStatus.NotStarted,
    RagRating? Rag = null,
    int ProgressPercent = 0);

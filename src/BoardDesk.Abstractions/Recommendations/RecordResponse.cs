namespace BoardDesk.Recommendations;

/// <summary>Records the government's response to a recommendation.</summary>
/// <param name="Response">The response.</param>
/// <param name="Rationale">The reasons given with it.</param>
[GenerateSerializer, Immutable, Alias("BoardDesk.Recommendations.RecordResponse")]
public sealed record RecordResponse(GovernmentResponse Response, string? Rationale = null);

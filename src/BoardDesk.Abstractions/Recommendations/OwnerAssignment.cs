namespace BoardDesk.Recommendations;

/// <summary>Who owns a recommendation from a date.</summary>
/// <param name="Lead">The lead owner, if any.</param>
/// <param name="Supporting">The supporting owners.</param>
/// <param name="EffectiveOn">The date the assignment applies from.</param>
/// <param name="RecordedBy">Who recorded it.</param>
/// <param name="DecisionId">The board decision that made the assignment, if one did.</param>
[GenerateSerializer, Immutable, Alias("BoardDesk.Recommendations.OwnerAssignment")]
public sealed record OwnerAssignment(OwnerRef? Lead, IReadOnlyList<OwnerRef> Supporting, DateOnly EffectiveOn, string RecordedBy = "", string? DecisionId = null);

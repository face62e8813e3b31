namespace BoardDesk.Recommendations;

/// <summary>Sets a recommendation's owners from a date; earlier owners stay on record.</summary>
/// <param name="LeadOwner">The new lead owner; null for none.</param>
/// <param name="EffectiveOn">The date the owners apply from.</param>
/// <param name="SupportingOwners">The new supporting owners.</param>
[GenerateSerializer, Immutable, Alias("BoardDesk.Recommendations.AssignOwners")]
public sealed record AssignOwners(OwnerRef? LeadOwner, DateOnly EffectiveOn, IReadOnlyList<OwnerRef>? SupportingOwners = null);

namespace BoardDesk.Organisations;

/// <summary>Merges organisations into a new or an existing one.</summary>
/// <param name="SourceIds">The organisations that merge and close.</param>
/// <param name="TargetId">The organisation they merge into: an existing one, or the id of a new one.</param>
/// <param name="EffectiveOn">The date the merger takes effect.</param>
/// <param name="TargetName">The new organisation's name; given only when the target does not exist yet.</param>
/// <param name="TargetKind">The new organisation's kind; given only when the target does not exist yet.</param>
[GenerateSerializer, Immutable, Alias("BoardDesk.Organisations.MergeOrganisations")]
public sealed record MergeOrganisations(IReadOnlyList<string> SourceIds, string TargetId, DateOnly EffectiveOn, string? TargetName = null, OrganisationKind? TargetKind = null);

namespace BoardDesk.Organisations;

/// <summary>A step of lineage between two organisations, seen from one of them.</summary>
/// <param name="OrganisationId">The organisation at the other end of the link.</param>
/// <param name="Reason">Why the link exists.</param>
/// <param name="EffectiveOn">The date the change took effect.</param>
/// <param name="Function">The function that moved, for a function transfer or a cessation's named successor; null for everything else.</param>
[GenerateSerializer, Immutable, Alias("BoardDesk.Organisations.OrganisationLink")]
public sealed record OrganisationLink(string OrganisationId, LineageReason Reason, DateOnly EffectiveOn, string? Function = null);

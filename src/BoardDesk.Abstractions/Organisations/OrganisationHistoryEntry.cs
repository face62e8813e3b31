namespace BoardDesk.Organisations;

/// <summary>One entry of an organisation's journal.</summary>
/// <param name="Sequence">Its position in the journal.</param>
/// <param name="Type">The stored event name, such as <c>OrganisationMerged</c>.</param>
/// <param name="RecordedAt">When it was recorded.</param>
/// <param name="User">Who recorded it.</param>
/// <param name="EffectId">The operation effect it applied, if any.</param>
[GenerateSerializer, Immutable, Alias("BoardDesk.Organisations.OrganisationHistoryEntry")]
public sealed record OrganisationHistoryEntry(long Sequence, string Type, DateTimeOffset RecordedAt, string User, string? EffectId);

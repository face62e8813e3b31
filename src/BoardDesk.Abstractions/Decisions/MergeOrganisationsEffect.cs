namespace BoardDesk.Decisions;

/// <summary>Merges organisations into an existing one, through the organisations' own merge operation.</summary>
[GenerateSerializer, Immutable, Alias("BoardDesk.Decisions.MergeOrganisationsEffect")]
public sealed record MergeOrganisationsEffect : DecisionEffect
{
    /// <summary>The organisations that merge.</summary>
    [Id(0)]
    public required IReadOnlyList<string> SourceIds { get; init; }

    /// <summary>The organisation they merge into.</summary>
    [Id(1)]
    public required string TargetId { get; init; }

    /// <summary>The date it takes effect.</summary>
    [Id(2)]
    public required DateOnly EffectiveOn { get; init; }
}

namespace BoardDesk.Decisions;

/// <summary>Merges organisations into an existing one, through the organisations' own merge operation.</summary>
public sealed record MergeOrganisationsEffect : DecisionEffect
{
    /// <summary>The organisations that merge.</summary>
    public required IReadOnlyList<string> SourceIds { get; init; }

    /// <summary>The organisation they merge into.</summary>
    public required string TargetId { get; init; }

    /// <summary>The date it takes effect.</summary>
    public required DateOnly EffectiveOn { get; init; }
}

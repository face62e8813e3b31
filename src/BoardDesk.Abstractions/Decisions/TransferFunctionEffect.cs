namespace BoardDesk.Decisions;

/// <summary>Moves a function between organisations, through the organisations' own transfer operation.</summary>
public sealed record TransferFunctionEffect : DecisionEffect
{
    /// <summary>The function.</summary>
    public required string Function { get; init; }

    /// <summary>Where it is now.</summary>
    public required string FromId { get; init; }

    /// <summary>Where it goes.</summary>
    public required string ToId { get; init; }

    /// <summary>The date it takes effect.</summary>
    public required DateOnly EffectiveOn { get; init; }
}

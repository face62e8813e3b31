namespace BoardDesk.Decisions;

/// <summary>Moves a function between organisations, through the organisations' own transfer operation.</summary>
[GenerateSerializer, Immutable, Alias("BoardDesk.Decisions.TransferFunctionEffect")]
public sealed record TransferFunctionEffect : DecisionEffect
{
    /// <summary>The function.</summary>
    [Id(0)]
    public required string Function { get; init; }

    /// <summary>Where it is now.</summary>
    [Id(1)]
    public required string FromId { get; init; }

    /// <summary>Where it goes.</summary>
    [Id(2)]
    public required string ToId { get; init; }

    /// <summary>The date it takes effect.</summary>
    [Id(3)]
    public required DateOnly EffectiveOn { get; init; }
}

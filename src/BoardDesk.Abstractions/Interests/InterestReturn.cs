namespace BoardDesk.Interests;

/// <summary>A person's confirmation that their register is complete; a nil return says they have nothing to declare.</summary>
[GenerateSerializer, Immutable, Alias("BoardDesk.Interests.InterestReturn")]
public sealed record InterestReturn
{
    /// <summary>When it was made.</summary>
    [Id(0)]
    public required DateTimeOffset MadeAt { get; init; }

    /// <summary>True for a nil return: no current interest to declare.</summary>
    [Id(1)]
    public bool Nil { get; init; }

    /// <summary>How many current interests the register held when the return was made.</summary>
    [Id(2)]
    public int CurrentInterests { get; init; }
}

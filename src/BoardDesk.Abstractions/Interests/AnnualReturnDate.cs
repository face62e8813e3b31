namespace BoardDesk.Interests;

/// <summary>The day of the year a board asks its members for their yearly declaration of interests.</summary>
[GenerateSerializer, Immutable, Alias("BoardDesk.Interests.AnnualReturnDate")]
public sealed record AnnualReturnDate
{
    /// <summary>The month, 1 to 12.</summary>
    [Id(0)]
    public int Month { get; init; }

    /// <summary>The day of the month, 1 to 28 (so that it falls every year).</summary>
    [Id(1)]
    public int Day { get; init; }
}

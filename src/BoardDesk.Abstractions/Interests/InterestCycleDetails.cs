namespace BoardDesk.Interests;

/// <summary>A board's cycle of declarations: its yearly date, and who was asked on appointment.</summary>
[GenerateSerializer, Immutable, Alias("BoardDesk.Interests.InterestCycleDetails")]
public sealed record InterestCycleDetails
{
    /// <summary>The board.</summary>
    [Id(0)]
    public required string BoardId { get; init; }

    /// <summary>The yearly date, once set.</summary>
    [Id(1)]
    public AnnualReturnDate? AnnualDate { get; init; }

    /// <summary>The next date the yearly returns are asked for.</summary>
    [Id(2)]
    public DateOnly? NextAnnualRequestOn { get; init; }

    /// <summary>The people asked for a return on appointment.</summary>
    [Id(3)]
    public IReadOnlyList<string> AskedOnAppointment { get; init; } = [];

    /// <summary>The number of days a member has to make a return once asked.</summary>
    public const int DaysToReturn = 28;
}

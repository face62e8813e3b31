using System.Collections.Immutable;
using BoardDesk.Persistence;

namespace BoardDesk.Interests;

/// <summary>A board's cycle of declarations, folded from its events.</summary>
public sealed record InterestCycleState : IJournaledState<InterestCycleState, InterestCycleEvent>
{
    /// <inheritdoc />
    public static InterestCycleState Empty { get; } = new();

    /// <summary>The yearly date.</summary>
    public AnnualReturnDate? AnnualDate { get; init; }

    /// <summary>The next yearly request.</summary>
    public DateOnly? NextAnnualRequestOn { get; init; }

    /// <summary>Who was asked on appointment.</summary>
    public ImmutableList<string> AskedOnAppointment { get; init; } = [];

    /// <inheritdoc />
    public InterestCycleState Apply(InterestCycleEvent e) => e switch
    {
        AnnualReturnDateSet set => this with { AnnualDate = set.Date, NextAnnualRequestOn = set.NextOn },
        AnnualReturnsRequested requested => this with { NextAnnualRequestOn = requested.NextOn },
        AppointmentReturnsRequested asked => this with { AskedOnAppointment = AskedOnAppointment.AddRange(asked.People) },
        _ => throw new ArgumentOutOfRangeException(nameof(e), e.GetType().Name, "Unknown interest cycle event."),
    };
}

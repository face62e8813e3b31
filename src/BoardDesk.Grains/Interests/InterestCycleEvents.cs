using BoardDesk.Persistence;

namespace BoardDesk.Interests;

/// <summary>The base of every event of a board's cycle of declarations.</summary>
public abstract record InterestCycleEvent;

/// <summary>The board set the yearly date of its declarations; the next request falls on <paramref name="NextOn"/>.</summary>
[JournalEvent("AnnualReturnDateSet")]
public sealed record AnnualReturnDateSet(AnnualReturnDate Date, DateOnly NextOn) : InterestCycleEvent;

/// <summary>The yearly returns were asked of these people; the next request falls on <paramref name="NextOn"/>.</summary>
[JournalEvent("AnnualReturnsRequested")]
public sealed record AnnualReturnsRequested(IReadOnlyList<string> People, DateOnly DueOn, DateOnly NextOn) : InterestCycleEvent;

/// <summary>Newly appointed people were asked for their return.</summary>
[JournalEvent("AppointmentReturnsRequested")]
public sealed record AppointmentReturnsRequested(IReadOnlyList<string> People, DateOnly DueOn) : InterestCycleEvent;

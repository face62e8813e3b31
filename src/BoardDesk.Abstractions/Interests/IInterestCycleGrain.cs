namespace BoardDesk.Interests;

/// <summary>
/// A board's cycle of declarations of interest, keyed by the board's id: it asks newly appointed members and, yearly on
/// the board's date, every member for a return due within 28 days, and tells the secretariat who has returned.
/// </summary>
[Alias("BoardDesk.Interests.IInterestCycleGrain")]
public interface IInterestCycleGrain : IGrainWithStringKey
{
    /// <summary>Sets the yearly date and schedules the next yearly request.</summary>
    [Alias("SetAnnualDateAsync")]
    Task<InterestCycleDetails> SetAnnualDateAsync(AnnualReturnDate date);

    /// <summary>Asks every member and appointed deputy linked to an account who was not asked before for a return on appointment.</summary>
    [Alias("RequestAppointmentReturnsAsync")]
    Task<InterestCycleDetails> RequestAppointmentReturnsAsync();

    /// <summary>The cycle as it is now.</summary>
    [Alias("GetAsync")]
    Task<InterestCycleDetails> GetAsync();

    /// <summary>Who on the board has made their return and who has not.</summary>
    [Alias("GetReturnsAsync")]
    Task<IReadOnlyList<MemberReturn>> GetReturnsAsync();
}

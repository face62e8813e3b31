using BoardDesk.Grains;

namespace BoardDesk.Interests;

/// <summary>
/// A person's standing register of interests, gifts and hospitality, keyed by their account's user name. The person
/// declares; boards ask for returns (on appointment, yearly) and the register marks a request overdue when its date
/// passes without a return.
/// </summary>
[Alias("BoardDesk.Interests.IInterestRegisterGrain")]
public interface IInterestRegisterGrain : IGrainWithStringKey
{
    /// <summary>Declares an interest.</summary>
    [Alias("RecordInterestAsync")]
    Task<InterestRegisterDetails> RecordInterestAsync(RecordInterest command);

    /// <summary>Records that an interest ended on a date; it stays on record.</summary>
    [Alias("EndInterestAsync")]
    Task<InterestRegisterDetails> EndInterestAsync(int interestId, DateOnly endedOn);

    /// <summary>Records a gift or hospitality offered.</summary>
    [Alias("RecordGiftAsync")]
    Task<InterestRegisterDetails> RecordGiftAsync(RecordGift command);

    /// <summary>Makes a return: the register is complete; <paramref name="nil"/> says there is nothing to declare.</summary>
    [Alias("MakeReturnAsync")]
    Task<InterestRegisterDetails> MakeReturnAsync(bool nil);

    /// <summary>A board asks for a return by a date; asking again for the same unanswered return changes nothing.</summary>
    [Alias("RequestReturnAsync")]
    Task<InterestRegisterDetails> RequestReturnAsync(RequestReturn command);

    /// <summary>The register as it is now; empty for a person who has declared nothing.</summary>
    [Alias("GetAsync")]
    Task<InterestRegisterDetails> GetAsync();

    /// <summary>Every change the register has had, oldest first.</summary>
    [Alias("GetHistoryAsync")]
    Task<IReadOnlyList<RecordedChange>> GetHistoryAsync();
}

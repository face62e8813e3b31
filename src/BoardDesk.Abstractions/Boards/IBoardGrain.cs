using BoardDesk.Grains;

namespace BoardDesk.Boards;

/// <summary>A governing board (<c>ldib</c>, <c>nqb</c>): its members, officers, quorum rule and paper deadline.</summary>
public interface IBoardGrain : IGrainWithStringKey
{
    /// <summary>Creates the board; refused when it exists already.</summary>
    Task<BoardDetails> CreateAsync(DefineBoard command);

    /// <summary>Replaces the board's definition (members, officers, rules); the previous one stays in its history.</summary>
    Task<BoardDetails> ReviseAsync(DefineBoard command);

    /// <summary>The board as it is now; <see cref="NotFoundException"/> when it does not exist.</summary>
    Task<BoardDetails> GetAsync();

    /// <summary>Every change the board has had, oldest first.</summary>
    Task<IReadOnlyList<RecordedChange>> GetHistoryAsync();
}

using BoardDesk.Grains;

namespace BoardDesk.Boards;

/// <summary>A governing board (<c>ldib</c>, <c>nqb</c>): its members, officers, quorum rule and paper deadline.</summary>
[Alias("BoardDesk.Boards.IBoardGrain")]
public interface IBoardGrain : IGrainWithStringKey
{
    /// <summary>Creates the board; refused when it exists already.</summary>
    [Alias("CreateAsync")]
    Task<BoardDetails> CreateAsync(DefineBoard command);

    /// <summary>Replaces the board's definition (members, officers, rules); the previous one stays in its history.</summary>
    [Alias("ReviseAsync")]
    Task<BoardDetails> ReviseAsync(DefineBoard command);

    /// <summary>The board as it is now; <see cref="NotFoundException"/> when it does not exist.</summary>
    [Alias("GetAsync")]
    Task<BoardDetails> GetAsync();

    /// <summary>Every change the board has had, oldest first.</summary>
    [Alias("GetHistoryAsync")]
    Task<IReadOnlyList<RecordedChange>> GetHistoryAsync();
}

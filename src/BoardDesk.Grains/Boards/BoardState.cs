using BoardDesk.Persistence;

namespace BoardDesk.Boards;

/// <summary>A board's state, folded from its events.</summary>
public sealed record BoardState : IJournaledState<BoardState, BoardEvent>
{
    /// <inheritdoc />
    public static BoardState Empty { get; } = new();

    /// <summary>False until the board is created.</summary>
    public bool Exists { get; init; }

    /// <summary>The current definition.</summary>
    public DefineBoard Definition { get; init; } = new() { Name = "" };

    /// <inheritdoc />
    public BoardState Apply(BoardEvent e) => e switch
    {
        BoardCreated created => this with { Exists = true, Definition = created.Definition },
        BoardRevised revised => this with { Definition = revised.Definition },
        _ => throw new ArgumentOutOfRangeException(nameof(e), e.GetType().Name, "Unknown board event."),
    };
}

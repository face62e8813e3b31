using BoardDesk.Persistence;

namespace BoardDesk.Boards;

/// <summary>The base of every board event.</summary>
public abstract record BoardEvent;

/// <summary>The board was created with this definition.</summary>
[JournalEvent("BoardCreated")]
public sealed record BoardCreated(DefineBoard Definition) : BoardEvent;

/// <summary>The board's definition was replaced.</summary>
[JournalEvent("BoardRevised")]
public sealed record BoardRevised(DefineBoard Definition) : BoardEvent;

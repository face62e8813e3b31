using BoardDesk.Persistence;

namespace BoardDesk.Benchmarks;

/// <summary>A note appended to the journal; about the size of a short minute's event.</summary>
/// <param name="Note">The note's text.</param>
[JournalEvent("bench.NoteAppended")]
public sealed record NoteAppended(string Note) : AppendEvent;

using BoardDesk.Persistence;

namespace BoardDesk.Benchmarks;

/// <summary>
/// A BoardDesk grain as the real ones are built (a journaled grain with a state folded from events), with one command
/// that raises an event and one that raises nothing: the second measures what BoardDesk's journaling adds to a call
/// when there is nothing to commit.
/// </summary>
[GrainType("append")]
public sealed class AppendGrain : JournaledGrain<AppendState, AppendEvent>, IAppendGrain
{
    /// <inheritdoc />
    public Task<long> AppendAsync(string note)
    {
        Raise(new NoteAppended(note));
        return Task.FromResult(Version);
    }

    /// <inheritdoc />
    public Task<int> NoOpAsync() => Task.FromResult(1);
}

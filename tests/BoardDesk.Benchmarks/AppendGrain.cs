using BoardDesk.Runtime;

namespace BoardDesk.Benchmarks;

public abstract record AppendEvent;

[JournalEvent("bench.NoteAppended")]
public sealed record NoteAppended(string Note) : AppendEvent;

public sealed record AppendState : IJournaledState<AppendState, AppendEvent>
{
    public static AppendState Empty { get; } = new();

    public long Count { get; init; }

    public AppendState Apply(AppendEvent e) => this with { Count = Count + 1 };
}

public sealed class AppendGrain : JournaledGrain<AppendState, AppendEvent>, IAppendGrain
{
    public Task<long> AppendAsync(string note)
    {
        Raise(new NoteAppended(note));
        return Task.FromResult(Version);
    }
}

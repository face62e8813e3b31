using BoardDesk.Persistence;

namespace BoardDesk.Benchmarks;

[GenerateSerializer, Immutable, Alias("BoardDesk.Benchmarks.AppendEvent")]
public abstract record AppendEvent;

[JournalEvent("bench.NoteAppended")]
public sealed record NoteAppended(string Note) : AppendEvent;

public sealed record AppendState : IJournaledState<AppendState, AppendEvent>
{
    public static AppendState Empty { get; } = new();

    [Id(0)]
    public long Count { get; init; }

    public AppendState Apply(AppendEvent e) => this with { Count = Count + 1 };
}

[GrainType("append")]
public sealed class AppendGrain : JournaledGrain<AppendState, AppendEvent>, IAppendGrain
{
    public Task<long> AppendAsync(string note)
    {
        Raise(new NoteAppended(note));
        return Task.FromResult(Version);
    }
}

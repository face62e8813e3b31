using System.Collections.Immutable;

namespace BoardDesk.Persistence.Tests.TestGrains;

[GenerateSerializer, Immutable, Alias("BoardDesk.Persistence.Tests.TestGrains.BallotBoxEvent")]
public abstract record BallotBoxEvent;

[JournalEvent("test.HolderVoted")]
public sealed record HolderVoted(string Holder) : BallotBoxEvent;

[JournalEvent("test.BoxCounted")]
public sealed record BoxCounted(IReadOnlyDictionary<string, int> Counts) : BallotBoxEvent;

public sealed record BallotBoxState : IJournaledState<BallotBoxState, BallotBoxEvent>
{
    public static BallotBoxState Empty { get; } = new();

    [Id(0)]
    public ImmutableSortedSet<string> Roll { get; init; } = [];

    public BallotBoxState Apply(BallotBoxEvent e) => e switch
    {
        HolderVoted voted => this with { Roll = Roll.Add(voted.Holder) },
        _ => this,
    };
}

[GrainType("ballot-box")]
public sealed class BallotBoxGrain : JournaledGrain<BallotBoxState, BallotBoxEvent>, IBallotBoxGrain
{
    public async Task CastAsync(string holder, string choice)
    {
        Seal(choice);
        await Task.Yield();
        Raise(new HolderVoted(holder));
    }

    public async Task CastThenFailAsync(string holder, string choice)
    {
        await CastAsync(holder, choice);
        throw new InvalidOperationException("The command failed after sealing a choice.");
    }

    public Task SealOnlyAsync(string choice)
    {
        Seal(choice);
        return Task.CompletedTask;
    }

    public async Task<IReadOnlyDictionary<string, int>> CloseAsync()
    {
        var counts = await CountSealedAsync();
        EmptySealedBox();
        Raise(new BoxCounted(counts));
        return counts;
    }

    public Task<IReadOnlyDictionary<string, int>> CountAsync() => CountSealedAsync();
}

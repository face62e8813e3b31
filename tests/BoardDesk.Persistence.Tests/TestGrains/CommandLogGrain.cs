using System.Collections.Immutable;

namespace BoardDesk.Persistence.Tests.TestGrains;

[GenerateSerializer, Immutable, Alias("BoardDesk.Persistence.Tests.TestGrains.CommandLogEvent")]
public abstract record CommandLogEvent;

[JournalEvent("test.CommandRecorded")]
public sealed record CommandRecorded(string CommandId) : CommandLogEvent;

public sealed record CommandLogState : IJournaledState<CommandLogState, CommandLogEvent>
{
    public static CommandLogState Empty { get; } = new();

    public ImmutableHashSet<string> Recorded { get; init; } = [];

    public CommandLogState Apply(CommandLogEvent e) => e is CommandRecorded recorded ? this with { Recorded = Recorded.Add(recorded.CommandId) } : this;
}

[GrainType("command-log")]
public sealed class CommandLogGrain : JournaledGrain<CommandLogState, CommandLogEvent>, ICommandLogGrain
{
    public Task<int> RecordAsync(string commandId)
    {
        if (!State.Recorded.Contains(commandId))
        {
            Raise(new CommandRecorded(commandId));
        }

        return Task.FromResult(State.Recorded.Count);
    }
}

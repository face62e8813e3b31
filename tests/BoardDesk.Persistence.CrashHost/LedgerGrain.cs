namespace BoardDesk.Persistence.CrashHost;

[GenerateSerializer, Immutable, Alias("BoardDesk.Persistence.CrashHost.LedgerEvent")]
public abstract record LedgerEvent;

[JournalEvent("crash.LedgerLine")]
public sealed record LedgerLine(int Part, string Text) : LedgerEvent;

public sealed record LedgerState : IJournaledState<LedgerState, LedgerEvent>
{
    public static LedgerState Empty { get; } = new();

    [Id(0)]
    public int Lines { get; init; }

    public LedgerState Apply(LedgerEvent e) => this with { Lines = Lines + 1 };
}

[GrainType("ledger")]
public sealed class LedgerGrain : JournaledGrain<LedgerState, LedgerEvent>, ILedgerGrain
{
    public Task<long> PostAsync()
    {
        for (var part = 1; part <= 3; part++)
        {
            Raise(new LedgerLine(part, new string('x', 200)));
        }

        return Task.FromResult(Version);
    }
}

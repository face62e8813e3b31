using BoardDesk.Persistence;

namespace BoardDesk.Benchmarks;

/// <summary><see cref="AppendGrain"/>'s state: how many notes it holds.</summary>
public sealed record AppendState : IJournaledState<AppendState, AppendEvent>
{
    /// <summary>No notes.</summary>
    public static AppendState Empty { get; } = new();

    /// <summary>How many notes were appended.</summary>
    [Id(0)]
    public long Count { get; init; }

    /// <inheritdoc />
    public AppendState Apply(AppendEvent e) => this with { Count = Count + 1 };
}

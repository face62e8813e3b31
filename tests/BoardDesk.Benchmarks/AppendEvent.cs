namespace BoardDesk.Benchmarks;

/// <summary>The base of <see cref="AppendGrain"/>'s events.</summary>
[GenerateSerializer, Immutable, Alias("BoardDesk.Benchmarks.AppendEvent")]
public abstract record AppendEvent;

using BoardDesk.Grains;

namespace BoardDesk.Persistence.Tests.TestGrains;

[Alias("BoardDesk.Persistence.Tests.TestGrains.IBallotBoxGrain")]
public interface IBallotBoxGrain : IGrainWithStringKey
{
    /// <summary>Puts the holder on the roll and seals their choice in the same turn.</summary>
    [Alias("CastAsync")]
    Task CastAsync(string holder, string choice);

    /// <summary>As <see cref="CastAsync"/>, then throws before the turn ends.</summary>
    [Alias("CastThenFailAsync")]
    Task CastThenFailAsync(string holder, string choice);

    /// <summary>Seals a choice without raising an event, which the runtime refuses.</summary>
    [Alias("SealOnlyAsync")]
    Task SealOnlyAsync(string choice);

    /// <summary>Counts the box, stores the counts and empties the box in one commit.</summary>
    [Alias("CloseAsync")]
    Task<IReadOnlyDictionary<string, int>> CloseAsync();

    /// <summary>The counts in the box as committed.</summary>
    [Alias("CountAsync")]
    Task<IReadOnlyDictionary<string, int>> CountAsync();
}

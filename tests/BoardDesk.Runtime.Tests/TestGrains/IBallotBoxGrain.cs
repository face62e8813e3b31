using BoardDesk.Grains;

namespace BoardDesk.Runtime.Tests.TestGrains;

public interface IBallotBoxGrain : IGrainWithStringKey
{
    /// <summary>Puts the holder on the roll and seals their choice in the same turn.</summary>
    Task CastAsync(string holder, string choice);

    /// <summary>As <see cref="CastAsync"/>, then throws before the turn ends.</summary>
    Task CastThenFailAsync(string holder, string choice);

    /// <summary>Seals a choice without raising an event, which the runtime refuses.</summary>
    Task SealOnlyAsync(string choice);

    /// <summary>Counts the box, stores the counts and empties the box in one commit.</summary>
    Task<IReadOnlyDictionary<string, int>> CloseAsync();

    /// <summary>The counts in the box as committed.</summary>
    Task<IReadOnlyDictionary<string, int>> CountAsync();
}

namespace BoardDesk.Meetings;

/// <summary>Drafts the minutes of the given agenda items; items not named keep their current draft.</summary>
[GenerateSerializer, Immutable, Alias("BoardDesk.Meetings.DraftMinutes")]
public sealed record DraftMinutes
{
    /// <summary>The minutes of some agenda items.</summary>
    [Id(0)]
    public IReadOnlyList<MinuteEntry> Items { get; init; } = [];
}

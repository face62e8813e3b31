namespace BoardDesk.Meetings;

/// <summary>Drafts the minutes of the given agenda items; items not named keep their current draft.</summary>
public sealed record DraftMinutes
{
    /// <summary>The minutes of some agenda items.</summary>
    public IReadOnlyList<MinuteEntry> Items { get; init; } = [];
}

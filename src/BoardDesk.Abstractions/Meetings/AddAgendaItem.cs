namespace BoardDesk.Meetings;

/// <summary>Adds an item of business to an agenda, after the items already on it.</summary>
[GenerateSerializer, Immutable, Alias("BoardDesk.Meetings.AddAgendaItem")]
public sealed record AddAgendaItem
{
    /// <summary>Its title.</summary>
    [Id(0)]
    public required string Title { get; init; }

    /// <summary>Who presents it.</summary>
    [Id(1)]
    public string Presenter { get; init; } = "";

    /// <summary>The time allowed, in minutes (1 to 240).</summary>
    [Id(2)]
    public int Minutes { get; init; } = 15;

    /// <summary>What the board is asked to do.</summary>
    [Id(3)]
    public AgendaPurpose Purpose { get; init; } = AgendaPurpose.ForDiscussion;

    /// <summary>The public or private part of the meeting.</summary>
    [Id(4)]
    public AgendaPart Part { get; init; } = AgendaPart.Public;

    /// <summary>The paper taken under this item, if any.</summary>
    [Id(5)]
    public string? PaperId { get; init; }

    /// <summary>What the item concerns (the server fills in the paper's sponsor when none is given).</summary>
    [Id(6)]
    public IReadOnlyList<ItemConcern>? Concerns { get; init; }
}

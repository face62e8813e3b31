namespace BoardDesk.Meetings;

/// <summary>An item on a meeting's agenda.</summary>
[GenerateSerializer, Immutable, Alias("BoardDesk.Meetings.AgendaItem")]
public sealed record AgendaItem
{
    /// <summary>The item's id within the meeting; it does not change when items move.</summary>
    [Id(0)]
    public required int Id { get; init; }

    /// <summary>Its position on the agenda, from 1.</summary>
    [Id(1)]
    public int Number { get; init; }

    /// <summary>Its title.</summary>
    [Id(2)]
    public required string Title { get; init; }

    /// <summary>Who presents it.</summary>
    [Id(3)]
    public string Presenter { get; init; } = "";

    /// <summary>The time allowed, in minutes.</summary>
    [Id(4)]
    public int Minutes { get; init; }

    /// <summary>What the board is asked to do.</summary>
    [Id(5)]
    public AgendaPurpose Purpose { get; init; }

    /// <summary>The public or private part of the meeting.</summary>
    [Id(6)]
    public AgendaPart Part { get; init; }

    /// <summary>The paper taken under this item, if any.</summary>
    [Id(7)]
    public string? PaperId { get; init; }

    /// <summary>Which standing item this is, or null for ordinary business.</summary>
    [Id(8)]
    public StandingItem? Standing { get; init; }

    /// <summary>For matters arising: the actions carried from the previous meeting's minutes.</summary>
    [Id(9)]
    public IReadOnlyList<ActionAgreed> CarriedActions { get; init; } = [];

    /// <summary>What the item concerns: organisations, companies or suppliers, and people; matched against standing registers of interests.</summary>
    [Id(10)]
    public IReadOnlyList<ItemConcern> Concerns { get; init; } = [];
}

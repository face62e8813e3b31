namespace BoardDesk.Meetings;

/// <summary>An item on a meeting's agenda.</summary>
public sealed record AgendaItem
{
    /// <summary>The item's id within the meeting; it does not change when items move.</summary>
    public required int Id { get; init; }

    /// <summary>Its position on the agenda, from 1.</summary>
    public int Number { get; init; }

    /// <summary>Its title.</summary>
    public required string Title { get; init; }

    /// <summary>Who presents it.</summary>
    public string Presenter { get; init; } = "";

    /// <summary>The time allowed, in minutes.</summary>
    public int Minutes { get; init; }

    /// <summary>What the board is asked to do.</summary>
    public AgendaPurpose Purpose { get; init; }

    /// <summary>The public or private part of the meeting.</summary>
    public AgendaPart Part { get; init; }

    /// <summary>The paper taken under this item, if any.</summary>
    public string? PaperId { get; init; }

    /// <summary>Which standing item this is, or null for ordinary business.</summary>
    public StandingItem? Standing { get; init; }

    /// <summary>For matters arising: the actions carried from the previous meeting's minutes.</summary>
    public IReadOnlyList<ActionAgreed> CarriedActions { get; init; } = [];
}

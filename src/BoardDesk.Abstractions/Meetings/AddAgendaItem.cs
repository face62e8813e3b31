namespace BoardDesk.Meetings;

/// <summary>Adds an item of business to an agenda, after the items already on it.</summary>
public sealed record AddAgendaItem
{
    /// <summary>Its title.</summary>
    public required string Title { get; init; }

    /// <summary>Who presents it.</summary>
    public string Presenter { get; init; } = "";

    /// <summary>The time allowed, in minutes (1 to 240).</summary>
    public int Minutes { get; init; } = 15;

    /// <summary>What the board is asked to do.</summary>
    public AgendaPurpose Purpose { get; init; } = AgendaPurpose.ForDiscussion;

    /// <summary>The public or private part of the meeting.</summary>
    public AgendaPart Part { get; init; } = AgendaPart.Public;

    /// <summary>The paper taken under this item, if any.</summary>
    public string? PaperId { get; init; }
}

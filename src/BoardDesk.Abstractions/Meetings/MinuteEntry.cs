namespace BoardDesk.Meetings;

/// <summary>The draft minute of one agenda item.</summary>
public sealed record MinuteEntry
{
    /// <summary>The agenda item minuted.</summary>
    public required int AgendaItemId { get; init; }

    /// <summary>A summary of the discussion.</summary>
    public string Discussion { get; init; } = "";

    /// <summary>The decisions taken; only a quorate meeting takes decisions.</summary>
    public IReadOnlyList<string> Decisions { get; init; } = [];

    /// <summary>The actions agreed.</summary>
    public IReadOnlyList<ActionAgreed> Actions { get; init; } = [];
}

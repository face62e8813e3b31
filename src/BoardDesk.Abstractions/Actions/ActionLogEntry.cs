namespace BoardDesk.Actions;

/// <summary>One row of the action log, as the screen and the exports show it.</summary>
public sealed record ActionLogEntry
{
    /// <summary>The action id.</summary>
    public required string Id { get; init; }

    /// <summary>The board.</summary>
    public required string BoardId { get; init; }

    /// <summary>What is to be done.</summary>
    public required string Description { get; init; }

    /// <summary>The owner's user name.</summary>
    public required string Owner { get; init; }

    /// <summary>The organisation recorded with the owner.</summary>
    public required string RecordedOrganisationId { get; init; }

    /// <summary>The organisation that owns it now, following mergers and transfers.</summary>
    public required string OrganisationId { get; init; }

    /// <summary>That organisation's name.</summary>
    public required string OrganisationName { get; init; }

    /// <summary>When it is due.</summary>
    public required DateOnly DueOn { get; init; }

    /// <summary>Its status.</summary>
    public required ActionStatus Status { get; init; }

    /// <summary>Its RAG rating today.</summary>
    public required ActionRag Rag { get; init; }

    /// <summary>Where it came from.</summary>
    public required ActionSourceKind SourceKind { get; init; }

    /// <summary>The source's id.</summary>
    public required string SourceReference { get; init; }

    /// <summary>The latest progress note, if any.</summary>
    public string? LatestNote { get; init; }
}

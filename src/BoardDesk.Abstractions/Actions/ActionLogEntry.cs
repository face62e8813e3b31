namespace BoardDesk.Actions;

/// <summary>One row of the action log, as the screen and the exports show it.</summary>
[GenerateSerializer, Immutable, Alias("BoardDesk.Actions.ActionLogEntry")]
public sealed record ActionLogEntry
{
    /// <summary>The action id.</summary>
    [Id(0)]
    public required string Id { get; init; }

    /// <summary>The board.</summary>
    [Id(1)]
    public required string BoardId { get; init; }

    /// <summary>What is to be done.</summary>
    [Id(2)]
    public required string Description { get; init; }

    /// <summary>The owner's user name.</summary>
    [Id(3)]
    public required string Owner { get; init; }

    /// <summary>The organisation recorded with the owner.</summary>
    [Id(4)]
    public required string RecordedOrganisationId { get; init; }

    /// <summary>The organisation that owns it now, following mergers and transfers.</summary>
    [Id(5)]
    public required string OrganisationId { get; init; }

    /// <summary>That organisation's name.</summary>
    [Id(6)]
    public required string OrganisationName { get; init; }

    /// <summary>When it is due.</summary>
    [Id(7)]
    public required DateOnly DueOn { get; init; }

    /// <summary>Its status.</summary>
    [Id(8)]
    public required ActionStatus Status { get; init; }

    /// <summary>Its RAG rating today.</summary>
    [Id(9)]
    public required ActionRag Rag { get; init; }

    /// <summary>Where it came from.</summary>
    [Id(10)]
    public required ActionSourceKind SourceKind { get; init; }

    /// <summary>The source's id.</summary>
    [Id(11)]
    public required string SourceReference { get; init; }

    /// <summary>The latest progress note, if any.</summary>
    [Id(12)]
    public string? LatestNote { get; init; }
}

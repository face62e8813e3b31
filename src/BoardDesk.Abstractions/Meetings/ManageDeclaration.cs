namespace BoardDesk.Meetings;

/// <summary>The chair records how a declared interest is managed.</summary>
[GenerateSerializer, Immutable, Alias("BoardDesk.Meetings.ManageDeclaration")]
public sealed record ManageDeclaration
{
    /// <summary>The declaration, by its number within the meeting.</summary>
    [Id(0)]
    public int DeclarationId { get; init; }

    /// <summary>The decision.</summary>
    [Id(1)]
    public DeclarationManagement Management { get; init; }

    /// <summary>A note for the minutes, if any.</summary>
    [Id(2)]
    public string Note { get; init; } = "";
}

namespace BoardDesk.Papers;

/// <summary>An attachment with its bytes.</summary>
[GenerateSerializer, Immutable, Alias("BoardDesk.Papers.AttachmentContent")]
public sealed record AttachmentContent
{
    /// <summary>What is known about it.</summary>
    [Id(0)]
    public required AttachmentInfo Info { get; init; }

    /// <summary>Its bytes.</summary>
    [Id(1)]
    public required byte[] Content { get; init; }
}

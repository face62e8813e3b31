namespace BoardDesk.Papers;

/// <summary>An attachment with its bytes.</summary>
public sealed record AttachmentContent
{
    /// <summary>What is known about it.</summary>
    public required AttachmentInfo Info { get; init; }

    /// <summary>Its bytes.</summary>
    public required byte[] Content { get; init; }
}

namespace BoardDesk.Papers;

/// <summary>What is known about an attachment without its bytes.</summary>
public sealed record AttachmentInfo
{
    /// <summary>Its id within the paper.</summary>
    public required string Id { get; init; }

    /// <summary>The file's name.</summary>
    public required string FileName { get; init; }

    /// <summary>Its media type.</summary>
    public required string ContentType { get; init; }

    /// <summary>Its size in bytes.</summary>
    public long Size { get; init; }

    /// <summary>The SHA-256 of its bytes, in hex.</summary>
    public string Sha256 { get; init; } = "";

    /// <summary>When it was attached.</summary>
    public DateTimeOffset AddedAt { get; init; }
}

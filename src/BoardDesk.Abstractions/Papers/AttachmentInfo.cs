namespace BoardDesk.Papers;

/// <summary>What is known about an attachment without its bytes.</summary>
[GenerateSerializer, Immutable, Alias("BoardDesk.Papers.AttachmentInfo")]
public sealed record AttachmentInfo
{
    /// <summary>Its id within the paper.</summary>
    [Id(0)]
    public required string Id { get; init; }

    /// <summary>The file's name.</summary>
    [Id(1)]
    public required string FileName { get; init; }

    /// <summary>Its media type.</summary>
    [Id(2)]
    public required string ContentType { get; init; }

    /// <summary>Its size in bytes.</summary>
    [Id(3)]
    public long Size { get; init; }

    /// <summary>The SHA-256 of its bytes, in hex.</summary>
    [Id(4)]
    public string Sha256 { get; init; } = "";

    /// <summary>When it was attached.</summary>
    [Id(5)]
    public DateTimeOffset AddedAt { get; init; }
}

namespace BoardDesk.Papers;

/// <summary>Attaches a file to a paper.</summary>
public sealed record AddAttachment
{
    /// <summary>The file's name.</summary>
    public required string FileName { get; init; }

    /// <summary>Its media type (<c>application/pdf</c>).</summary>
    public required string ContentType { get; init; }

    /// <summary>Its bytes (base64 in JSON).</summary>
    public required byte[] Content { get; init; }
}

namespace BoardDesk.Papers;

/// <summary>Attaches a file to a paper.</summary>
[GenerateSerializer, Immutable, Alias("BoardDesk.Papers.AddAttachment")]
public sealed record AddAttachment
{
    /// <summary>The file's name.</summary>
    [Id(0)]
    public required string FileName { get; init; }

    /// <summary>Its media type (<c>application/pdf</c>).</summary>
    [Id(1)]
    public required string ContentType { get; init; }

    /// <summary>Its bytes (base64 in JSON).</summary>
    [Id(2)]
    public required byte[] Content { get; init; }
}

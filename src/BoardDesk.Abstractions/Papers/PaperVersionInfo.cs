namespace BoardDesk.Papers;

/// <summary>A version of a paper, without its content.</summary>
[GenerateSerializer, Immutable, Alias("BoardDesk.Papers.PaperVersionInfo")]
public sealed record PaperVersionInfo(int Number, DateTimeOffset RevisedAt, string RevisedBy, string Note);

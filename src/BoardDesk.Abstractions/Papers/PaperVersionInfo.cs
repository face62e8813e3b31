namespace BoardDesk.Papers;

/// <summary>A version of a paper, without its content.</summary>
public sealed record PaperVersionInfo(int Number, DateTimeOffset RevisedAt, string RevisedBy, string Note);

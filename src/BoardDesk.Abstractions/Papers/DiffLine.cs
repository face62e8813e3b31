namespace BoardDesk.Papers;

/// <summary>One line of a comparison.</summary>
/// <param name="Kind">Whether it was kept, removed or added.</param>
/// <param name="Text">The line.</param>
/// <param name="FromLine">Its number in the earlier version, when it is there.</param>
/// <param name="ToLine">Its number in the later version, when it is there.</param>
[GenerateSerializer, Immutable, Alias("BoardDesk.Papers.DiffLine")]
public sealed record DiffLine(DiffLineKind Kind, string Text, int? FromLine, int? ToLine);

namespace BoardDesk.Recommendations;

/// <summary>A dated note on a recommendation's progress.</summary>
/// <param name="On">The date the update describes.</param>
/// <param name="Note">What happened.</param>
/// <param name="Author">Who wrote it.</param>
/// <param name="Status">The implementation status after it.</param>
/// <param name="Rag">The RAG rating after it, if rated.</param>
/// <param name="Percent">The progress percentage after it.</param>
[GenerateSerializer, Immutable, Alias("BoardDesk.Recommendations.ProgressUpdate")]
public sealed record ProgressUpdate(DateOnly On, string Note, string Author, ImplementationStatus Status, RagRating? Rag, int Percent);

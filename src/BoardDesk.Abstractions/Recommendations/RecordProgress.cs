namespace BoardDesk.Recommendations;

/// <summary>Adds a dated progress update; status, RAG and percentage change only where given.</summary>
/// <param name="On">The date the update describes.</param>
/// <param name="Note">What happened.</param>
/// <param name="Status">The new implementation status, if it changed.</param>
/// <param name="Rag">The new RAG rating, if it changed.</param>
/// <param name="Percent">The new progress percentage, 0 to 100, if it changed.</param>
[GenerateSerializer, Immutable, Alias("BoardDesk.Recommendations.RecordProgress")]
public sealed record RecordProgress(DateOnly On, string Note, ImplementationStatus? Status = null, RagRating? Rag = null, int? Percent = null);

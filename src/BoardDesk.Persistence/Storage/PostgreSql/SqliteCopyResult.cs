namespace BoardDesk.Persistence.Storage.PostgreSql;

/// <summary>What <see cref="SqliteCopy"/> copied.</summary>
/// <param name="Events">Journal entries.</param>
/// <param name="Journals">Journals (signed heads).</param>
/// <param name="Documents">Read-model documents.</param>
/// <param name="Reminders">Orleans reminders.</param>
public sealed record SqliteCopyResult(long Events, long Journals, long Documents, long Reminders);

namespace BoardDesk.Actions;

/// <summary>A page of the action log.</summary>
/// <param name="Entries">The rows, by due date then id.</param>
/// <param name="Total">How many matched.</param>
/// <param name="Page">The page, from 1.</param>
/// <param name="PageSize">Rows per page.</param>
[GenerateSerializer, Immutable, Alias("BoardDesk.Actions.ActionLogPage")]
public sealed record ActionLogPage(IReadOnlyList<ActionLogEntry> Entries, int Total, int Page, int PageSize);

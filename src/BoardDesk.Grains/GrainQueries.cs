using BoardDesk.Grains;
using BoardDesk.Persistence;

namespace BoardDesk;

/// <summary>Small questions grains ask of their journals and of each other.</summary>
public static class GrainQueries
{
    /// <summary>A journal as the history callers see: which change, when, by whom.</summary>
    public static IReadOnlyList<RecordedChange> ToRecordedChanges(this IEnumerable<JournalEntry> journal) =>
        journal.Select(e => new RecordedChange(e.Sequence, e.Type, e.RecordedAt, e.User)).ToList();

    /// <summary>True when the get succeeds, false when it answers <see cref="NotFoundException"/>.</summary>
    public static async Task<bool> ExistsAsync(Func<Task> get)
    {
        try
        {
            await get();
            return true;
        }
        catch (NotFoundException)
        {
            return false;
        }
    }
}

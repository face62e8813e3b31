using System.Data.Common;
using System.Globalization;

namespace BoardDesk.Persistence.Storage;

/// <summary>How every store lays out and chains journal entries, so that stores agree to the byte and copies are exact.</summary>
internal static class JournalRows
{
    /// <summary>The stored form of an entry's time: round-trip text in UTC.</summary>
    public static string FormatTime(DateTimeOffset time) => time.UtcDateTime.ToString("O", CultureInfo.InvariantCulture);

    /// <summary>An entry's time from its stored form.</summary>
    public static DateTimeOffset ParseTime(string text) =>
        new(DateTime.ParseExact(text, "O", CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind), TimeSpan.Zero);

    /// <summary>The entry in the columns seq, type, payload, at, user, prev_hash, hash from <paramref name="offset"/> on.</summary>
    public static StoredEvent ReadEvent(DbDataReader reader, int offset) => new(
        reader.GetInt64(offset),
        reader.GetString(offset + 1),
        reader.GetString(offset + 2),
        ParseTime(reader.GetString(offset + 3)),
        reader.GetString(offset + 4),
        (byte[])reader.GetValue(offset + 5),
        (byte[])reader.GetValue(offset + 6));

    /// <summary>The entries <paramref name="commit"/>'s events become when its journal ends at (<paramref name="lastSequence"/>, <paramref name="lastHash"/>).</summary>
    public static List<StoredEvent> Chain(JournalCommit commit, long lastSequence, byte[] lastHash)
    {
        var stored = new List<StoredEvent>(commit.Events.Count);
        foreach (var e in commit.Events)
        {
            var next = EventHasher.Hash(lastHash, commit.Grain, ++lastSequence, e.Type, e.Payload, e.RecordedAt, e.User);
            stored.Add(new StoredEvent(lastSequence, e.Type, e.Payload, e.RecordedAt, e.User, lastHash, next));
            lastHash = next;
        }

        return stored;
    }
}

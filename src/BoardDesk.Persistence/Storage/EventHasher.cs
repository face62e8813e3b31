using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using BoardDesk.Grains;

namespace BoardDesk.Persistence.Storage;

/// <summary>
/// The journal's hash chain: each entry's hash is SHA-256 over the previous entry's hash and the entry's
/// canonical bytes (grain id, sequence, type, payload, time and user, each length-prefixed so that no two
/// different entries share bytes). The first entry's previous hash is 32 zero bytes.
/// </summary>
public static class EventHasher
{
    /// <summary>The previous hash of a journal's first entry.</summary>
    public static byte[] Genesis { get; } = new byte[32];

    /// <summary>Computes an entry's hash from the previous hash and its fields.</summary>
    public static byte[] Hash(byte[] previousHash, JournalId grain, long sequence, string type, string payload, DateTimeOffset recordedAt, string user)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(previousHash);
        AppendText(hash, grain.ToString());
        Span<byte> number = stackalloc byte[8];
        BinaryPrimitives.WriteInt64BigEndian(number, sequence);
        hash.AppendData(number);
        AppendText(hash, type);
        AppendText(hash, payload);
        BinaryPrimitives.WriteInt64BigEndian(number, recordedAt.UtcTicks);
        hash.AppendData(number);
        AppendText(hash, user);
        return hash.GetHashAndReset();
    }

    /// <summary>Checks one grain's entries, in order, and returns the first break or null when the chain holds.</summary>
    public static ChainBreak? FindBreak(JournalId grain, IEnumerable<StoredEvent> events)
    {
        var expectedSequence = 1L;
        var previous = Genesis;
        foreach (var e in events)
        {
            if (e.Sequence != expectedSequence)
            {
                return new ChainBreak(grain, expectedSequence, e.Sequence > expectedSequence
                    ? $"entry {expectedSequence} is missing (the next entry is {e.Sequence})"
                    : $"entry {e.Sequence} is out of order");
            }

            if (!e.PreviousHash.AsSpan().SequenceEqual(previous))
            {
                return new ChainBreak(grain, e.Sequence, "its link to the previous entry does not match (an entry was removed, reordered or replaced)");
            }

            var recomputed = Hash(previous, grain, e.Sequence, e.Type, e.Payload, e.RecordedAt, e.User);
            if (!recomputed.AsSpan().SequenceEqual(e.Hash))
            {
                return new ChainBreak(grain, e.Sequence, "its content does not match its hash (the entry was altered)");
            }

            previous = e.Hash;
            expectedSequence++;
        }

        return null;
    }

    private static void AppendText(IncrementalHash hash, string text)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        Span<byte> length = stackalloc byte[4];
        BinaryPrimitives.WriteInt32BigEndian(length, bytes.Length);
        hash.AppendData(length);
        hash.AppendData(bytes);
    }
}

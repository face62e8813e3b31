using System.Security.Cryptography;
using BoardDesk.Grains;

namespace BoardDesk.Persistence.Storage;

/// <summary>
/// Checks journals against their signed checkpoints, for any store. Each journal's head (last sequence and hash) is
/// checkpointed in the commit that moves it, signed with the <see cref="JournalKey"/>; the store's checkpoint signs how
/// many journals there are and the XOR of every head's signature. Without the key nobody can sign a head, so cutting a
/// journal short, rewriting its chain (however consistently the hashes are recomputed) or removing it together with its
/// checkpoint leaves a head, or the store's checkpoint, that no longer matches its signature.
/// </summary>
public static class JournalCheckpoints
{
    /// <summary>The grain id under which a break of the store's own checkpoint is reported.</summary>
    public static JournalId Store { get; } = new("store", "checkpoint");

    /// <summary>The XOR of two 32-byte values, as a new array.</summary>
    public static byte[] Combine(byte[] combined, byte[] signature)
    {
        var result = (byte[])combined.Clone();
        for (var i = 0; i < result.Length; i++)
        {
            result[i] ^= signature[i];
        }

        return result;
    }

    /// <summary>
    /// Why a journal whose entries end at (<paramref name="sequence"/>, <paramref name="hash"/>) does not match its
    /// checkpoint; null when it does. A journal with no entries and no checkpoint is a grain never written.
    /// </summary>
    public static ChainBreak? Compare(JournalKey key, JournalId grain, long sequence, byte[]? hash, StoredHead? head)
    {
        if (head is null)
        {
            return sequence == 0 ? null : new ChainBreak(grain, 1, "the journal has no signed checkpoint (it was written outside BoardDesk)");
        }

        if (!CryptographicOperations.FixedTimeEquals(key.SignHead(grain.ToString(), head.Sequence, head.Hash), head.Signature))
        {
            return new ChainBreak(grain, head.Sequence, "its checkpoint's signature does not match (the checkpoint was altered)");
        }

        if (sequence == 0)
        {
            return new ChainBreak(grain, 1, $"the whole journal was removed (its signed checkpoint records {head.Sequence} entries)");
        }

        if (sequence < head.Sequence)
        {
            return new ChainBreak(grain, sequence + 1, sequence + 1 == head.Sequence
                ? $"entry {head.Sequence} was removed (its signed checkpoint records {head.Sequence} entries, {sequence} are left)"
                : $"entries {sequence + 1} to {head.Sequence} were removed (its signed checkpoint records {head.Sequence} entries, {sequence} are left)");
        }

        if (sequence > head.Sequence)
        {
            return new ChainBreak(grain, head.Sequence + 1, $"entries after {head.Sequence}, the last its signed checkpoint records, were added outside BoardDesk");
        }

        return hash is not null && CryptographicOperations.FixedTimeEquals(hash, head.Hash)
            ? null
            : new ChainBreak(grain, sequence, "the chain was rewritten: its last entry is not the one its signed checkpoint records");
    }

    /// <summary>
    /// Compares every journal's end (<paramref name="walk"/>) with its signed head, and all of them with the store's
    /// signed checkpoint (<paramref name="journals"/>, <paramref name="combined"/>, <paramref name="signature"/>), adding
    /// to the walk's breaks: names a journal cut short, removed, rewritten or added outside BoardDesk, and reports a
    /// journal removed together with its head through the store's checkpoint.
    /// </summary>
    internal static void CheckStore(JournalKey key, ChainWalk walk, IReadOnlyDictionary<string, StoredHead> heads, long journals, byte[] combined, byte[]? signature)
    {
        var breaks = walk.Breaks;
        var brokenChains = breaks.Select(b => b.Grain.ToString()).ToHashSet(StringComparer.Ordinal);
        var named = breaks.Count;
        var found = new byte[32];
        foreach (var (grain, (sequence, hash)) in walk.Ends)
        {
            found = Combine(found, key.SignHead(grain, sequence, hash));
            if (Compare(key, JournalId.Parse(grain), sequence, hash, heads.GetValueOrDefault(grain)) is { } broken)
            {
                breaks.Add(broken);
            }
        }

        foreach (var (grain, head) in heads.Where(h => !walk.Ends.ContainsKey(h.Key) && !brokenChains.Contains(h.Key)))
        {
            breaks.Add(Compare(key, JournalId.Parse(grain), 0, null, head)!);
        }

        var signed = signature is not null && CryptographicOperations.FixedTimeEquals(key.SignCheckpoint(journals, combined), signature);
        var matches = brokenChains.Count > 0 || (journals == walk.Ends.Count && CryptographicOperations.FixedTimeEquals(combined, found));
        if (!signed)
        {
            breaks.Add(new ChainBreak(Store, 0, "the store's checkpoint is missing or its signature does not match (it was altered)"));
        }
        else if (!matches && breaks.Count == named)
        {
            breaks.Add(new ChainBreak(Store, 0,
                $"the journals do not match the store's signed checkpoint ({journals} journals signed, {walk.Ends.Count + brokenChains.Count} found): a journal was removed or replaced together with its checkpoint"));
        }
    }

    /// <summary>
    /// Checks one journal as it is loaded: its entries after the snapshot chain from it, and its head matches the
    /// signed checkpoint; <see cref="JournalIntegrityException"/> otherwise, so that no forged state is served.
    /// </summary>
    public static void VerifyLoad(JournalKey key, JournalId grain, JournalLoad load, StoredHead? head)
    {
        var (sequence, hash) = load.Snapshot is { } snapshot ? (snapshot.Sequence, snapshot.Hash) : (0L, EventHasher.Genesis);
        foreach (var e in load.Events)
        {
            if (e.Sequence != sequence + 1)
            {
                throw new JournalIntegrityException(grain, $"entry {sequence + 1} is missing");
            }

            if (!e.PreviousHash.AsSpan().SequenceEqual(hash)
                || !EventHasher.Hash(hash, grain, e.Sequence, e.Type, e.Payload, e.RecordedAt, e.User).AsSpan().SequenceEqual(e.Hash))
            {
                throw new JournalIntegrityException(grain, $"entry {e.Sequence} does not match its hash or its link to the previous entry");
            }

            (sequence, hash) = (e.Sequence, e.Hash);
        }

        if (Compare(key, grain, sequence, sequence == 0 ? null : hash, head) is { } broken)
        {
            throw new JournalIntegrityException(grain, broken.Reason);
        }
    }
}

/// <summary>A journal's signed checkpoint: its last sequence and hash when it was last written, and their signature.</summary>
public sealed record StoredHead(long Sequence, byte[] Hash, byte[] Signature);

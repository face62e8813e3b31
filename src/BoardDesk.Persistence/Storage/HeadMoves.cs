namespace BoardDesk.Persistence.Storage;

/// <summary>
/// The journals a batch moved, from where each stood before the batch to where it ends after it: what the batch's
/// signed heads and the store's new checkpoint are made of.
/// </summary>
internal sealed class HeadMoves
{
    private readonly Dictionary<string, (long FromSequence, byte[] FromHash, long Sequence, byte[] Hash)> _moved = new(StringComparer.Ordinal);

    /// <summary>How many journals moved.</summary>
    public int Count => _moved.Count;

    /// <summary>Records a written turn of <paramref name="grain"/>.</summary>
    public void Record(string grain, CommitResult result)
    {
        if (result.Events.Count == 0)
        {
            return;
        }

        var (first, last) = (result.Events[0], result.Events[^1]);
        Record(grain, first.Sequence - 1, first.PreviousHash, last.Sequence, last.Hash);
    }

    /// <summary>Records that <paramref name="grain"/>'s journal moved from (<paramref name="fromSequence"/>, <paramref name="fromHash"/>) to (<paramref name="sequence"/>, <paramref name="hash"/>).</summary>
    public void Record(string grain, long fromSequence, byte[] fromHash, long sequence, byte[] hash)
    {
        var from = _moved.TryGetValue(grain, out var earlier) ? (earlier.FromSequence, earlier.FromHash) : (fromSequence, fromHash);
        _moved[grain] = (from.Item1, from.Item2, sequence, hash);
    }

    /// <summary>
    /// The store's checkpoint after the batch, from its checkpoint before (<paramref name="journals"/>,
    /// <paramref name="combined"/>): a new journal counts one more, a moved one swaps its old signed head for the new
    /// in the XOR. With each moved journal's new signed head.
    /// </summary>
    public (long Journals, byte[] Combined, List<(string Grain, long Sequence, byte[] Hash, byte[] Signature)> Heads) Sign(JournalKey key, long journals, byte[] combined)
    {
        var heads = new List<(string Grain, long Sequence, byte[] Hash, byte[] Signature)>(_moved.Count);
        foreach (var (grain, head) in _moved)
        {
            if (head.FromSequence == 0)
            {
                journals++;
            }
            else
            {
                combined = JournalCheckpoints.Combine(combined, key.SignHead(grain, head.FromSequence, head.FromHash));
            }

            var signature = key.SignHead(grain, head.Sequence, head.Hash);
            combined = JournalCheckpoints.Combine(combined, signature);
            heads.Add((grain, head.Sequence, head.Hash, signature));
        }

        return (journals, combined, heads);
    }
}

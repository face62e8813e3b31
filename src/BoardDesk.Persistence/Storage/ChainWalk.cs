using BoardDesk.Grains;

namespace BoardDesk.Persistence.Storage;

/// <summary>
/// Checks every journal's hash chain while a store reads its entries ordered by grain and sequence: the first break
/// of each broken journal, and where each intact one ends (for the checkpoint checks of
/// <see cref="JournalCheckpoints.CheckStore"/>).
/// </summary>
internal sealed class ChainWalk
{
    private readonly List<StoredEvent> _chain = [];
    private string? _current;

    /// <summary>The first break of each broken journal.</summary>
    public List<ChainBreak> Breaks { get; } = [];

    /// <summary>Where each intact journal ends.</summary>
    public Dictionary<string, (long Sequence, byte[] Hash)> Ends { get; } = new(StringComparer.Ordinal);

    /// <summary>How many journals were read.</summary>
    public long Journals { get; private set; }

    /// <summary>How many entries were read.</summary>
    public long Events { get; private set; }

    /// <summary>Takes the next entry, of <paramref name="grain"/>.</summary>
    public void Add(string grain, StoredEvent entry)
    {
        if (grain != _current)
        {
            Finish();
            _current = grain;
            Journals++;
        }

        _chain.Add(entry);
        Events++;
    }

    /// <summary>Checks the journal being read; call once after the last entry.</summary>
    public void Finish()
    {
        if (_current is not null && EventHasher.FindBreak(JournalId.Parse(_current), _chain) is { } found)
        {
            Breaks.Add(found);
        }
        else if (_current is not null)
        {
            Ends[_current] = (_chain[^1].Sequence, _chain[^1].Hash);
        }

        _chain.Clear();
        _current = null;
    }
}

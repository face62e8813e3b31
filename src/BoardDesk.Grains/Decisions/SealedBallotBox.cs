using System.Collections.Concurrent;

namespace BoardDesk.Decisions;

/// <summary>
/// The choices of open secret ballots, held in this process's memory only and never written anywhere. The decision's
/// journal keeps the voter roll (that a holder voted); this box keeps what each holder chose so that a changed vote
/// can replace the earlier one; at close only the counts are stored, in one event. Any per-ballot write of a choice
/// would carry a commit time and a journal position that line up with the roll's, which would join voter and choice;
/// keeping choices out of storage until they are counted is what makes the stored rows unjoinable. The price: a
/// restart before close loses the sealed choices (the roll still shows who voted; those ballots are counted as lost,
/// and the holders may vote again before close).
/// </summary>
public sealed class SealedBallotBox
{
    private readonly ConcurrentDictionary<string, ConcurrentDictionary<string, VoteChoice>> _boxes = new(StringComparer.Ordinal);

    /// <summary>Seals a holder's choice, replacing any earlier one.</summary>
    public void Seal(string decisionId, string unit, VoteChoice choice) =>
        _boxes.GetOrAdd(decisionId, _ => new ConcurrentDictionary<string, VoteChoice>(StringComparer.Ordinal))[unit] = choice;

    /// <summary>The choices of the holders on the roll that this process still holds, and how many were lost.</summary>
    public (VoteCount Count, int Lost) Count(string decisionId, IEnumerable<string> roll)
    {
        _boxes.TryGetValue(decisionId, out var box);
        int votesFor = 0, against = 0, abstain = 0, lost = 0;
        foreach (var unit in roll)
        {
            if (box is null || !box.TryGetValue(unit, out var choice))
            {
                lost++;
                continue;
            }

            _ = choice switch
            {
                VoteChoice.For => votesFor++,
                VoteChoice.Against => against++,
                _ => abstain++,
            };
        }

        return (new VoteCount(votesFor, against, abstain), lost);
    }

    /// <summary>Empties a decision's box once its counts are stored.</summary>
    public void Discard(string decisionId) => _boxes.TryRemove(decisionId, out _);
}

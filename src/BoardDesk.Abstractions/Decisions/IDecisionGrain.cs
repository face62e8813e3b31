using BoardDesk.Grains;

namespace BoardDesk.Decisions;

/// <summary>
/// One decision of a board, keyed by its id (<c>ldib-2015-10-23-1</c>): the motion, its vote and outcome, and the
/// effects it carries to the grains it is about.
/// </summary>
[Alias("BoardDesk.Decisions.IDecisionGrain")]
public interface IDecisionGrain : IGrainWithStringKey
{
    /// <summary>Proposes the decision to a board; refused when the id is used already.</summary>
    [Alias("ProposeAsync")]
    Task<DecisionDetails> ProposeAsync(string boardId, ProposeDecision command);

    /// <summary>Opens voting: fixes who may vote, recuses those with a declared interest, and checks the quorum.</summary>
    [Alias("OpenAsync")]
    Task<DecisionDetails> OpenAsync();

    /// <summary>Casts the ballot of the voter's unit; a named ballot may be replaced, a secret one is final.</summary>
    [Alias("CastBallotAsync")]
    Task<DecisionDetails> CastBallotAsync(CastBallot ballot);

    /// <summary>Closes voting, computes the immutable outcome and, if carried, applies the effects exactly once.</summary>
    [Alias("CloseAsync")]
    Task<DecisionDetails> CloseAsync(CloseVoting command);

    /// <summary>The decision; <see cref="NotFoundException"/> when it does not exist.</summary>
    [Alias("GetAsync")]
    Task<DecisionDetails> GetAsync();

    /// <summary>Every change the decision has had, oldest first.</summary>
    [Alias("GetHistoryAsync")]
    Task<IReadOnlyList<RecordedChange>> GetHistoryAsync();
}

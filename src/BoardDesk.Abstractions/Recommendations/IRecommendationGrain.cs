using BoardDesk.Grains;

namespace BoardDesk.Recommendations;

/// <summary>One recommendation of a review, keyed <c>review/number</c> (<c>smith-2015/9</c>).</summary>
[Alias("BoardDesk.Recommendations.IRecommendationGrain")]
public interface IRecommendationGrain : IGrainWithStringKey
{
    /// <summary>Records the recommendation; its review must exist; refused when it exists already.</summary>
    [Alias("CreateAsync")]
    Task<RecommendationDetails> CreateAsync(CreateRecommendation command);

    /// <summary>Throws the domain exception that <see cref="CreateAsync"/> would throw for this command now; changes nothing.</summary>
    [Alias("CheckCreateAsync")]
    Task CheckCreateAsync(CreateRecommendation command);

    /// <summary>Creates the recommendation as one effect of an import; an effect id applied already is ignored.</summary>
    [Alias("ImportAsync")]
    Task<RecommendationDetails> ImportAsync(string effectId, CreateRecommendation command);

    /// <summary>Records the government's response.</summary>
    [Alias("RecordResponseAsync")]
    Task<RecommendationDetails> RecordResponseAsync(RecordResponse command);

    /// <summary>Sets the owners from a date; every owner must be an existing organisation.</summary>
    [Alias("AssignOwnersAsync")]
    Task<RecommendationDetails> AssignOwnersAsync(AssignOwners command);

    /// <summary>Adds a dated progress update written by the acting user.</summary>
    [Alias("RecordProgressAsync")]
    Task<RecommendationDetails> RecordProgressAsync(RecordProgress command);

    /// <summary>Links this recommendation and a related one in another review, both ways.</summary>
    [Alias("LinkAsync")]
    Task<RecommendationDetails> LinkAsync(string relatedId);

    /// <summary>Records the other side of a link made by <see cref="LinkAsync"/>.</summary>
    [Alias("AcceptLinkAsync")]
    Task AcceptLinkAsync(string relatedId);

    /// <summary>The recommendation; <see cref="NotFoundException"/> when it does not exist.</summary>
    [Alias("GetAsync")]
    Task<RecommendationDetails> GetAsync();

    /// <summary>The owner assignment in force on a date, folded from the journal; null when none was.</summary>
    [Alias("GetOwnersOnAsync")]
    Task<OwnerAssignment?> GetOwnersOnAsync(DateOnly date);

    /// <summary>Lists every change the recommendation has had, from its journal.</summary>
    [Alias("GetHistoryAsync")]
    Task<IReadOnlyList<RecordedChange>> GetHistoryAsync();

    /// <summary>Applies one effect of a carried decision (response, owner or status); an effect id applied already is ignored.</summary>
    [Alias("ApplyDecisionAsync")]
    Task<RecommendationDetails> ApplyDecisionAsync(string decisionId, BoardDesk.Decisions.DecisionEffect effect);
}

using BoardDesk.Grains;
using BoardDesk.Operations;
using BoardDesk.Reviews;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace BoardDesk.Recommendations;

/// <summary>An all-or-nothing import of a review's recommendations; see <see cref="IRecommendationImportGrain"/>.</summary>
[GrainType("recommendation-import")]
public sealed class RecommendationImportGrain(IOptions<OperationOptions> options, ILogger<RecommendationImportGrain> logger)
    : OperationGrain<RecommendationImportState, RecommendationImportEvent, RecommendationImportEffect>(options, logger), IRecommendationImportGrain
{
    /// <summary>The most rows one import takes.</summary>
    public const int MaxRows = 10_000;

    /// <inheritdoc />
    protected override OperationProgress<RecommendationImportEffect> Progress => State.Progress;

    /// <inheritdoc />
    public async Task<RecommendationImportDetails> ImportAsync(string reviewId, IReadOnlyList<RecommendationImportRow> rows)
    {
        if (State.Progress.Planned)
        {
            throw new ConflictException($"The import '{Key}' has been made already.");
        }

        await GrainFactory.GetGrain<IReviewGrain>(reviewId).GetAsync();
        if (rows.Count is 0 or > MaxRows)
        {
            throw new ValidationException("file", $"An import holds 1 to {MaxRows} recommendations.");
        }

        var errors = new Dictionary<string, string[]>();
        var numbers = new HashSet<int>();
        foreach (var row in rows)
        {
            if (!numbers.Add(row.Number))
            {
                errors[$"row {row.Row}"] = [$"Recommendation {row.Number} appears twice in the file."];
                continue;
            }

            try
            {
                await GrainFactory.GetGrain<IRecommendationGrain>($"{reviewId}/{row.Number}").CheckCreateAsync(row.Recommendation);
            }
            catch (DomainException refused)
            {
                errors[$"row {row.Row}"] = [refused is ValidationException invalid ? string.Join(" ", invalid.Errors.Select(e => $"{e.Key}: {string.Join(" ", e.Value)}")) : refused.Message];
            }
        }

        if (errors.Count > 0)
        {
            throw new ValidationException(errors);
        }

        var effects = rows.Select((row, i) => new RecommendationImportEffect($"{Key}/{i + 1}", $"{reviewId}/{row.Number}", row.Recommendation)).ToList();
        await RunAsync(new RecommendationImportPlanned(reviewId, effects));
        return Details();
    }

    /// <inheritdoc />
    public Task<RecommendationImportDetails> GetAsync() => State.Progress.Planned
        ? Task.FromResult(Details())
        : throw new NotFoundException($"There is no import '{Key}'.");

    /// <inheritdoc />
    protected override RecommendationImportEvent EffectApplied(string effectId) => new RecommendationImportEffectApplied(effectId);

    /// <inheritdoc />
    protected override RecommendationImportEvent EffectFailed(OperationFailure failure) => new RecommendationImportEffectFailed(failure);

    /// <inheritdoc />
    protected override RecommendationImportEvent Completed(DateTimeOffset at) => new RecommendationImportCompleted(at);

    /// <inheritdoc />
    protected override Task ApplyEffectAsync(RecommendationImportEffect effect) =>
        GrainFactory.GetGrain<IRecommendationGrain>(effect.RecommendationId).ImportAsync(effect.EffectId, effect.Recommendation);

    private RecommendationImportDetails Details() =>
        new(Key, State.ReviewId, [.. State.Progress.Effects.Select(e => e.RecommendationId)], State.Progress.Completed)
        {
            Progress = State.Progress.Describe(),
            LastFailure = State.Progress.LastFailure,
        };
}

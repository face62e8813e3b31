using System.Collections.Concurrent;
using System.Text.Json.Serialization;
using BoardDesk.Grains;
using BoardDesk.Recommendations;
using BoardDesk.Persistence;

namespace BoardDesk.Server.Infrastructure;

/// <summary>
/// Runs recommendation imports in the background for the import page and reports how far each has gone. The import
/// itself is the import grain's operation (checked whole, then recorded exactly once, resumed after a restart); this
/// service only starts it without holding the request open and counts the recommendations that have appeared in the
/// register. An import this process did not start (or started before a restart) is answered from its grain.
/// </summary>
public sealed class RecommendationImports(IGrainFactory grains, IReadModels readModels, [FromKeyedServices(BoardDeskClock.Key)] TimeProvider time, ILogger<RecommendationImports> logger)
{
    private static readonly TimeSpan KeepFinished = TimeSpan.FromHours(1);

    private readonly ConcurrentDictionary<string, Run> _runs = new(StringComparer.Ordinal);

    /// <summary>Starts importing <paramref name="rows"/> into the review and answers the import's id at once.</summary>
    public string Start(string reviewId, IReadOnlyList<RecommendationImportRow> rows)
    {
        Forget();
        var importId = Guid.NewGuid().ToString("N");
        var run = new Run(reviewId, [.. rows.Select(r => $"{reviewId}/{r.Number}")]);
        _runs[importId] = run;
        run.Task = Task.Run(async () =>
        {
            try
            {
                if (!(await grains.GetGrain<IRecommendationImportGrain>(importId).ImportAsync(reviewId, rows)).Completed)
                {
                    // Recorded, but retrying after a failure or stopped: from now on the grain answers how far it has got.
                    _runs.TryRemove(importId, out _);
                }
            }
            catch (ValidationException invalid)
            {
                run.Errors = invalid.Errors;
            }
            catch (DomainException refused)
            {
                run.Errors = new Dictionary<string, string[]> { ["file"] = [refused.Message] };
            }
            catch (Exception failed)
            {
                logger.LogError(failed, "Recommendation import {Import} into {Review} failed", importId, reviewId);
                run.Errors = new Dictionary<string, string[]> { ["file"] = ["The import stopped on an unexpected error; what was recorded stays recorded and the rest is resumed automatically."] };
            }
            finally
            {
                run.FinishedAt = time.GetUtcNow();
            }
        });
        return importId;
    }

    /// <summary>How far an import has gone; a <see cref="NotFoundException"/> when there is no such import for the review.</summary>
    public async Task<RecommendationImportProgress> ProgressAsync(string reviewId, string importId, CancellationToken cancellationToken = default)
    {
        if (_runs.TryGetValue(importId, out var run) && run.ReviewId == reviewId)
        {
            var recorded = await CountRecordedAsync(run.RecommendationIds, cancellationToken);

            var phase = run switch
            {
                { Errors: not null } => ImportPhase.Refused,
                { FinishedAt: not null } => ImportPhase.Completed,
                _ when recorded == 0 => ImportPhase.Checking,
                _ => ImportPhase.Recording,
            };
            return new RecommendationImportProgress(importId, reviewId, phase, run.RecommendationIds.Count, phase == ImportPhase.Refused ? 0 : recorded, run.Errors);
        }

        if (!Guid.TryParseExact(importId, "N", out _))
        {
            throw new NotFoundException($"There is no import '{importId}'.");
        }

        var details = await grains.GetGrain<IRecommendationImportGrain>(importId).GetAsync();
        if (details.ReviewId != reviewId)
        {
            throw new NotFoundException($"There is no import '{importId}'.");
        }

        var done = await CountRecordedAsync(details.RecommendationIds, cancellationToken);

        return details switch
        {
            { Completed: true } => new RecommendationImportProgress(importId, reviewId, ImportPhase.Completed, details.RecommendationIds.Count, done, null),
            { LastFailure: { NextAttemptAt: null } } => new RecommendationImportProgress(importId, reviewId, ImportPhase.Stopped, details.RecommendationIds.Count, done,
                new Dictionary<string, string[]> { ["file"] = [details.Progress] }),
            _ => new RecommendationImportProgress(importId, reviewId, ImportPhase.Recording, details.RecommendationIds.Count, done, null),
        };
    }

    /// <summary>How many of <paramref name="recommendationIds"/> are in the register already.</summary>
    private async Task<int> CountRecordedAsync(IEnumerable<string> recommendationIds, CancellationToken cancellationToken)
    {
        var recorded = 0;
        foreach (var id in recommendationIds)
        {
            if (await readModels.FindAsync<RecommendationDetails>(id, cancellationToken) is not null)
            {
                recorded++;
            }
        }

        return recorded;
    }

    /// <summary>Drops the runs that finished more than an hour ago; their grains still answer.</summary>
    private void Forget()
    {
        var before = time.GetUtcNow() - KeepFinished;
        foreach (var (id, run) in _runs)
        {
            if (run.FinishedAt < before)
            {
                _runs.TryRemove(id, out _);
            }
        }
    }

    private sealed class Run(string reviewId, IReadOnlyList<string> recommendationIds)
    {
        public string ReviewId { get; } = reviewId;

        public IReadOnlyList<string> RecommendationIds { get; } = recommendationIds;

        public Task? Task { get; set; }

        public IReadOnlyDictionary<string, string[]>? Errors { get; set; }

        public DateTimeOffset? FinishedAt { get; set; }
    }
}

/// <summary>Where an import has got to.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<ImportPhase>))]
public enum ImportPhase
{
    /// <summary>Every row is being checked; nothing is recorded until all pass.</summary>
    Checking,

    /// <summary>The rows passed and the recommendations are being recorded.</summary>
    Recording,

    /// <summary>Every recommendation is recorded.</summary>
    Completed,

    /// <summary>At least one row was refused, so nothing was recorded.</summary>
    Refused,

    /// <summary>The rows passed, but recording one was refused later, so the import stopped; what was recorded stays.</summary>
    Stopped,
}

/// <summary>An import's progress: <paramref name="Recorded"/> of <paramref name="Total"/> recommendations, or the rows refused.</summary>
/// <param name="ImportId">The import.</param>
/// <param name="ReviewId">The review imported into.</param>
/// <param name="Phase">Where it has got to.</param>
/// <param name="Total">Recommendations in the file.</param>
/// <param name="Recorded">Recommendations recorded so far.</param>
/// <param name="Errors">The refused rows and why, when <paramref name="Phase"/> is <see cref="ImportPhase.Refused"/>.</param>
public sealed record RecommendationImportProgress(string ImportId, string ReviewId, ImportPhase Phase, int Total, int Recorded, IReadOnlyDictionary<string, string[]>? Errors);

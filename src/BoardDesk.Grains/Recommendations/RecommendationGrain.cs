using System.Text.RegularExpressions;
using BoardDesk.Decisions;
using BoardDesk.Grains;
using BoardDesk.Organisations;
using BoardDesk.Reviews;
using BoardDesk.Persistence;

namespace BoardDesk.Recommendations;

/// <summary>
/// One recommendation of a review, keyed <c>review/number</c>: its text, the government's response, its owners over
/// time, its progress and its links to related recommendations. It publishes a <see cref="RecommendationDetails"/>
/// document that the register queries.
/// </summary>
[GrainType("recommendation")]
public sealed partial class RecommendationGrain : JournaledGrain<RecommendationState, RecommendationEvent>, IRecommendationGrain
{
    /// <summary>The longest text, rationale or progress note accepted.</summary>
    public const int MaxTextLength = 4000;

    /// <summary>The longest heading accepted.</summary>
    public const int MaxHeadingLength = 200;

    /// <inheritdoc />
    protected override object? ReadModel => State.Exists ? Project(Key, State, Version) : null;

    /// <summary>
    /// The register document for a state: what <see cref="ReadModel"/> publishes. Rebuilding the register means
    /// folding each recommendation's journal and projecting it through this, which gives the same document.
    /// </summary>
    public static RecommendationDetails Project(string key, RecommendationState state, long version)
    {
        var current = state.CurrentOwners;
        return new RecommendationDetails
        {
            Id = key,
            ReviewId = state.ReviewId,
            Number = state.Number,
            Text = state.Text,
            Heading = state.Heading,
            Response = state.Response,
            ResponseRationale = state.ResponseRationale,
            LeadOwner = current?.Lead,
            OwnersSince = current?.EffectiveOn,
            SupportingOwners = current?.Supporting ?? [],
            OriginalLeadOwner = state.OwnerHistory.Select(a => a.Lead).FirstOrDefault(l => l is not null),
            OwnerHistory = state.OwnerHistory,
            Status = state.Status,
            Rag = state.Rag,
            ProgressPercent = state.ProgressPercent,
            ProgressUpdates = state.ProgressUpdates,
            Related = state.Related,
            Version = version,
        };
    }

    /// <inheritdoc />
    public async Task<RecommendationDetails> CreateAsync(CreateRecommendation command)
    {
        await RaiseCreatedAsync(command, effectId: null);
        return Project(Key, State, Version);
    }

    /// <inheritdoc />
    public async Task CheckCreateAsync(CreateRecommendation command) => await ValidCreationAsync(command);

    /// <inheritdoc />
    public async Task<RecommendationDetails> ImportAsync(string effectId, CreateRecommendation command)
    {
        if (!State.Effects.Contains(effectId))
        {
            await RaiseCreatedAsync(command, effectId);
        }

        return Project(Key, State, Version);
    }

    /// <inheritdoc />
    public Task<RecommendationDetails> RecordResponseAsync(RecordResponse command)
    {
        EnsureExists();
        var rationale = Optional(command.Rationale, "rationale", MaxTextLength);
        if (!Enum.IsDefined(command.Response))
        {
            throw new ValidationException("response", $"'{command.Response}' is not a response.");
        }

        Raise(new RecommendationResponseRecorded(command.Response, rationale));
        return Task.FromResult(Project(Key, State, Version));
    }

    /// <inheritdoc />
    public async Task<RecommendationDetails> AssignOwnersAsync(AssignOwners command)
    {
        EnsureExists();
        var supporting = await ValidOwnersAsync(command.LeadOwner, command.SupportingOwners);
        Raise(new RecommendationOwnersAssigned(command.LeadOwner, supporting, command.EffectiveOn, BoardDesk.Grains.ActingUser.Name));
        return Project(Key, State, Version);
    }

    /// <inheritdoc />
    public Task<RecommendationDetails> RecordProgressAsync(RecordProgress command)
    {
        EnsureExists();
        var note = Optional(command.Note, "note", MaxTextLength) ?? throw new ValidationException("note", "A progress note is required.");
        ValidProgress(command.Status, command.Rag, command.Percent);
        var status = command.Status ?? State.Status;
        var percent = command.Percent ?? (status == ImplementationStatus.Complete ? 100 : State.ProgressPercent);
        if (status == ImplementationStatus.Complete && percent != 100)
        {
            throw new ValidationException("percent", "A complete recommendation is 100% done.");
        }

        Raise(new RecommendationProgressRecorded(new ProgressUpdate(command.On, note, BoardDesk.Grains.ActingUser.Name, status, command.Rag ?? State.Rag, percent)));
        return Task.FromResult(Project(Key, State, Version));
    }

    /// <inheritdoc />
    public async Task<RecommendationDetails> LinkAsync(string relatedId)
    {
        EnsureExists();
        if (string.IsNullOrWhiteSpace(relatedId) || relatedId == Key)
        {
            throw new ValidationException("relatedId", "Name another recommendation, as review/number.");
        }

        await GrainFactory.GetGrain<IRecommendationGrain>(relatedId).AcceptLinkAsync(Key);
        if (!State.Related.Contains(relatedId))
        {
            Raise(new RecommendationLinked(relatedId));
        }

        return Project(Key, State, Version);
    }

    /// <inheritdoc />
    public Task AcceptLinkAsync(string relatedId)
    {
        EnsureExists();
        if (!State.Related.Contains(relatedId))
        {
            Raise(new RecommendationLinked(relatedId));
        }

        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task<RecommendationDetails> GetAsync()
    {
        EnsureExists();
        return Task.FromResult(Project(Key, State, Version));
    }

    /// <inheritdoc />
    public async Task<OwnerAssignment?> GetOwnersOnAsync(DateOnly date)
    {
        EnsureExists();
        var journal = await ReadJournalAsync();
        return RecommendationState.OwnersOn(date, Fold(journal).OwnerHistory);
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<RecordedChange>> GetHistoryAsync()
    {
        EnsureExists();
        return (await ReadJournalAsync()).ToRecordedChanges();
    }

    /// <inheritdoc />
    public async Task<RecommendationDetails> ApplyDecisionAsync(string decisionId, DecisionEffect effect)
    {
        EnsureExists();
        if (State.Effects.Contains(effect.EffectId))
        {
            return Project(Key, State, Version);
        }

        switch (effect)
        {
            case SetRecommendationResponse response:
                Raise(new RecommendationResponseRecorded(response.Response, Optional(response.Rationale, "rationale", MaxTextLength), decisionId, effect.EffectId));
                break;
            case SetRecommendationOwner owner:
                await CheckOwnerAsync(owner.LeadOwner, "leadOwner");
                var supporting = (State.CurrentOwners?.Supporting ?? []).Where(s => s != owner.LeadOwner).ToList();
                Raise(new RecommendationOwnersAssigned(owner.LeadOwner, supporting, owner.EffectiveOn, BoardDesk.Grains.ActingUser.Name, decisionId, effect.EffectId));
                break;
            case SetRecommendationStatus status:
                ValidProgress(status.Status, null, null);
                var percent = status.Status == ImplementationStatus.Complete ? 100 : State.ProgressPercent;
                Raise(new RecommendationProgressRecorded(new ProgressUpdate(status.On, $"Status set by decision {decisionId}.", BoardDesk.Grains.ActingUser.Name, status.Status, State.Rag, percent), decisionId, effect.EffectId));
                break;
            default:
                throw new ValidationException("effect", $"A {effect.GetType().Name} is not an effect on a recommendation.");
        }

        return Project(Key, State, Version);
    }

    private async Task RaiseCreatedAsync(CreateRecommendation command, string? effectId)
    {
        var (reviewId, number, supporting) = await ValidCreationAsync(command);
        Raise(new RecommendationCreated(reviewId, number, command.Text.Trim(), Optional(command.Heading, "heading", MaxHeadingLength), command.Status, command.Rag, command.ProgressPercent, effectId));
        if (command.Response is { } response)
        {
            Raise(new RecommendationResponseRecorded(response, Optional(command.ResponseRationale, "responseRationale", MaxTextLength)));
        }

        if (command.LeadOwner is not null || supporting.Count > 0)
        {
            Raise(new RecommendationOwnersAssigned(command.LeadOwner, supporting, command.OwnersEffectiveOn ?? DateOnly.MinValue, BoardDesk.Grains.ActingUser.Name));
        }
    }

    private async Task<(string ReviewId, int Number, IReadOnlyList<OwnerRef> Supporting)> ValidCreationAsync(CreateRecommendation command)
    {
        var match = KeyPattern().Match(Key);
        if (!match.Success)
        {
            throw new ValidationException("number", "A recommendation is keyed review/number, with a number from 1 to 99999 (for example smith-2015/9).");
        }

        if (Optional(command.Text, "text", MaxTextLength) is null)
        {
            throw new ValidationException("text", "The recommendation's text is required.");
        }

        Optional(command.Heading, "heading", MaxHeadingLength);
        Optional(command.ResponseRationale, "responseRationale", MaxTextLength);
        if (command.Response is { } response && !Enum.IsDefined(response))
        {
            throw new ValidationException("response", $"'{response}' is not a response.");
        }

        ValidProgress(command.Status, command.Rag, command.ProgressPercent);
        if (State.Exists)
        {
            throw new ConflictException($"The recommendation '{Key}' exists already.");
        }

        var reviewId = match.Groups["review"].Value;
        await GrainFactory.GetGrain<IReviewGrain>(reviewId).GetAsync();
        var supporting = await ValidOwnersAsync(command.LeadOwner, command.SupportingOwners);
        return (reviewId, int.Parse(match.Groups["number"].Value, System.Globalization.CultureInfo.InvariantCulture), supporting);
    }

    private async Task<IReadOnlyList<OwnerRef>> ValidOwnersAsync(OwnerRef? lead, IReadOnlyList<OwnerRef>? supporting)
    {
        var all = supporting ?? [];
        if (lead is not null)
        {
            await CheckOwnerAsync(lead, "leadOwner");
        }

        foreach (var owner in all)
        {
            await CheckOwnerAsync(owner, "supportingOwners");
        }

        if (all.Distinct().Count() != all.Count || (lead is not null && all.Contains(lead)))
        {
            throw new ValidationException("supportingOwners", "An owner is named twice.");
        }

        return all;
    }

    private async Task CheckOwnerAsync(OwnerRef owner, string field)
    {
        if (string.IsNullOrWhiteSpace(owner.OrganisationId))
        {
            throw new ValidationException(field, "An owner is an organisation id.");
        }

        if (owner.Function is not null && Optional(owner.Function, field, OrganisationGrain.MaxNameLength) is null)
        {
            throw new ValidationException(field, "A function, when given, is named.");
        }

        OrganisationDetails organisation;
        try
        {
            organisation = await GrainFactory.GetGrain<IOrganisationGrain>(owner.OrganisationId).GetAsync();
        }
        catch (NotFoundException)
        {
            throw new ValidationException(field, $"There is no organisation '{owner.OrganisationId}'.");
        }

        // A function owns through the organisation that hosts it, or hosted it before handing it on (ownership on an
        // earlier date); one the organisation never hosted would make the owner resolve through nothing.
        if (owner.Function is { } function
            && !organisation.Functions.Any(f => OrganisationState.SameFunction(f.Name, function))
            && !organisation.Successors.Any(s => s.Function is { } moved && OrganisationState.SameFunction(moved, function)))
        {
            throw new ValidationException(field, $"'{owner.OrganisationId}' does not host a function '{function.Trim()}'.");
        }
    }

    private static void ValidProgress(ImplementationStatus? status, RagRating? rag, int? percent)
    {
        if (status is { } s && !Enum.IsDefined(s))
        {
            throw new ValidationException("status", $"'{s}' is not an implementation status.");
        }

        if (rag is { } r && !Enum.IsDefined(r))
        {
            throw new ValidationException("rag", $"'{r}' is not a RAG rating.");
        }

        if (percent is < 0 or > 100)
        {
            throw new ValidationException("progressPercent", "Progress is a percentage from 0 to 100.");
        }
    }

    private static string? Optional(string? value, string field, int maxLength)
    {
        var trimmed = value?.Trim();
        if (string.IsNullOrEmpty(trimmed))
        {
            return null;
        }

        return trimmed.Length > maxLength ? throw new ValidationException(field, $"At most {maxLength} characters.") : trimmed;
    }

    private void EnsureExists()
    {
        if (!State.Exists)
        {
            throw new NotFoundException($"There is no recommendation '{Key}'.");
        }
    }

    [GeneratedRegex("^(?<review>(?=[a-z0-9-]{1,64}/)[a-z0-9]+(-[a-z0-9]+)*)/(?<number>[1-9][0-9]{0,4})$")]
    private static partial Regex KeyPattern();
}

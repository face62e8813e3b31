using System.Text.Json;
using BoardDesk.Grains;
using BoardDesk.Operations;
using BoardDesk.Persistence;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace BoardDesk.Organisations;

/// <summary>
/// One machinery-of-government operation (rename, merge, transfer a function, cease), keyed by its operation id.
/// It checks the command against every organisation involved, records the full list of effects, then applies
/// them; see <see cref="OperationGrain{TState, TEvent, TEffect}"/> for how a crash half way is finished.
/// </summary>
[GrainType("organisation-change")]
public sealed class OrganisationChangeGrain(IOptions<OperationOptions> options, ILogger<OrganisationChangeGrain> logger)
    : OperationGrain<OrganisationChangeState, OrganisationChangeEvent, OrganisationChange>(options, logger), IOrganisationChangeGrain
{
    /// <inheritdoc />
    protected override object? ReadModel => State.Progress.Planned ? Details() : null;

    /// <inheritdoc />
    protected override OperationProgress<OrganisationChange> Progress => State.Progress;

    /// <inheritdoc />
    public async Task<OrganisationChangeDetails> RenameAsync(string organisationId, RenameOrganisation command)
    {
        if (Repeated(OrganisationChangeKind.Rename, new { organisationId, command }) is { } repeated)
        {
            return repeated;
        }

        var id = RequiredId(organisationId, "organisationId");
        var change = new NameChange { EffectId = EffectId(1), OrganisationId = id, EffectiveOn = command.EffectiveOn, Name = command.Name };
        await Organisation(id).CheckChangeAsync(change);
        return await PlanAndRunAsync(OrganisationChangeKind.Rename, command.EffectiveOn, [id], [change], new { organisationId, command });
    }

    /// <inheritdoc />
    public async Task<OrganisationChangeDetails> MergeAsync(MergeOrganisations command)
    {
        if (Repeated(OrganisationChangeKind.Merge, command) is { } repeated)
        {
            return repeated;
        }

        var targetId = RequiredId(command.TargetId, "targetId");
        var sources = (command.SourceIds ?? []).Select(s => RequiredId(s, "sourceIds")).ToList();
        if (sources.Count == 0)
        {
            throw new ValidationException("sourceIds", "Name at least one organisation that merges.");
        }

        if (sources.Distinct(StringComparer.Ordinal).Count() != sources.Count)
        {
            throw new ValidationException("sourceIds", "An organisation is named twice.");
        }

        if (sources.Contains(targetId))
        {
            throw new ValidationException("targetId", "The target cannot also be one of the organisations that merge into it.");
        }

        var target = await FindAsync(targetId);
        if (target is null && (string.IsNullOrWhiteSpace(command.TargetName) || command.TargetKind is null))
        {
            throw new ValidationException("targetName", $"There is no organisation '{targetId}'; give targetName and targetKind to create it with the merger.");
        }

        if (target is not null && (command.TargetName is not null || command.TargetKind is not null))
        {
            throw new ValidationException("targetName", $"'{targetId}' exists already; targetName and targetKind are only for a new organisation.");
        }

        if (sources.Count + (target is null ? 0 : 1) < 2)
        {
            throw new ValidationException("sourceIds", "A merger brings together at least two organisations.");
        }

        var effects = new List<OrganisationChange>();
        if (target is null)
        {
            effects.Add(new Establishment { EffectId = EffectId(1), OrganisationId = targetId, EffectiveOn = command.EffectiveOn, Name = command.TargetName!, Kind = command.TargetKind!.Value });
        }

        foreach (var sourceId in sources)
        {
            var source = await Organisation(sourceId).GetAsync();
            effects.Add(new PredecessorAbsorption
            {
                EffectId = EffectId(effects.Count + 1),
                OrganisationId = targetId,
                EffectiveOn = command.EffectiveOn,
                PredecessorId = sourceId,
                Reason = LineageReason.Merger,
                Functions = [.. source.Functions.Select(f => f.Name)],
            });
            effects.Add(new MergerInto { EffectId = EffectId(effects.Count + 1), OrganisationId = sourceId, EffectiveOn = command.EffectiveOn, TargetId = targetId });
        }

        foreach (var effect in effects.Where(e => target is not null || e.OrganisationId != targetId || e is Establishment))
        {
            await Organisation(effect.OrganisationId).CheckChangeAsync(effect);
        }

        return await PlanAndRunAsync(OrganisationChangeKind.Merge, command.EffectiveOn, [targetId, .. sources], effects, command);
    }

    /// <inheritdoc />
    public async Task<OrganisationChangeDetails> TransferFunctionAsync(TransferFunction command)
    {
        if (Repeated(OrganisationChangeKind.TransferFunction, command) is { } repeated)
        {
            return repeated;
        }

        var fromId = RequiredId(command.FromId, "fromId");
        var toId = RequiredId(command.ToId, "toId");
        if (string.IsNullOrWhiteSpace(command.Function))
        {
            throw new ValidationException("function", "Name the function that moves.");
        }

        if (fromId == toId)
        {
            throw new ValidationException("toId", "A function moves to a different organisation.");
        }

        var function = (await Organisation(fromId).GetAsync()).Functions.FirstOrDefault(f => OrganisationState.SameFunction(f.Name, command.Function))?.Name ?? command.Function.Trim();
        OrganisationChange[] effects =
        [
            new FunctionDeparture { EffectId = EffectId(1), OrganisationId = fromId, EffectiveOn = command.EffectiveOn, Function = function, ToId = toId },
            new FunctionArrival { EffectId = EffectId(2), OrganisationId = toId, EffectiveOn = command.EffectiveOn, Function = function, FromId = fromId },
        ];
        foreach (var effect in effects)
        {
            await Organisation(effect.OrganisationId).CheckChangeAsync(effect);
        }

        return await PlanAndRunAsync(OrganisationChangeKind.TransferFunction, command.EffectiveOn, [fromId, toId], effects, command);
    }

    /// <inheritdoc />
    public async Task<OrganisationChangeDetails> CeaseAsync(CeaseOrganisation command)
    {
        if (Repeated(OrganisationChangeKind.Cease, command) is { } repeated)
        {
            return repeated;
        }

        var id = RequiredId(command.OrganisationId, "organisationId");
        var ceasing = await Organisation(id).GetAsync();
        var successors = (command.FunctionSuccessors ?? [])
            .Select(s => s with
            {
                SuccessorId = RequiredId(s.SuccessorId, "functionSuccessors"),
                Function = ceasing.Functions.FirstOrDefault(f => OrganisationState.SameFunction(f.Name, s.Function ?? ""))?.Name ?? s.Function?.Trim() ?? "",
            })
            .ToList();
        var general = command.SuccessorId is null ? null : RequiredId(command.SuccessorId, "successorId");
        var effects = new List<OrganisationChange>();
        foreach (var successorId in successors.Select(s => s.SuccessorId).Append(general).OfType<string>().Distinct(StringComparer.Ordinal))
        {
            effects.Add(new PredecessorAbsorption
            {
                EffectId = EffectId(effects.Count + 1),
                OrganisationId = successorId,
                EffectiveOn = command.EffectiveOn,
                PredecessorId = id,
                Reason = LineageReason.Cessation,
                Functions = [.. successors.Where(s => s.SuccessorId == successorId).Select(s => s.Function)],
            });
        }

        var cessation = new Cessation { EffectId = EffectId(effects.Count + 1), OrganisationId = id, EffectiveOn = command.EffectiveOn, FunctionSuccessors = successors, SuccessorId = general };
        await Organisation(id).CheckChangeAsync(cessation);
        foreach (var effect in effects)
        {
            await Organisation(effect.OrganisationId).CheckChangeAsync(effect);
        }

        effects.Add(cessation);
        return await PlanAndRunAsync(OrganisationChangeKind.Cease, command.EffectiveOn, [id, .. effects.Select(e => e.OrganisationId).Distinct().Where(o => o != id)], effects, command);
    }

    /// <inheritdoc />
    public async Task<OrganisationChangeDetails> ResumeAsync()
    {
        if (!State.Progress.Planned)
        {
            throw new NotFoundException($"There is no organisation change '{Key}'.");
        }

        await ResumeStoppedAsync();
        return Details();
    }

    /// <inheritdoc />
    public Task<OrganisationChangeDetails> GetAsync() => State.Progress.Planned
        ? Task.FromResult(Details())
        : throw new NotFoundException($"There is no organisation change '{Key}'.");

    /// <inheritdoc />
    protected override OrganisationChangeEvent EffectApplied(string effectId) => new OrganisationChangeEffectApplied(effectId);

    /// <inheritdoc />
    protected override OrganisationChangeEvent EffectFailed(OperationFailure failure) => new OrganisationChangeEffectFailed(failure);

    /// <inheritdoc />
    protected override OrganisationChangeEvent Completed(DateTimeOffset at) => new OrganisationChangeCompleted(at);

    /// <inheritdoc />
    protected override Task ApplyEffectAsync(OrganisationChange effect) => Organisation(effect.OrganisationId).ApplyChangeAsync(effect);

    private async Task<OrganisationChangeDetails> PlanAndRunAsync(OrganisationChangeKind kind, DateOnly effectiveOn, IReadOnlyList<string> organisationIds, IReadOnlyList<OrganisationChange> effects, object command)
    {
        await RunAsync(new OrganisationChangePlanned(kind, effectiveOn, organisationIds, effects, Fingerprint(kind, command), BoardDesk.Grains.ActingUser.Name));
        return Details();
    }

    /// <summary>The operation as it stands when this id was used already for the same command; a conflict for a different one.</summary>
    private OrganisationChangeDetails? Repeated(OrganisationChangeKind kind, object command)
    {
        if (!State.Progress.Planned)
        {
            return null;
        }

        return State.Command == Fingerprint(kind, command)
            ? Details()
            : throw new ConflictException($"The operation id '{Key}' was used already for a different change.");
    }

    private static string Fingerprint(OrganisationChangeKind kind, object command) =>
        $"{kind}:{JsonSerializer.Serialize(command, command.GetType(), JournalJson.Options)}";

    private async Task<OrganisationDetails?> FindAsync(string id)
    {
        try
        {
            return await Organisation(id).GetAsync();
        }
        catch (NotFoundException)
        {
            return null;
        }
    }

    private IOrganisationGrain Organisation(string id) => GrainFactory.GetGrain<IOrganisationGrain>(id);

    private string EffectId(int position) => $"{Key}/{position}";

    private static string RequiredId(string? id, string field) =>
        string.IsNullOrWhiteSpace(id) ? throw new ValidationException(field, "An organisation id is required.") : id.Trim();

    private OrganisationChangeDetails Details() => new()
    {
        Id = Key,
        Kind = State.Kind,
        Status = State.Progress switch
        {
            { Completed: true } => OrganisationChangeStatus.Completed,
            { Stopped: true } => OrganisationChangeStatus.Failed,
            { LastFailure: not null } => OrganisationChangeStatus.Retrying,
            _ => OrganisationChangeStatus.InProgress,
        },
        Progress = State.Progress.Describe(),
        LastFailure = State.Progress.LastFailure,
        EffectiveOn = State.EffectiveOn,
        OrganisationIds = State.OrganisationIds,
        Effects = State.Progress.Effects,
        AppliedEffectIds = State.Progress.Applied,
        RequestedBy = State.RequestedBy,
        CompletedAt = State.Progress.CompletedAt,
    };
}

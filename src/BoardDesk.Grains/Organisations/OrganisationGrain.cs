using BoardDesk.Grains;
using BoardDesk.Persistence;

namespace BoardDesk.Organisations;

/// <summary>
/// An organisation: its names over time, what sort of body it is, its status, the functions it hosts and its
/// lineage. Machinery-of-government operations change it through <see cref="ApplyChangeAsync"/>, one effect at a
/// time; it remembers the effect ids it has applied and ignores repeats.
/// </summary>
[GrainType("organisation")]
public sealed class OrganisationGrain(ReadModels readModels) : JournaledGrain<OrganisationState, OrganisationEvent>, IOrganisationGrain
{
    /// <summary>The longest name accepted.</summary>
    public const int MaxNameLength = 200;

    /// <inheritdoc />
    protected override object? ReadModel => State.Exists ? Details() : null;

    /// <inheritdoc />
    public async Task<OrganisationDetails> CreateAsync(CreateOrganisation command)
    {
        var name = ValidName(command.Name);
        CheckNew(command.Kind);
        var functions = new List<string>();
        foreach (var function in command.Functions ?? [])
        {
            var trimmed = ValidFunction(function, "functions");
            if (functions.Exists(f => OrganisationState.SameFunction(f, trimmed)))
            {
                throw new ValidationException("functions", $"The function '{trimmed}' is listed twice.");
            }

            functions.Add(trimmed);
        }

        // A function has one host at a time. The documents find the host of a function created before names were
        // claimed; claiming each name through its grain settles creations running at the same moment.
        var all = await readModels.AllAsync<OrganisationDetails>();
        foreach (var function in functions)
        {
            if (all.FirstOrDefault(o => o.Id != Key && o.Functions.Any(f => OrganisationState.SameFunction(f.Name, function))) is { } host)
            {
                throw new RuleViolationException($"The function '{function}' is hosted by {host.Name} already; transfer it instead.");
            }
        }

        await ClaimFunctionNamesAsync(functions);
        Raise(new OrganisationCreated(name, command.Kind, command.EstablishedOn, functions));
        return Details();
    }

    /// <summary>Claims every name, in a fixed order; when one is refused, gives back those this call claimed and passes the refusal on.</summary>
    private async Task ClaimFunctionNamesAsync(IReadOnlyList<string> functions)
    {
        var claimed = new List<string>();
        try
        {
            foreach (var function in functions.OrderBy(FunctionNameGrain.KeyOf, StringComparer.Ordinal))
            {
                await FunctionName(function).ClaimAsync(Key, function);
                claimed.Add(function);
            }
        }
        catch (ConflictException)
        {
            foreach (var function in claimed)
            {
                await FunctionName(function).ReleaseAsync(Key);
            }

            throw;
        }
    }

    private IFunctionNameGrain FunctionName(string function) => GrainFactory.GetGrain<IFunctionNameGrain>(FunctionNameGrain.KeyOf(function));

    /// <inheritdoc />
    public Task<OrganisationDetails> RenameAsync(RenameOrganisation command)
    {
        var change = new NameChange { EffectId = "", OrganisationId = Key, EffectiveOn = command.EffectiveOn, Name = command.Name };
        Check(change);
        Raise(new OrganisationRenamed(change.Name.Trim(), change.EffectiveOn));
        return Task.FromResult(Details());
    }

    /// <inheritdoc />
    public Task<OrganisationDetails> GetAsync()
    {
        EnsureExists();
        return Task.FromResult(Details());
    }

    /// <inheritdoc />
    public Task CheckChangeAsync(OrganisationChange change)
    {
        Check(change);
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task<OrganisationDetails> ApplyChangeAsync(OrganisationChange change)
    {
        if (State.Effects.Contains(change.EffectId))
        {
            return Task.FromResult(Details());
        }

        Check(change);
        OrganisationEvent e = change switch
        {
            Establishment established => new OrganisationCreated(established.Name.Trim(), established.Kind, established.EffectiveOn, []),
            NameChange renamed => new OrganisationRenamed(renamed.Name.Trim(), renamed.EffectiveOn),
            FunctionArrival arrival => new OrganisationFunctionReceived(arrival.Function.Trim(), arrival.FromId, arrival.EffectiveOn),
            FunctionDeparture departure => new OrganisationFunctionHandedOver(HostedName(departure.Function), departure.ToId, departure.EffectiveOn),
            PredecessorAbsorption absorbed => new OrganisationPredecessorAbsorbed(absorbed.PredecessorId, absorbed.Reason, absorbed.Functions, absorbed.EffectiveOn),
            MergerInto merger => new OrganisationMerged(merger.TargetId, merger.EffectiveOn),
            Cessation cessation => new OrganisationCeased(
                [.. cessation.FunctionSuccessors.Select(s => s with { Function = HostedName(s.Function) })], cessation.SuccessorId, cessation.EffectiveOn),
            _ => throw new ValidationException("change", $"'{change.GetType().Name}' is not a change an organisation knows."),
        };
        Raise(e with { EffectId = change.EffectId });
        return Task.FromResult(Details());
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<OrganisationHistoryEntry>> GetHistoryAsync()
    {
        EnsureExists();
        var journal = await ReadJournalAsync();
        return [.. journal.Select(e => new OrganisationHistoryEntry(e.Sequence, e.Type, e.RecordedAt, e.User, ((OrganisationEvent)e.Event).EffectId))];
    }

    private void Check(OrganisationChange change)
    {
        if (change is Establishment establishment)
        {
            ValidName(establishment.Name);
            CheckNew(establishment.Kind);
            return;
        }

        EnsureExists();
        if (State.IsClosed)
        {
            var how = State.MergedInto is { } into ? $"merged into '{into}'" : "ceased";
            throw new RuleViolationException($"{State.Name} {how} on {State.StatusEffectiveOn:yyyy-MM-dd}; it cannot change any more.");
        }

        if (State.EstablishedOn is { } established && change.EffectiveOn < established)
        {
            throw new RuleViolationException($"{State.Name} was established on {established:yyyy-MM-dd}; a change cannot take effect before that.");
        }

        switch (change)
        {
            case NameChange rename:
                CheckRename(rename);
                break;
            case FunctionArrival arrival:
                var function = ValidFunction(arrival.Function, "function");
                if (State.Hosts(function))
                {
                    throw new RuleViolationException($"{State.Name} hosts '{function}' already.");
                }

                break;
            case FunctionDeparture departure:
                HostedName(departure.Function);
                if (departure.ToId == Key)
                {
                    throw new ValidationException("toId", "A function cannot be transferred to the organisation that hosts it.");
                }

                break;
            case PredecessorAbsorption absorption:
                if (absorption.PredecessorId == Key)
                {
                    throw new RuleViolationException($"{State.Name} cannot take on its own work.");
                }

                if (absorption.Functions.FirstOrDefault(State.Hosts) is { } hosted)
                {
                    throw new RuleViolationException($"{State.Name} hosts '{hosted}' already.");
                }

                break;
            case MergerInto merger when merger.TargetId == Key:
                throw new ValidationException("targetId", "An organisation cannot merge into itself.");
            case Cessation cessation:
                CheckCessation(cessation);
                break;
        }
    }

    private void CheckRename(NameChange rename)
    {
        var name = ValidName(rename.Name);
        if (name == State.Name)
        {
            throw new RuleViolationException($"The organisation is already called '{name}'.");
        }

        var lastRename = State.FormerNames.Count > 0 ? State.FormerNames[^1].Until : (DateOnly?)null;
        if (rename.EffectiveOn < (lastRename ?? State.EstablishedOn ?? DateOnly.MinValue))
        {
            throw new RuleViolationException($"A rename cannot take effect before the organisation's last change of name or establishment ({lastRename ?? State.EstablishedOn:yyyy-MM-dd}).");
        }
    }

    private void CheckCessation(Cessation cessation)
    {
        foreach (var successor in cessation.FunctionSuccessors)
        {
            HostedName(successor.Function);
            if (successor.SuccessorId == Key)
            {
                throw new ValidationException("functionSuccessors", "An organisation cannot succeed itself.");
            }
        }

        if (cessation.SuccessorId == Key)
        {
            throw new ValidationException("successorId", "An organisation cannot succeed itself.");
        }

        var unnamed = State.Functions.Where(f => !cessation.FunctionSuccessors.Any(s => OrganisationState.SameFunction(s.Function, f.Name))).Select(f => f.Name).ToList();
        if (unnamed.Count > 0)
        {
            throw new ValidationException("functionSuccessors", $"Name a successor for every function {State.Name} hosts; missing: {string.Join(", ", unnamed)}.");
        }

        if (cessation.FunctionSuccessors.GroupBy(s => s.Function.Trim(), StringComparer.OrdinalIgnoreCase).FirstOrDefault(g => g.Count() > 1) is { } twice)
        {
            throw new ValidationException("functionSuccessors", $"The function '{twice.Key}' is named twice.");
        }
    }

    private void CheckNew(OrganisationKind kind)
    {
        if (!Slug.IsValid(Key))
        {
            throw new ValidationException("id", "An organisation id is a lowercase slug of letters, digits and single hyphens, at most 64 characters (for example nhs-england).");
        }

        if (!Enum.IsDefined(kind))
        {
            throw new ValidationException("kind", $"'{kind}' is not a kind of organisation.");
        }

        if (State.Exists)
        {
            throw new ConflictException($"The organisation '{Key}' exists already.");
        }
    }

    /// <summary>The hosted function's name as the organisation spells it; refuses one it does not host.</summary>
    private string HostedName(string function)
    {
        var name = ValidFunction(function, "function");
        return State.Functions.Find(f => OrganisationState.SameFunction(f.Name, name))?.Name
            ?? throw new RuleViolationException($"{State.Name} does not host the function '{name}'.");
    }

    private void EnsureExists()
    {
        if (!State.Exists)
        {
            throw new NotFoundException($"There is no organisation '{Key}'.");
        }
    }

    private static string ValidName(string? name)
    {
        var trimmed = name?.Trim();
        if (string.IsNullOrEmpty(trimmed))
        {
            throw new ValidationException("name", "A name is required.");
        }

        if (trimmed.Length > MaxNameLength)
        {
            throw new ValidationException("name", $"A name is at most {MaxNameLength} characters.");
        }

        return trimmed;
    }

    private static string ValidFunction(string? function, string field)
    {
        var trimmed = function?.Trim();
        if (string.IsNullOrEmpty(trimmed) || trimmed.Length > MaxNameLength)
        {
            throw new ValidationException(field, $"A function is named in 1 to {MaxNameLength} characters.");
        }

        return trimmed;
    }

    private OrganisationDetails Details() => new()
    {
        Id = Key,
        Name = State.Name,
        Kind = State.Kind,
        EstablishedOn = State.EstablishedOn,
        FormerNames = State.FormerNames,
        Status = State.Status,
        StatusEffectiveOn = State.StatusEffectiveOn,
        MergedInto = State.MergedInto,
        Functions = State.Functions,
        Predecessors = State.Predecessors,
        Successors = State.Successors,
        Version = Version,
    };
}

using System.Collections.Immutable;
using System.Text.Json.Serialization;
using BoardDesk.Operations;
using BoardDesk.Persistence;

namespace BoardDesk.Organisations;

/// <summary>An organisation's state, folded from its events.</summary>
public sealed record OrganisationState : IJournaledState<OrganisationState, OrganisationEvent>
{
    /// <inheritdoc />
    public static OrganisationState Empty { get; } = new();

    /// <summary>False until the organisation is created.</summary>
    public bool Exists { get; init; }

    /// <summary>The current name.</summary>
    public string Name { get; init; } = "";

    /// <summary>What sort of body it is.</summary>
    public OrganisationKind Kind { get; init; }

    /// <summary>When it came into being, if known.</summary>
    public DateOnly? EstablishedOn { get; init; }

    /// <summary>Names it had before, oldest first.</summary>
    public ImmutableList<FormerName> FormerNames { get; init; } = [];

    /// <summary>Active, renamed, merged or ceased.</summary>
    public OrganisationStatus Status { get; init; }

    /// <summary>When the current status took effect.</summary>
    public DateOnly? StatusEffectiveOn { get; init; }

    /// <summary>The organisation it merged into.</summary>
    public string? MergedInto { get; init; }

    /// <summary>The functions it hosts now.</summary>
    public ImmutableList<HostedFunction> Functions { get; init; } = [];

    /// <summary>Organisations whose work it took on.</summary>
    public ImmutableList<OrganisationLink> Predecessors { get; init; } = [];

    /// <summary>Organisations that took on its work.</summary>
    public ImmutableList<OrganisationLink> Successors { get; init; } = [];

    /// <summary>The operation effects applied, so that a repeated effect is ignored.</summary>
    public EffectLedger Effects { get; init; } = EffectLedger.Empty;

    /// <summary>True once it has merged or ceased: it can change no more.</summary>
    [JsonIgnore]
    public bool IsClosed => Status is OrganisationStatus.Merged or OrganisationStatus.Ceased;

    /// <summary>True when it hosts the function (names compare ignoring case).</summary>
    public bool Hosts(string function) => Functions.Exists(f => SameFunction(f.Name, function));

    /// <summary>Function names compare ignoring case and surrounding spaces.</summary>
    public static bool SameFunction(string a, string b) => string.Equals(a.Trim(), b.Trim(), StringComparison.OrdinalIgnoreCase);

    /// <inheritdoc />
    public OrganisationState Apply(OrganisationEvent e) => ApplyEvent(e) with { Effects = Effects.With(e.EffectId) };

    private OrganisationState ApplyEvent(OrganisationEvent e) => e switch
    {
        OrganisationCreated created => this with
        {
            Exists = true,
            Name = created.Name,
            Kind = created.Kind,
            EstablishedOn = created.EstablishedOn,
            Functions = [.. (created.Functions ?? []).Select(f => new HostedFunction(f, created.EstablishedOn))],
        },
        OrganisationRenamed renamed => this with
        {
            Name = renamed.Name,
            FormerNames = FormerNames.Add(new FormerName(Name, renamed.EffectiveOn)),
            Status = OrganisationStatus.Renamed,
            StatusEffectiveOn = renamed.EffectiveOn,
        },
        OrganisationFunctionReceived received => this with
        {
            Functions = Functions.Add(new HostedFunction(received.Function, received.EffectiveOn)),
            Predecessors = Predecessors.Add(new OrganisationLink(received.FromId, LineageReason.FunctionTransfer, received.EffectiveOn, received.Function)),
        },
        OrganisationFunctionHandedOver handedOver => this with
        {
            Functions = Functions.RemoveAll(f => SameFunction(f.Name, handedOver.Function)),
            Successors = Successors.Add(new OrganisationLink(handedOver.ToId, LineageReason.FunctionTransfer, handedOver.EffectiveOn, handedOver.Function)),
        },
        OrganisationPredecessorAbsorbed absorbed => this with
        {
            Functions = Functions.AddRange(absorbed.Functions.Select(f => new HostedFunction(f, absorbed.EffectiveOn))),
            Predecessors = Predecessors.Add(new OrganisationLink(absorbed.PredecessorId, absorbed.Reason, absorbed.EffectiveOn)),
        },
        OrganisationMerged merged => this with
        {
            Status = OrganisationStatus.Merged,
            StatusEffectiveOn = merged.EffectiveOn,
            MergedInto = merged.IntoId,
            Functions = [],
            Successors = Successors.Add(new OrganisationLink(merged.IntoId, LineageReason.Merger, merged.EffectiveOn)),
        },
        OrganisationCeased ceased => this with
        {
            Status = OrganisationStatus.Ceased,
            StatusEffectiveOn = ceased.EffectiveOn,
            Functions = [],
            Successors = Successors.AddRange(CessationLinks(ceased)),
        },
        _ => throw new ArgumentOutOfRangeException(nameof(e), e.GetType().Name, "Unknown organisation event."),
    };

    private static IEnumerable<OrganisationLink> CessationLinks(OrganisationCeased ceased)
    {
        // The link without a function is the general successor: recommendations owned by the organisation itself go there.
        if ((ceased.SuccessorId ?? ceased.FunctionSuccessors.FirstOrDefault()?.SuccessorId) is { } general)
        {
            yield return new OrganisationLink(general, LineageReason.Cessation, ceased.EffectiveOn);
        }

        foreach (var successor in ceased.FunctionSuccessors)
        {
            yield return new OrganisationLink(successor.SuccessorId, LineageReason.Cessation, ceased.EffectiveOn, successor.Function);
        }
    }
}

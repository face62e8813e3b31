using System.Collections.Immutable;
using BoardDesk.Runtime;

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

    /// <inheritdoc />
    public OrganisationState Apply(OrganisationEvent e) => e switch
    {
        OrganisationCreated created => this with { Exists = true, Name = created.Name, Kind = created.Kind, EstablishedOn = created.EstablishedOn },
        OrganisationRenamed renamed => this with { Name = renamed.Name, FormerNames = FormerNames.Add(new FormerName(Name, renamed.EffectiveOn)) },
        _ => throw new ArgumentOutOfRangeException(nameof(e), e.GetType().Name, "Unknown organisation event."),
    };
}

using System.Collections.Immutable;
using BoardDesk.Operations;
using BoardDesk.Persistence;

namespace BoardDesk.Organisations;

/// <summary>A machinery-of-government operation's state, folded from its events.</summary>
public sealed record OrganisationChangeState : IJournaledState<OrganisationChangeState, OrganisationChangeEvent>
{
    /// <inheritdoc />
    public static OrganisationChangeState Empty { get; } = new();

    /// <summary>Which operation it is.</summary>
    public OrganisationChangeKind Kind { get; init; }

    /// <summary>The date the change takes effect.</summary>
    public DateOnly EffectiveOn { get; init; }

    /// <summary>Every organisation it touches.</summary>
    public ImmutableList<string> OrganisationIds { get; init; } = [];

    /// <summary>The command as sent, so that the same command sent again is recognised.</summary>
    public string Command { get; init; } = "";

    /// <summary>Who asked for it.</summary>
    public string RequestedBy { get; init; } = "";

    /// <summary>The planned effects and which are applied.</summary>
    public OperationProgress<OrganisationChange> Progress { get; init; } = OperationProgress<OrganisationChange>.None;

    /// <inheritdoc />
    public OrganisationChangeState Apply(OrganisationChangeEvent e) => e switch
    {
        OrganisationChangePlanned planned => this with
        {
            Kind = planned.Kind,
            EffectiveOn = planned.EffectiveOn,
            OrganisationIds = [.. planned.OrganisationIds],
            Command = planned.Command,
            RequestedBy = planned.RequestedBy,
            Progress = Progress.WithPlan(planned.Effects),
        },
        OrganisationChangeEffectApplied applied => this with { Progress = Progress.WithApplied(applied.EffectId) },
        OrganisationChangeEffectFailed failed => this with { Progress = Progress.WithFailure(failed.Failure) },
        OrganisationChangeCompleted completed => this with { Progress = Progress.WithCompleted(completed.At) },
        _ => throw new ArgumentOutOfRangeException(nameof(e), e.GetType().Name, "Unknown organisation change event."),
    };
}

using System.Text.Json.Serialization;
using BoardDesk.Grains;

namespace BoardDesk.Organisations;

/// <summary>
/// One effect of a machinery-of-government operation on one organisation. The operation records every effect
/// before applying any, and the organisation remembers the effect ids it has applied, so an effect sent twice
/// (after a crash) changes it once.
/// </summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "change")]
[JsonDerivedType(typeof(Establishment), "establishment")]
[JsonDerivedType(typeof(NameChange), "nameChange")]
[JsonDerivedType(typeof(FunctionArrival), "functionArrival")]
[JsonDerivedType(typeof(FunctionDeparture), "functionDeparture")]
[JsonDerivedType(typeof(PredecessorAbsorption), "predecessorAbsorption")]
[JsonDerivedType(typeof(MergerInto), "mergerInto")]
[JsonDerivedType(typeof(Cessation), "cessation")]
[GenerateSerializer, Immutable, Alias("BoardDesk.Organisations.OrganisationChange")]
public abstract record OrganisationChange : IPlannedEffect
{
    /// <summary>Identifies the effect: the operation id and the effect's position (<c>op-1/2</c>).</summary>
    [Id(0)]
    public required string EffectId { get; init; }

    /// <summary>The organisation the effect applies to.</summary>
    [Id(1)]
    public required string OrganisationId { get; init; }

    /// <summary>The date the change takes effect.</summary>
    [Id(2)]
    public required DateOnly EffectiveOn { get; init; }
}

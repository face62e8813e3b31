using System.Text.Json.Serialization;
using BoardDesk.Grains;

namespace BoardDesk.Decisions;

/// <summary>
/// One structured effect of a decision, applied to its owning grain exactly once when the decision is carried.
/// <see cref="EffectId"/> is assigned by the decision (<c>decision id/position</c>); callers leave it empty.
/// </summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "effect")]
[JsonDerivedType(typeof(SetRecommendationResponse), "setRecommendationResponse")]
[JsonDerivedType(typeof(SetRecommendationOwner), "setRecommendationOwner")]
[JsonDerivedType(typeof(SetRecommendationStatus), "setRecommendationStatus")]
[JsonDerivedType(typeof(TransferFunctionEffect), "transferFunction")]
[JsonDerivedType(typeof(MergeOrganisationsEffect), "mergeOrganisations")]
[JsonDerivedType(typeof(CreateActionEffect), "createAction")]
[GenerateSerializer, Immutable, Alias("BoardDesk.Decisions.DecisionEffect")]
public abstract record DecisionEffect : IPlannedEffect
{
    /// <inheritdoc />
    [Id(0)]
    public string EffectId { get; init; } = "";
}

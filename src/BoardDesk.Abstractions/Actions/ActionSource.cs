namespace BoardDesk.Actions;

/// <summary>Where an action came from.</summary>
/// <param name="Kind">A minute item, a decision or a recommendation.</param>
/// <param name="Reference">Its id: <c>2015-10-23#5</c>, a decision id, or <c>smith-2015/9</c>.</param>
[GenerateSerializer, Immutable, Alias("BoardDesk.Actions.ActionSource")]
public sealed record ActionSource(ActionSourceKind Kind, string Reference);

namespace BoardDesk.Actions;

/// <summary>Defers an action to a new due date.</summary>
/// <param name="DueOn">The new due date.</param>
/// <param name="Reason">Why.</param>
[GenerateSerializer, Immutable, Alias("BoardDesk.Actions.DeferAction")]
public sealed record DeferAction(DateOnly DueOn, string Reason);

namespace BoardDesk.Actions;

/// <summary>An owner's update: a progress note, optionally with a new status (in progress, proposed for closure).</summary>
/// <param name="Note">The note.</param>
/// <param name="On">The date it speaks for.</param>
/// <param name="Status">The new status: only <see cref="ActionStatus.InProgress"/> or <see cref="ActionStatus.ProposedForClosure"/>.</param>
[GenerateSerializer, Immutable, Alias("BoardDesk.Actions.UpdateAction")]
public sealed record UpdateAction(string Note, DateOnly On, ActionStatus? Status = null);

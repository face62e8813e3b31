namespace BoardDesk.Actions;

/// <summary>Where an action is in its life.</summary>
[GenerateSerializer, Alias("BoardDesk.Actions.ActionStatus")]
public enum ActionStatus
{
    /// <summary>Agreed, not started.</summary>
    Open,

    /// <summary>Being worked on.</summary>
    InProgress,

    /// <summary>The owner proposes that the board close it.</summary>
    ProposedForClosure,

    /// <summary>Closed by the board at a meeting.</summary>
    Closed,

    /// <summary>Deferred to a new due date.</summary>
    Deferred,
}

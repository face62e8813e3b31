namespace BoardDesk.Actions;

/// <summary>An action's RAG rating, derived from its due date.</summary>
[GenerateSerializer, Alias("BoardDesk.Actions.ActionRag")]
public enum ActionRag
{
    /// <summary>Not due within 14 days, or closed.</summary>
    Green,

    /// <summary>Due within 14 days.</summary>
    Amber,

    /// <summary>Overdue.</summary>
    Red,
}

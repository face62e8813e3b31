namespace BoardDesk.Actions;

/// <summary>Where an action came from.</summary>
[GenerateSerializer, Alias("BoardDesk.Actions.ActionSourceKind")]
public enum ActionSourceKind
{
    /// <summary>An item of a meeting's minutes.</summary>
    MinuteItem,

    /// <summary>A decision.</summary>
    Decision,

    /// <summary>A recommendation.</summary>
    Recommendation,
}

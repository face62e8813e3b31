namespace BoardDesk.Decisions;

/// <summary>Whether each vote is shown, or only who voted and the counts.</summary>
[GenerateSerializer, Alias("BoardDesk.Decisions.BallotKind")]
public enum BallotKind
{
    /// <summary>Each ballot is recorded and shown with its voter.</summary>
    Named,

    /// <summary>Who voted is recorded apart from what was voted; only the counts are ever stored.</summary>
    Secret,
}

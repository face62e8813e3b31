using System.Text.Json.Serialization;

namespace BoardDesk.Meetings;

/// <summary>How the chair decides a declared interest is managed at the meeting; it decides recusal from the item's votes.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<DeclarationManagement>))]
[GenerateSerializer, Alias("BoardDesk.Meetings.DeclarationManagement")]
public enum DeclarationManagement
{
    /// <summary>The person may take part in the discussion and the vote.</summary>
    MayTakePart,

    /// <summary>The person may take part in the discussion but not in the vote.</summary>
    TakesNoPartInTheVote,

    /// <summary>The person takes no part in the discussion or the vote.</summary>
    TakesNoPartInDiscussionOrVote,

    /// <summary>The person leaves the room for the item.</summary>
    LeavesTheRoom,
}

using System.Text.Json.Serialization;

namespace BoardDesk.Boards;

/// <summary>The office a member holds on a board.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<BoardOffice>))]
[GenerateSerializer, Alias("BoardDesk.Boards.BoardOffice")]
public enum BoardOffice
{
    /// <summary>An ordinary member.</summary>
    Member,

    /// <summary>The chair.</summary>
    Chair,

    /// <summary>The vice-chair, who chairs in the chair's absence.</summary>
    ViceChair,
}

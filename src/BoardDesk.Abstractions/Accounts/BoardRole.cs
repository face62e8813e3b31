using System.Text.Json.Serialization;

namespace BoardDesk.Accounts;

/// <summary>What a person may do on one board.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<BoardRole>))]
[GenerateSerializer, Alias("BoardDesk.Accounts.BoardRole")]
public enum BoardRole
{
    /// <summary>Prepares meetings, agendas, papers, packs and minutes.</summary>
    Secretariat,

    /// <summary>Chairs the board: opens and closes votes, casts the casting vote.</summary>
    Chair,

    /// <summary>Represents one member organisation: declares interests and votes.</summary>
    Member,

    /// <summary>Carries actions forward and reports on them.</summary>
    ProgrammeLead,

    /// <summary>Reads the board's papers, public and private, without changing anything.</summary>
    Observer,
}

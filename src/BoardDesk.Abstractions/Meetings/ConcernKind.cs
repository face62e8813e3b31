using System.Text.Json.Serialization;

namespace BoardDesk.Meetings;

/// <summary>What kind of thing an agenda item concerns.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<ConcernKind>))]
[GenerateSerializer, Alias("BoardDesk.Meetings.ConcernKind")]
public enum ConcernKind
{
    /// <summary>An organisation of the register of organisations (its lineage counts: a merged body's successor).</summary>
    Organisation,

    /// <summary>A company or supplier, by name.</summary>
    Company,

    /// <summary>A person, by name or account.</summary>
    Person,
}

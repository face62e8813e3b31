using System.Text.Json.Serialization;

namespace BoardDesk.Papers;

/// <summary>What happened to a line between two versions.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<DiffLineKind>))]
[GenerateSerializer, Alias("BoardDesk.Papers.DiffLineKind")]
public enum DiffLineKind
{
    /// <summary>In both versions.</summary>
    Unchanged,

    /// <summary>Only in the earlier version.</summary>
    Removed,

    /// <summary>Only in the later version.</summary>
    Added,
}

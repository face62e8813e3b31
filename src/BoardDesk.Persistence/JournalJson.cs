using System.Text.Json;
using System.Text.Json.Serialization;

namespace BoardDesk.Persistence;

/// <summary>The JSON settings of everything BoardDesk stores: event payloads, snapshots and read-model documents.</summary>
public static class JournalJson
{
    /// <summary>camelCase names, enums as strings.</summary>
    public static JsonSerializerOptions Options { get; } = Create();

    private static JsonSerializerOptions Create()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web);
        options.Converters.Add(new JsonStringEnumConverter());
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}

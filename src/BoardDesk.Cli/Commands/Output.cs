using System.Text.Json;
using BoardDesk.Persistence;

namespace BoardDesk.Cli.Commands;

/// <summary>How the tool prints.</summary>
public static class Output
{
    /// <summary>Indented camelCase JSON, enums as strings, as the API answers.</summary>
    public static JsonSerializerOptions Json { get; } = new(JournalJson.Options) { WriteIndented = true };

    /// <summary>A date in words, as the pages write it.</summary>
    public static string Date(DateOnly date) => date.ToString("d MMMM yyyy", System.Globalization.CultureInfo.GetCultureInfo("en-GB"));
}

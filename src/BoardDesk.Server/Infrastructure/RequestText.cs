using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace BoardDesk.Server.Infrastructure;

/// <summary>
/// Reads every string of a JSON request body and refuses text no person types: control characters (NUL, escape…)
/// other than tab and line breaks, and invisible format characters (bidirectional overrides and isolates such as
/// U+202E, byte-order marks, zero-width spaces and joiners). They hide what a name or a note says from whoever reads
/// it, in the pages, the board pack and the log. The refusal is a 400 that names the field, before anything is stored.
/// </summary>
public sealed class RequestText : JsonConverter<string>
{
    /// <summary>Why a value was refused, for the answer's field error.</summary>
    public const string Refusal = "The text holds a control character or an invisible formatting character (such as a right-to-left override, a byte-order mark or a zero-width space).";

    /// <inheritdoc />
    public override bool HandleNull => false;

    /// <inheritdoc />
    public override string? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.String)
        {
            throw new JsonException();
        }

        var text = reader.GetString()!;
        return IsAcceptable(text) ? text : throw new RefusedTextException();
    }

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, string value, JsonSerializerOptions options) => writer.WriteStringValue(value);

    /// <summary>Whether a text holds only characters a person types (tab and line breaks allowed).</summary>
    public static bool IsAcceptable(string text)
    {
        foreach (var c in text)
        {
            if (c is '\t' or '\n' or '\r')
            {
                continue;
            }

            if (char.IsControl(c) || CharUnicodeInfo.GetUnicodeCategory(c) is UnicodeCategory.Format or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator)
            {
                return false;
            }
        }

        return true;
    }
}

/// <summary>A JSON string refused by <see cref="RequestText"/>.</summary>
// Raised while ASP.NET Core reads a request body and answered there as a 400; it never crosses a grain call, so it needs no Orleans serializer.
public sealed class RefusedTextException() : JsonException(RequestText.Refusal);

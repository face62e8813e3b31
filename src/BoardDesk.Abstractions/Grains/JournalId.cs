namespace BoardDesk.Grains;

/// <summary>
/// Identifies one grain's journal: the grain's Orleans grain type (<c>[GrainType("organisation")]</c>) and its string
/// key. The text form is <c>type/key</c>, which is also the grain's Orleans id; keys may contain slashes.
/// </summary>
[GenerateSerializer, Immutable, Alias("BoardDesk.Grains.JournalId")]
public readonly record struct JournalId(string Type, string Key)
{
    /// <summary>Parses the text form <c>type/key</c>.</summary>
    public static JournalId Parse(string value)
    {
        var slash = value.IndexOf('/');
        if (slash <= 0 || slash == value.Length - 1)
        {
            throw new FormatException($"'{value}' is not a grain id of the form type/key.");
        }

        return new JournalId(value[..slash], value[(slash + 1)..]);
    }

    /// <inheritdoc />
    public override string ToString() => $"{Type}/{Key}";
}

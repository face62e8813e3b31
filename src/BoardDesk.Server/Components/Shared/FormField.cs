namespace BoardDesk.Server.Components.Shared;

/// <summary>
/// A page's field for a field of a command: its element id, and what it is in words ("the paper's title"), so that a
/// refusal reads "Enter the paper's title." next to the field and in the error summary, not "The field is required.".
/// </summary>
/// <param name="Id">The element id of the field on the page.</param>
/// <param name="Words">What the field holds, in words, lowercase ("the paper's title").</param>
public sealed record FormField(string Id, string Words)
{
    /// <summary>The grain's messages about this field, said of the field.</summary>
    public string Explain(IEnumerable<string> messages) => string.Join(" ", messages.Select(message => message switch
    {
        "The field is required." => $"Enter {Words}.",
        _ when message.StartsWith("At most ", StringComparison.Ordinal) => $"{Capitalised} is too long: {char.ToLowerInvariant(message[0])}{message[1..]}",
        _ => message,
    }));

    private string Capitalised => Words.Length == 0 ? Words : char.ToUpperInvariant(Words[0]) + Words[1..];
}

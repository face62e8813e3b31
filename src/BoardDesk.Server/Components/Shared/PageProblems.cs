namespace BoardDesk.Server.Components.Shared;

/// <summary>
/// What is wrong with the form just sent: a refusal that belongs to no one field, and each field's error by its
/// element id. A page holds one; its sections write into the page's, so that the one error summary at the top of
/// the page lists them all.
/// </summary>
public sealed class PageProblems
{
    /// <summary>The message of the last refused command.</summary>
    public string? Message { get; set; }

    /// <summary>Each field's error, by the field's element id.</summary>
    public Dictionary<string, string> Fields { get; } = new(StringComparer.Ordinal);
}

using BoardDesk.Meetings;

namespace BoardDesk.Papers;

/// <summary>What a paper says: the part that is versioned.</summary>
public sealed record PaperContent
{
    /// <summary>The title.</summary>
    public required string Title { get; init; }

    /// <summary>What the board is asked to do with it.</summary>
    public AgendaPurpose Purpose { get; init; } = AgendaPurpose.ForDiscussion;

    /// <summary>The author's name.</summary>
    public required string Author { get; init; }

    /// <summary>The author's job title (Development Director).</summary>
    public string AuthorTitle { get; init; } = "";

    /// <summary>The organisation that sponsors the paper (<c>monitor</c>).</summary>
    public required string SponsoringOrganisationId { get; init; }

    /// <summary>The paper's date as written on it (October 2015), if any.</summary>
    public DateOnly? Date { get; init; }

    /// <summary>The summary.</summary>
    public string Summary { get; init; } = "";

    /// <summary>The body in Markdown; its paragraphs are numbered when shown.</summary>
    public string Body { get; init; } = "";

    /// <summary>What the board is recommended to do.</summary>
    public IReadOnlyList<string> Recommendations { get; init; } = [];

    /// <summary>The references, in order.</summary>
    public IReadOnlyList<string> References { get; init; } = [];
}

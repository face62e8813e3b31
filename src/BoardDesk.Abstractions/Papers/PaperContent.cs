using BoardDesk.Meetings;

namespace BoardDesk.Papers;

/// <summary>What a paper says: the part that is versioned.</summary>
[GenerateSerializer, Immutable, Alias("BoardDesk.Papers.PaperContent")]
public sealed record PaperContent
{
    /// <summary>The title.</summary>
    [Id(0)]
    public required string Title { get; init; }

    /// <summary>What the board is asked to do with it.</summary>
    [Id(1)]
    public AgendaPurpose Purpose { get; init; } = AgendaPurpose.ForDiscussion;

    /// <summary>The author's name.</summary>
    [Id(2)]
    public required string Author { get; init; }

    /// <summary>The author's job title (Development Director).</summary>
    [Id(3)]
    public string AuthorTitle { get; init; } = "";

    /// <summary>The organisation that sponsors the paper (<c>monitor</c>).</summary>
    [Id(4)]
    public required string SponsoringOrganisationId { get; init; }

    /// <summary>The paper's date as written on it (October 2015), if any.</summary>
    [Id(5)]
    public DateOnly? Date { get; init; }

    /// <summary>The summary.</summary>
    [Id(6)]
    public string Summary { get; init; } = "";

    /// <summary>The body in Markdown; its paragraphs are numbered when shown.</summary>
    [Id(7)]
    public string Body { get; init; } = "";

    /// <summary>What the board is recommended to do.</summary>
    [Id(8)]
    public IReadOnlyList<string> Recommendations { get; init; } = [];

    /// <summary>The references, in order.</summary>
    [Id(9)]
    public IReadOnlyList<string> References { get; init; } = [];
}

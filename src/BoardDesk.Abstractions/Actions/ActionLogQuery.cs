namespace BoardDesk.Actions;

/// <summary>A query of the action log; every filter is optional.</summary>
[GenerateSerializer, Immutable, Alias("BoardDesk.Actions.ActionLogQuery")]
public sealed record ActionLogQuery
{
    /// <summary>One board's actions; null for every board.</summary>
    [Id(0)]
    public string? BoardId { get; init; }

    /// <summary>When set, only these boards (the ones the caller may read).</summary>
    [Id(1)]
    public IReadOnlySet<string>? Boards { get; init; }

    /// <summary>The owner's user name ("my actions" sets it to the signed-in user).</summary>
    [Id(2)]
    public string? Owner { get; init; }

    /// <summary>The owning organisation.</summary>
    [Id(3)]
    public string? OrganisationId { get; init; }

    /// <summary>With <see cref="OrganisationId"/>: true (the default) to include what it inherited through mergers and transfers.</summary>
    [Id(4)]
    public bool IncludeInherited { get; init; } = true;

    /// <summary>The status.</summary>
    [Id(5)]
    public ActionStatus? Status { get; init; }

    /// <summary>True for overdue actions only; false for those not overdue.</summary>
    [Id(6)]
    public bool? Overdue { get; init; }

    /// <summary>Where they came from.</summary>
    [Id(7)]
    public ActionSourceKind? Source { get; init; }

    /// <summary>The page, from 1.</summary>
    [Id(8)]
    public int Page { get; init; } = 1;

    /// <summary>Rows per page, at most 500; exports ignore paging.</summary>
    [Id(9)]
    public int PageSize { get; init; } = 50;
}

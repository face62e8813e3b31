namespace BoardDesk.Actions;

/// <summary>A query of the action log; every filter is optional.</summary>
public sealed record ActionLogQuery
{
    /// <summary>One board's actions; null for every board.</summary>
    public string? BoardId { get; init; }

    /// <summary>When set, only these boards (the ones the caller may read).</summary>
    public IReadOnlySet<string>? Boards { get; init; }

    /// <summary>The owner's user name ("my actions" sets it to the signed-in user).</summary>
    public string? Owner { get; init; }

    /// <summary>The owning organisation.</summary>
    public string? OrganisationId { get; init; }

    /// <summary>With <see cref="OrganisationId"/>: true (the default) to include what it inherited through mergers and transfers.</summary>
    public bool IncludeInherited { get; init; } = true;

    /// <summary>The status.</summary>
    public ActionStatus? Status { get; init; }

    /// <summary>True for overdue actions only; false for those not overdue.</summary>
    public bool? Overdue { get; init; }

    /// <summary>Where they came from.</summary>
    public ActionSourceKind? Source { get; init; }

    /// <summary>The page, from 1.</summary>
    public int Page { get; init; } = 1;

    /// <summary>Rows per page, at most 500; exports ignore paging.</summary>
    public int PageSize { get; init; } = 50;
}

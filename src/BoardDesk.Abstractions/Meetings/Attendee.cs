namespace BoardDesk.Meetings;

/// <summary>One line of a meeting's attendance.</summary>
public sealed record Attendee
{
    /// <summary>The person's name.</summary>
    public required string Name { get; init; }

    /// <summary>How they took part.</summary>
    public required AttendanceKind Kind { get; init; }

    /// <summary>For a deputy: the member they stand in for.</summary>
    public string? DeputyFor { get; init; }

    /// <summary>The organisation they come from, if given; members' and deputies' organisations come from the board.</summary>
    public string? OrganisationId { get; init; }
}

namespace BoardDesk.Meetings;

/// <summary>One line of a meeting's attendance.</summary>
[GenerateSerializer, Immutable, Alias("BoardDesk.Meetings.Attendee")]
public sealed record Attendee
{
    /// <summary>The person's name.</summary>
    [Id(0)]
    public required string Name { get; init; }

    /// <summary>How they took part.</summary>
    [Id(1)]
    public required AttendanceKind Kind { get; init; }

    /// <summary>For a deputy: the member they stand in for.</summary>
    [Id(2)]
    public string? DeputyFor { get; init; }

    /// <summary>The organisation they come from, if given; members' and deputies' organisations come from the board.</summary>
    [Id(3)]
    public string? OrganisationId { get; init; }
}

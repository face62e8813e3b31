namespace BoardDesk.Meetings;

/// <summary>An action a meeting agreed.</summary>
[GenerateSerializer, Immutable, Alias("BoardDesk.Meetings.ActionAgreed")]
public sealed record ActionAgreed
{
    /// <summary>What is to be done.</summary>
    [Id(0)]
    public required string Description { get; init; }

    /// <summary>Who does it.</summary>
    [Id(1)]
    public required string Owner { get; init; }

    /// <summary>By when, if agreed.</summary>
    [Id(2)]
    public DateOnly? DueOn { get; init; }

    /// <summary>The meeting that agreed it (<c>2015-10-23</c>); filled in by the meeting.</summary>
    [Id(3)]
    public string? AgreedAtMeetingId { get; init; }
}

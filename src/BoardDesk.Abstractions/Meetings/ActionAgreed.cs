namespace BoardDesk.Meetings;

/// <summary>An action a meeting agreed.</summary>
public sealed record ActionAgreed
{
    /// <summary>What is to be done.</summary>
    public required string Description { get; init; }

    /// <summary>Who does it.</summary>
    public required string Owner { get; init; }

    /// <summary>By when, if agreed.</summary>
    public DateOnly? DueOn { get; init; }

    /// <summary>The meeting that agreed it (<c>2015-10-23</c>); filled in by the meeting.</summary>
    public string? AgreedAtMeetingId { get; init; }
}

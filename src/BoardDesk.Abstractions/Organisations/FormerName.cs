namespace BoardDesk.Organisations;

/// <summary>A name an organisation used until a date.</summary>
public sealed record FormerName(string Name, DateOnly Until);

namespace BoardDesk.Organisations;

/// <summary>A name an organisation used until a date.</summary>
[GenerateSerializer, Immutable, Alias("BoardDesk.Organisations.FormerName")]
public sealed record FormerName(string Name, DateOnly Until);

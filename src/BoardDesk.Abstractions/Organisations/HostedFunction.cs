namespace BoardDesk.Organisations;

/// <summary>A function an organisation hosts, such as "NHS Leadership Academy" or "talent management"; one host at a time.</summary>
/// <param name="Name">The function's name.</param>
/// <param name="Since">When the organisation took it on, if known.</param>
[GenerateSerializer, Immutable, Alias("BoardDesk.Organisations.HostedFunction")]
public sealed record HostedFunction(string Name, DateOnly? Since = null);

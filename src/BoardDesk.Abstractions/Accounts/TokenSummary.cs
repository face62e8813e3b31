namespace BoardDesk.Accounts;

/// <summary>An API token as its owner sees it later: never its secret.</summary>
[GenerateSerializer, Immutable, Alias("BoardDesk.Accounts.TokenSummary")]
public sealed record TokenSummary(string Id, string Name, DateTimeOffset IssuedAt, DateTimeOffset? RevokedAt);

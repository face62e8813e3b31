namespace BoardDesk.Accounts;

/// <summary>A new API token. <see cref="Token"/> is shown once; BoardDesk keeps only its hash.</summary>
[GenerateSerializer, Immutable, Alias("BoardDesk.Accounts.IssuedToken")]
public sealed record IssuedToken(string Id, string Name, string Token, DateTimeOffset IssuedAt);

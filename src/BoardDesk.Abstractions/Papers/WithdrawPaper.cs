namespace BoardDesk.Papers;

/// <summary>Withdraws a paper.</summary>
/// <param name="Reason">Why it is withdrawn.</param>
[GenerateSerializer, Immutable, Alias("BoardDesk.Papers.WithdrawPaper")]
public sealed record WithdrawPaper(string Reason);

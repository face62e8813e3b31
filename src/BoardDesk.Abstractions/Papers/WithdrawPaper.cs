namespace BoardDesk.Papers;

/// <summary>Withdraws a paper.</summary>
/// <param name="Reason">Why it is withdrawn.</param>
public sealed record WithdrawPaper(string Reason);

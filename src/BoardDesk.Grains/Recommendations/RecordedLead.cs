namespace BoardDesk.Recommendations;

/// <summary>A lead owner as recommendations record it: what <c>OwnershipLineage.Resolve</c> needs to find who owns the work now.</summary>
/// <param name="Lead">The recorded lead organisation.</param>
/// <param name="Function">The function it leads on, if any.</param>
/// <param name="Since">When the owners were assigned, if recorded.</param>
internal sealed record RecordedLead(string Lead, string? Function, DateOnly? Since);

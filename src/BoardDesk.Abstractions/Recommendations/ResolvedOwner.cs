namespace BoardDesk.Recommendations;

/// <summary>An owner resolved through mergers, cessations and function transfers.</summary>
/// <param name="OrganisationId">The organisation that owns it.</param>
/// <param name="Name">That organisation's name (on the date asked about, for point-in-time answers).</param>
/// <param name="Inherited">True when it owns it because the recorded owner merged, ceased or handed over the function.</param>
[GenerateSerializer, Immutable, Alias("BoardDesk.Recommendations.ResolvedOwner")]
public sealed record ResolvedOwner(string OrganisationId, string Name, bool Inherited);

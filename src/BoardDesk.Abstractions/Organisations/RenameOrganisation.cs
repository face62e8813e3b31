namespace BoardDesk.Organisations;

/// <summary>Renames an organisation with effect from a date.</summary>
/// <param name="Name">The new name.</param>
/// <param name="EffectiveOn">The date the new name applies from.</param>
[GenerateSerializer, Immutable, Alias("BoardDesk.Organisations.RenameOrganisation")]
public sealed record RenameOrganisation(string Name, DateOnly EffectiveOn);

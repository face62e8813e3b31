namespace BoardDesk.Accounts;

/// <summary>A role on a board; a member's grant names the organisation they represent.</summary>
[GenerateSerializer, Immutable, Alias("BoardDesk.Accounts.BoardRoleGrant")]
public sealed record BoardRoleGrant(string BoardId, BoardRole Role, string? OrganisationId = null);

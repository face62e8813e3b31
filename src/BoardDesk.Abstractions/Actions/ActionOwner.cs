namespace BoardDesk.Actions;

/// <summary>Who carries out an action: a person (their user name) and the organisation they act for.</summary>
/// <param name="Person">The person's user name (<c>ldib-lead</c>).</param>
/// <param name="OrganisationId">Their organisation.</param>
[GenerateSerializer, Immutable, Alias("BoardDesk.Actions.ActionOwner")]
public sealed record ActionOwner(string Person, string OrganisationId);

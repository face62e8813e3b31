namespace BoardDesk.Decisions;

/// <summary>A person who may cast a ballot, and the ballot holder they cast it for.</summary>
/// <param name="Person">The member or deputy.</param>
/// <param name="Unit">The member's name, or the organisation id when organisations vote.</param>
/// <param name="OrganisationId">The member organisation.</param>
public sealed record EligibleVoter(string Person, string Unit, string OrganisationId);

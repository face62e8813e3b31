using BoardDesk.Grains;
using BoardDesk.Persistence;

namespace BoardDesk.Organisations;

/// <summary>The base of every machinery-of-government operation event.</summary>
public abstract record OrganisationChangeEvent;

/// <summary>The operation was validated and every effect recorded, before any was applied.</summary>
[JournalEvent("OrganisationChangePlanned")]
public sealed record OrganisationChangePlanned(
    OrganisationChangeKind Kind,
    DateOnly EffectiveOn,
    IReadOnlyList<string> OrganisationIds,
    IReadOnlyList<OrganisationChange> Effects,
    string Command,
    string RequestedBy) : OrganisationChangeEvent;

/// <summary>One effect was applied to its organisation.</summary>
[JournalEvent("OrganisationChangeEffectApplied")]
public sealed record OrganisationChangeEffectApplied(string EffectId) : OrganisationChangeEvent;

/// <summary>An effect failed; with no next attempt, the operation stopped there.</summary>
[JournalEvent("OrganisationChangeEffectFailed")]
public sealed record OrganisationChangeEffectFailed(OperationFailure Failure) : OrganisationChangeEvent;

/// <summary>Every effect was applied.</summary>
[JournalEvent("OrganisationChangeCompleted")]
public sealed record OrganisationChangeCompleted(DateTimeOffset At) : OrganisationChangeEvent;

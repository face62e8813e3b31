using BoardDesk.Runtime;

namespace BoardDesk.Organisations;

/// <summary>The base of every organisation event.</summary>
public abstract record OrganisationEvent;

/// <summary>The organisation was created.</summary>
[JournalEvent("OrganisationCreated")]
public sealed record OrganisationCreated(string Name, OrganisationKind Kind, DateOnly? EstablishedOn) : OrganisationEvent;

/// <summary>The organisation took a new name from a date.</summary>
[JournalEvent("OrganisationRenamed")]
public sealed record OrganisationRenamed(string Name, DateOnly EffectiveOn) : OrganisationEvent;

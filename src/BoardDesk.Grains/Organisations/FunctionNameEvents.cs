using BoardDesk.Persistence;

namespace BoardDesk.Organisations;

/// <summary>The base of every function name event.</summary>
public abstract record FunctionNameEvent;

/// <summary>An organisation being created claimed the name for one of its functions.</summary>
[JournalEvent("FunctionNameClaimed")]
public sealed record FunctionNameClaimed(string OrganisationId, string Function) : FunctionNameEvent;

/// <summary>The organisation that claimed the name was not created after all, and gave it up.</summary>
[JournalEvent("FunctionNameReleased")]
public sealed record FunctionNameReleased(string OrganisationId) : FunctionNameEvent;

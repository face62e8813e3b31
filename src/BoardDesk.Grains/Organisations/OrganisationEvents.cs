using BoardDesk.Persistence;

namespace BoardDesk.Organisations;

/// <summary>The base of every organisation event.</summary>
public abstract record OrganisationEvent
{
    /// <summary>The operation effect this event applied; null for a change made outside any operation.</summary>
    public string? EffectId { get; init; }
}

/// <summary>The organisation was created (directly, or as the new target of a merger).</summary>
[JournalEvent("OrganisationCreated")]
public sealed record OrganisationCreated(string Name, OrganisationKind Kind, DateOnly? EstablishedOn, IReadOnlyList<string>? Functions = null) : OrganisationEvent;

/// <summary>The organisation took a new name from a date.</summary>
[JournalEvent("OrganisationRenamed")]
public sealed record OrganisationRenamed(string Name, DateOnly EffectiveOn) : OrganisationEvent;

/// <summary>The organisation took on a function from another.</summary>
[JournalEvent("OrganisationFunctionReceived")]
public sealed record OrganisationFunctionReceived(string Function, string FromId, DateOnly EffectiveOn) : OrganisationEvent;

/// <summary>The organisation handed one of its functions to another.</summary>
[JournalEvent("OrganisationFunctionHandedOver")]
public sealed record OrganisationFunctionHandedOver(string Function, string ToId, DateOnly EffectiveOn) : OrganisationEvent;

/// <summary>The organisation took on the work of one that merged into it or ceased.</summary>
[JournalEvent("OrganisationPredecessorAbsorbed")]
public sealed record OrganisationPredecessorAbsorbed(string PredecessorId, LineageReason Reason, IReadOnlyList<string> Functions, DateOnly EffectiveOn) : OrganisationEvent;

/// <summary>The organisation merged into another.</summary>
[JournalEvent("OrganisationMerged")]
public sealed record OrganisationMerged(string IntoId, DateOnly EffectiveOn) : OrganisationEvent;

/// <summary>The organisation ceased; its functions went to named successors.</summary>
[JournalEvent("OrganisationCeased")]
public sealed record OrganisationCeased(IReadOnlyList<FunctionSuccessor> FunctionSuccessors, string? SuccessorId, DateOnly EffectiveOn) : OrganisationEvent;

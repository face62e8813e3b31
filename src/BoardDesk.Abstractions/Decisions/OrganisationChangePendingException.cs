namespace BoardDesk.Decisions;

/// <summary>
/// An organisation change that a decision started has not completed yet (it is applying, or retrying after a
/// failure): the decision's effect is tried again later, when the change may have completed.
/// </summary>
[GenerateSerializer, Alias("BoardDesk.Decisions.OrganisationChangePendingException")]
public sealed class OrganisationChangePendingException(string operationId, string progress)
    : Exception($"The organisation change '{operationId}' has not completed yet. {progress}");

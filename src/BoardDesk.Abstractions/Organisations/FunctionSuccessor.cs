namespace BoardDesk.Organisations;

/// <summary>Who takes on one function of an organisation that ceases.</summary>
/// <param name="Function">The function's name, as the ceasing organisation hosts it.</param>
/// <param name="SuccessorId">The organisation that takes it on.</param>
[GenerateSerializer, Immutable, Alias("BoardDesk.Organisations.FunctionSuccessor")]
public sealed record FunctionSuccessor(string Function, string SuccessorId);

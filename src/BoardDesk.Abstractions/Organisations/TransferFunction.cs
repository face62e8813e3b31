namespace BoardDesk.Organisations;

/// <summary>Moves one function from the organisation that hosts it to another.</summary>
/// <param name="Function">The function, such as "NHS Leadership Academy".</param>
/// <param name="FromId">The organisation that hosts it now.</param>
/// <param name="ToId">The organisation that takes it on.</param>
/// <param name="EffectiveOn">The date the transfer takes effect.</param>
[GenerateSerializer, Immutable, Alias("BoardDesk.Organisations.TransferFunction")]
public sealed record TransferFunction(string Function, string FromId, string ToId, DateOnly EffectiveOn);

using BoardDesk.Grains;

namespace BoardDesk.Organisations;

/// <summary>
/// A function's name, keyed by the name in a form that ignores case and surrounding spaces. The organisation that
/// brings a function into being claims its name here in its creating turn, so that of two organisations created
/// at the same moment with functions of the same name exactly one gets it: the grain's turns never interleave.
/// </summary>
[Alias("BoardDesk.Organisations.IFunctionNameGrain")]
public interface IFunctionNameGrain : IGrainWithStringKey
{
    /// <summary>Claims the name for an organisation being created; again for the same organisation it changes nothing; <see cref="ConflictException"/> when another holds it.</summary>
    [Alias("ClaimAsync")]
    Task ClaimAsync(string organisationId, string function);

    /// <summary>Gives the name up when the organisation that claimed it was not created after all; another organisation's claim is left alone.</summary>
    [Alias("ReleaseAsync")]
    Task ReleaseAsync(string organisationId);

    /// <summary>The organisation that claimed the name; null when none has.</summary>
    [Alias("GetHolderAsync")]
    Task<string?> GetHolderAsync();
}

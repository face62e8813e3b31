using BoardDesk.Grains;
using BoardDesk.Persistence;

namespace BoardDesk.Organisations;

/// <summary>
/// One function name's claim; see <see cref="IFunctionNameGrain"/>. The claim is never handed on: a function, once
/// created, always has exactly one host (a transfer, a merger and a cessation each move it, and a cessation must
/// name a successor for every function), so the name stays taken, and the organisation documents say who hosts it now.
/// </summary>
[GrainType("function-name")]
public sealed class FunctionNameGrain(ReadModels readModels) : JournaledGrain<FunctionNameState, FunctionNameEvent>, IFunctionNameGrain
{
    /// <summary>
    /// The grain key of a function name: trimmed and upper-cased with the invariant culture, which is how
    /// <see cref="OrganisationState.SameFunction"/> compares names (ordinal, ignoring case).
    /// </summary>
    public static string KeyOf(string function) => function.Trim().ToUpperInvariant();

    /// <inheritdoc />
    public async Task ClaimAsync(string organisationId, string function)
    {
        if (State.HolderId == organisationId)
        {
            return;
        }

        if (State.HolderId is { } holder)
        {
            // The holder's document is missing only while its creation is still being committed: name it by its id.
            var host = (await readModels.FindAsync<OrganisationDetails>(holder))?.Name ?? $"'{holder}'";
            throw new ConflictException($"The function '{State.Function}' belongs to {host} already; transfer it instead.");
        }

        Raise(new FunctionNameClaimed(organisationId, function.Trim()));
    }

    /// <inheritdoc />
    public Task ReleaseAsync(string organisationId)
    {
        if (State.HolderId == organisationId)
        {
            Raise(new FunctionNameReleased(organisationId));
        }

        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task<string?> GetHolderAsync() => Task.FromResult(State.HolderId);
}

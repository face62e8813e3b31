using BoardDesk.Persistence;

namespace BoardDesk.Organisations;

/// <summary>A function name's claim, folded from its events.</summary>
public sealed record FunctionNameState : IJournaledState<FunctionNameState, FunctionNameEvent>
{
    /// <inheritdoc />
    public static FunctionNameState Empty { get; } = new();

    /// <summary>The organisation that claimed the name; null when none holds it.</summary>
    public string? HolderId { get; init; }

    /// <summary>The function's name as the holder spelt it.</summary>
    public string? Function { get; init; }

    /// <inheritdoc />
    public FunctionNameState Apply(FunctionNameEvent e) => e switch
    {
        FunctionNameClaimed claimed => this with { HolderId = claimed.OrganisationId, Function = claimed.Function },
        FunctionNameReleased => Empty,
        _ => throw new ArgumentOutOfRangeException(nameof(e), e.GetType().Name, "Unknown function name event."),
    };
}

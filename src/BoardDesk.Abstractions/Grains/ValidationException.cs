namespace BoardDesk.Grains;

/// <summary>The command's fields are invalid; <see cref="Errors"/> names each field and what is wrong with it.</summary>
[GenerateSerializer, Alias("BoardDesk.Grains.ValidationException")]
public sealed class ValidationException : DomainException
{
    /// <summary>Creates the exception for one or more invalid fields.</summary>
    public ValidationException(IReadOnlyDictionary<string, string[]> errors)
        : base("One or more fields are invalid: " + string.Join("; ", errors.Select(e => $"{e.Key}: {string.Join(" ", e.Value)}")))
    {
        Errors = errors;
    }

    /// <summary>Creates the exception for a single invalid field.</summary>
    public ValidationException(string field, string error)
        : this(new Dictionary<string, string[]> { [field] = [error] })
    {
    }

    /// <summary>The invalid fields and their errors.</summary>
    [Id(0)]
    public IReadOnlyDictionary<string, string[]> Errors { get; }
}

using BoardDesk.Grains;

namespace BoardDesk;

/// <summary>Collects every invalid field of a command, so that one answer names them all.</summary>
public sealed class FieldErrors
{
    private readonly Dictionary<string, List<string>> _errors = new(StringComparer.Ordinal);

    /// <summary>Records an error against a field.</summary>
    public void Add(string field, string error)
    {
        if (!_errors.TryGetValue(field, out var list))
        {
            _errors[field] = list = [];
        }

        list.Add(error);
    }

    /// <summary>Trims a text field and checks its length; returns the trimmed text ("" for null).</summary>
    public string Text(string field, string? value, int maxLength, bool required = false)
    {
        var trimmed = value?.Trim() ?? "";
        if (required && trimmed.Length == 0)
        {
            Add(field, "The field is required.");
        }
        else if (trimmed.Length > maxLength)
        {
            Add(field, $"At most {maxLength} characters.");
        }

        return trimmed;
    }

    /// <summary>Throws a <see cref="ValidationException"/> naming every field at fault, if any is.</summary>
    public void ThrowIfAny()
    {
        if (_errors.Count > 0)
        {
            throw new ValidationException(_errors.ToDictionary(e => e.Key, e => e.Value.ToArray()));
        }
    }
}

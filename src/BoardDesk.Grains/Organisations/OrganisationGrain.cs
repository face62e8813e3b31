using System.Text.RegularExpressions;
using BoardDesk.Grains;
using BoardDesk.Runtime;

namespace BoardDesk.Organisations;

/// <summary>An organisation: its names over time and what sort of body it is.</summary>
public sealed partial class OrganisationGrain : JournaledGrain<OrganisationState, OrganisationEvent>, IOrganisationGrain
{
    /// <summary>The longest name accepted.</summary>
    public const int MaxNameLength = 200;

    /// <inheritdoc />
    protected override object? ReadModel => State.Exists ? Details() : null;

    /// <inheritdoc />
    public Task<OrganisationDetails> CreateAsync(CreateOrganisation command)
    {
        if (!SlugPattern().IsMatch(Key))
        {
            throw new ValidationException("id", "An organisation id is a lowercase slug of letters, digits and single hyphens, at most 64 characters (for example nhs-england).");
        }

        var name = ValidName(command.Name);
        if (!Enum.IsDefined(command.Kind))
        {
            throw new ValidationException("kind", $"'{command.Kind}' is not a kind of organisation.");
        }

        if (State.Exists)
        {
            throw new ConflictException($"The organisation '{Key}' exists already.");
        }

        Raise(new OrganisationCreated(name, command.Kind, command.EstablishedOn));
        return Task.FromResult(Details());
    }

    /// <inheritdoc />
    public Task<OrganisationDetails> RenameAsync(RenameOrganisation command)
    {
        EnsureExists();
        var name = ValidName(command.Name);
        if (name == State.Name)
        {
            throw new RuleViolationException($"The organisation is already called '{name}'.");
        }

        var lastRename = State.FormerNames.Count > 0 ? State.FormerNames[^1].Until : (DateOnly?)null;
        if (command.EffectiveOn < (lastRename ?? State.EstablishedOn ?? DateOnly.MinValue))
        {
            throw new RuleViolationException($"A rename cannot take effect before the organisation's last change of name or establishment ({lastRename ?? State.EstablishedOn:yyyy-MM-dd}).");
        }

        Raise(new OrganisationRenamed(name, command.EffectiveOn));
        return Task.FromResult(Details());
    }

    /// <inheritdoc />
    public Task<OrganisationDetails> GetAsync()
    {
        EnsureExists();
        return Task.FromResult(Details());
    }

    private void EnsureExists()
    {
        if (!State.Exists)
        {
            throw new NotFoundException($"There is no organisation '{Key}'.");
        }
    }

    private static string ValidName(string? name)
    {
        var trimmed = name?.Trim();
        if (string.IsNullOrEmpty(trimmed))
        {
            throw new ValidationException("name", "A name is required.");
        }

        if (trimmed.Length > MaxNameLength)
        {
            throw new ValidationException("name", $"A name is at most {MaxNameLength} characters.");
        }

        return trimmed;
    }

    private OrganisationDetails Details() => new()
    {
        Id = Key,
        Name = State.Name,
        Kind = State.Kind,
        EstablishedOn = State.EstablishedOn,
        FormerNames = State.FormerNames,
        Version = Version,
    };

    [GeneratedRegex("^(?=.{1,64}$)[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial Regex SlugPattern();
}

using BoardDesk.Grains;

namespace BoardDesk.Organisations;

/// <summary>A member organisation, national body, network or programme; keyed by its slug (<c>nhs-england</c>).</summary>
[Alias("BoardDesk.Organisations.IOrganisationGrain")]
public interface IOrganisationGrain : IGrainWithStringKey
{
    /// <summary>Creates the organisation; refused when it exists already.</summary>
    [Alias("CreateAsync")]
    Task<OrganisationDetails> CreateAsync(CreateOrganisation command);

    /// <summary>Renames the organisation from a date; the old name is kept and still finds it.</summary>
    [Alias("RenameAsync")]
    Task<OrganisationDetails> RenameAsync(RenameOrganisation command);

    /// <summary>The organisation as it is now; <see cref="NotFoundException"/> when it does not exist.</summary>
    [Alias("GetAsync")]
    Task<OrganisationDetails> GetAsync();

    /// <summary>Throws the domain exception that applying <paramref name="change"/> now would throw; changes nothing.</summary>
    [Alias("CheckChangeAsync")]
    Task CheckChangeAsync(OrganisationChange change);

    /// <summary>Applies one effect of a machinery-of-government operation; an effect id already applied is ignored.</summary>
    [Alias("ApplyChangeAsync")]
    Task<OrganisationDetails> ApplyChangeAsync(OrganisationChange change);

    /// <summary>The organisation's journal, oldest first.</summary>
    [Alias("GetHistoryAsync")]
    Task<IReadOnlyList<OrganisationHistoryEntry>> GetHistoryAsync();
}

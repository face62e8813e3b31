using BoardDesk.Grains;

namespace BoardDesk.Organisations;

/// <summary>A member organisation, national body, network or programme; keyed by its slug (<c>nhs-england</c>).</summary>
public interface IOrganisationGrain : IGrainWithStringKey
{
    /// <summary>Creates the organisation; refused when it exists already.</summary>
    Task<OrganisationDetails> CreateAsync(CreateOrganisation command);

    /// <summary>Renames the organisation from a date; the old name is kept and still finds it.</summary>
    Task<OrganisationDetails> RenameAsync(RenameOrganisation command);

    /// <summary>The organisation as it is now; <see cref="NotFoundException"/> when it does not exist.</summary>
    Task<OrganisationDetails> GetAsync();
}

using BoardDesk.Grains;

namespace BoardDesk.Organisations;

/// <summary>
/// One machinery-of-government operation, keyed by its operation id. It validates the command, records every
/// effect durably, then applies them to the organisations involved; if the process dies half way, a reminder
/// finishes the job on restart. Sending the same command again under the same id returns the same operation.
/// </summary>
[Alias("BoardDesk.Organisations.IOrganisationChangeGrain")]
public interface IOrganisationChangeGrain : IGrainWithStringKey
{
    /// <summary>Renames an organisation from a date.</summary>
    [Alias("RenameAsync")]
    Task<OrganisationChangeDetails> RenameAsync(string organisationId, RenameOrganisation command);

    /// <summary>Merges organisations into a new or existing one.</summary>
    [Alias("MergeAsync")]
    Task<OrganisationChangeDetails> MergeAsync(MergeOrganisations command);

    /// <summary>Moves a function from one organisation to another.</summary>
    [Alias("TransferFunctionAsync")]
    Task<OrganisationChangeDetails> TransferFunctionAsync(TransferFunction command);

    /// <summary>Ceases an organisation, handing its functions to named successors.</summary>
    [Alias("CeaseAsync")]
    Task<OrganisationChangeDetails> CeaseAsync(CeaseOrganisation command);

    /// <summary>Tries an operation that stopped after a refusal again from the refused effect; <see cref="RuleViolationException"/> unless it stopped.</summary>
    [Alias("ResumeAsync")]
    Task<OrganisationChangeDetails> ResumeAsync();

    /// <summary>The operation; <see cref="NotFoundException"/> when nothing was recorded under this id.</summary>
    [Alias("GetAsync")]
    Task<OrganisationChangeDetails> GetAsync();
}

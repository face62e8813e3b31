using System.Security.Cryptography;
using System.Text.Json;
using BoardDesk.Accounts;
using BoardDesk.Grains;
using BoardDesk.Organisations;
using BoardDesk.Runtime;
using BoardDesk.Runtime.Storage;
using Microsoft.Extensions.Options;

namespace BoardDesk.Server.Infrastructure;

/// <summary>
/// Loads the LDIB 2015 sample data (the <c>samples/ldib-2015</c> folder) on the first start with an empty store.
/// It runs after the grain runtime has started, and each item is created only if it does not exist yet, so a start
/// that was interrupted half way finishes the job the next time.
/// </summary>
internal sealed class SampleData(
    IGrainFactory grains,
    IJournalStore store,
    IOptions<BoardDeskOptions> options,
    ILogger<SampleData> logger) : IHostedService
{
    private const string MarkerGrainType = "organisation";

    public static string Folder => Path.Combine(AppContext.BaseDirectory, "samples", "ldib-2015");

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (!options.Value.LoadSamples || (await store.ListGrainsAsync(MarkerGrainType, cancellationToken)).Count > 0)
        {
            return;
        }

        var organisations = await ReadAsync<SampleOrganisation>("organisations.json", cancellationToken);
        using (ActingUser.Begin(ActingUser.System))
        {
            foreach (var organisation in organisations)
            {
                var grain = grains.GetGrain<IOrganisationGrain>(organisation.Id);
                try
                {
                    await grain.CreateAsync(new CreateOrganisation(organisation.Name, organisation.Kind, organisation.EstablishedOn));
                }
                catch (ConflictException)
                {
                    // Created by an earlier, interrupted start.
                }
            }
        }

        var accounts = await CreateAccountsAsync(cancellationToken);
        logger.LogInformation("Loaded the LDIB 2015 sample data: {Organisations} organisations, {Accounts} accounts", organisations.Count, accounts);
    }

    /// <summary>One account per role on the LDIB, and an administrator; they exist only with the sample data.</summary>
    private async Task<int> CreateAccountsAsync(CancellationToken cancellationToken)
    {
        var accounts = await ReadAsync<SampleAccount>("accounts.json", cancellationToken);
        var password = options.Value.SamplePassword;
        if (string.IsNullOrEmpty(password))
        {
            password = Convert.ToBase64String(RandomNumberGenerator.GetBytes(12)).Replace('+', 'x').Replace('/', 'y');
            logger.LogWarning(
                "The sample accounts ({Accounts}) have the generated password {Password} . It is shown this once; set BoardDesk:SamplePassword to choose it.",
                string.Join(", ", accounts.Select(a => a.UserName)),
                password);
        }

        using (ActingUser.Begin(ActingUser.System))
        {
            foreach (var sample in accounts)
            {
                var account = grains.GetGrain<IAccountGrain>(sample.UserName);
                try
                {
                    await account.CreateAsync(new CreateAccount(sample.DisplayName, password, sample.SystemAdministrator));
                }
                catch (ConflictException)
                {
                    continue; // Created by an earlier, interrupted start.
                }

                if (sample.Role is { } role)
                {
                    await account.GrantBoardRoleAsync(new BoardRoleGrant("ldib", role, sample.OrganisationId));
                }
            }
        }

        return accounts.Count;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private static async Task<IReadOnlyList<T>> ReadAsync<T>(string file, CancellationToken cancellationToken)
    {
        await using var stream = File.OpenRead(Path.Combine(Folder, file));
        return await JsonSerializer.DeserializeAsync<List<T>>(stream, JournalJson.Options, cancellationToken)
            ?? throw new InvalidDataException($"The sample file {file} is empty.");
    }

    private sealed record SampleAccount(string UserName, string DisplayName, bool SystemAdministrator, BoardRole? Role, string? OrganisationId);

    private sealed record SampleOrganisation(string Id, string Name, OrganisationKind Kind, DateOnly? EstablishedOn);
}

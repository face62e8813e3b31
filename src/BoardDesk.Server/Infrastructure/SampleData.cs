using System.Security.Cryptography;
using System.Text.Json;
using BoardDesk.Accounts;
using BoardDesk.Grains;
using BoardDesk.Organisations;
using BoardDesk.Recommendations;
using BoardDesk.Reviews;
using BoardDesk.Persistence;
using BoardDesk.Persistence.Storage;
using BoardDesk;
using Microsoft.Extensions.Options;

namespace BoardDesk.Server.Infrastructure;

/// <summary>
/// Loads the LDIB 2015 sample data (the <c>samples/ldib-2015</c> folder: organisations, then the reviews in
/// <c>reviews/</c> with their recommendations and links) on a start that finds no organisations or no reviews.
/// It runs after the Orleans silo has started, and each item is created only if it does not exist yet, so a start
/// that was interrupted half way finishes the job the next time. When the story is replayed after it
/// (<see cref="SampleLoad.Story"/>), each part is journaled on its date: the organisations on 1 July 2015, each
/// review on its publication date, the accounts on 1 October 2015.
/// </summary>
internal sealed class SampleData(
    IGrainFactory grains,
    IJournalStore store,
    IOptions<BoardDeskOptions> options,
    [FromKeyedServices(BoardDeskClock.Key)] TimeProvider clock,
    ILogger<SampleData> logger) : IHostedService
{
    public static string Folder => Path.Combine(AppContext.BaseDirectory, "samples", "ldib-2015");

    /// <summary>When the organisations of the story are recorded: the month both reviews were published.</summary>
    public static readonly DateTimeOffset OrganisationsRecordedAt = UkTime.At(new DateOnly(2015, 7, 1), new TimeOnly(9, 0));

    /// <summary>When the accounts and boards of the story are recorded: the start of the LDIB's first month.</summary>
    public static readonly DateTimeOffset BoardsRecordedAt = UkTime.At(new DateOnly(2015, 10, 1), new TimeOnly(9, 0));

    /// <summary>
    /// A scope in which the domain clock reads <paramref name="at"/>, when the story is replayed on the silo's own
    /// clock; otherwise (base samples, or a clock a test set) nothing changes.
    /// </summary>
    public static IDisposable? On(BoardDeskOptions options, TimeProvider clock, DateTimeOffset at) =>
        options.Samples == SampleLoad.Story && clock is ReplayClock replay ? replay.At(at) : null;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (options.Value.Samples == SampleLoad.None
            || ((await store.ListGrainsAsync("organisation", cancellationToken)).Count > 0 && (await store.ListGrainsAsync("review", cancellationToken)).Count > 0))
        {
            return;
        }

        var organisations = await ReadAsync<List<SampleOrganisation>>("organisations.json", cancellationToken);
        var reviews = new List<SampleReview>();
        foreach (var file in Directory.GetFiles(Path.Combine(Folder, "reviews"), "*.json").Order(StringComparer.Ordinal))
        {
            reviews.Add(await ReadAsync<SampleReview>(Path.Combine("reviews", Path.GetFileName(file)), cancellationToken));
        }

        using (ActingUser.Begin(ActingUser.System))
        {
            using (On(options.Value, clock, OrganisationsRecordedAt))
            {
                foreach (var organisation in organisations)
                {
                    await CreateOnceAsync(() => grains.GetGrain<IOrganisationGrain>(organisation.Id)
                        .CreateAsync(new CreateOrganisation(organisation.Name, organisation.Kind, organisation.EstablishedOn, organisation.Functions)));
                }
            }

            foreach (var review in reviews)
            {
                using (On(options.Value, clock, UkTime.At(review.PublishedOn, new TimeOnly(10, 0))))
                {
                    await LoadReviewAsync(review);
                }
            }

            using var links = On(options.Value, clock, UkTime.At(reviews.Max(r => r.PublishedOn), new TimeOnly(11, 0)));
            foreach (var review in reviews)
            {
                foreach (var recommendation in review.Recommendations.Where(r => r.Related is { Count: > 0 }))
                {
                    foreach (var related in recommendation.Related!)
                    {
                        await grains.GetGrain<IRecommendationGrain>($"{review.Id}/{recommendation.Number}").LinkAsync(related);
                    }
                }
            }
        }

        var accounts = await CreateAccountsAsync(cancellationToken);
        await SampleInterests.LoadAsync(grains, Folder, cancellationToken);
        logger.LogInformation(
            "Loaded the LDIB 2015 sample data: {Organisations} organisations, {Reviews} reviews, {Recommendations} recommendations, {Accounts} accounts",
            organisations.Count, reviews.Count, reviews.Sum(r => r.Recommendations.Count), accounts);
    }

    /// <summary>One account per seat and role on the LDIB, the NQB's secretariat, and an administrator; they exist only with the sample data.</summary>
    private async Task<int> CreateAccountsAsync(CancellationToken cancellationToken)
    {
        var accounts = await ReadAsync<List<SampleAccount>>("accounts.json", cancellationToken);
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
        using (On(options.Value, clock, BoardsRecordedAt))
        {
            foreach (var sample in accounts)
            {
                var account = grains.GetGrain<IAccountGrain>(sample.UserName);
                try
                {
                    await account.CreateAsync(new CreateAccount(sample.DisplayName, password, sample.SystemAdministrator, sample.Email));
                }
                catch (ConflictException)
                {
                    continue; // Created by an earlier, interrupted start.
                }

                if (sample.Role is { } role)
                {
                    foreach (var board in (sample.AlsoOn ?? []).Prepend(sample.BoardId ?? "ldib"))
                    {
                        await account.GrantBoardRoleAsync(new BoardRoleGrant(board, role, sample.OrganisationId));
                    }
                }
            }
        }

        return accounts.Count;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private async Task LoadReviewAsync(SampleReview review)
    {
        await CreateOnceAsync(() => grains.GetGrain<IReviewGrain>(review.Id)
            .CreateAsync(new CreateReview(review.Title, review.Lead, review.PublishedOn, review.PublishedPrecision, review.Source, review.StatedRecommendationCount)));
        foreach (var recommendation in review.Recommendations)
        {
            // Owners named in the samples hold from the review's publication.
            await CreateOnceAsync(() => grains.GetGrain<IRecommendationGrain>($"{review.Id}/{recommendation.Number}").CreateAsync(new CreateRecommendation(
                recommendation.Text,
                recommendation.Heading,
                recommendation.Response,
                recommendation.ResponseRationale,
                recommendation.LeadOwner,
                recommendation.SupportingOwners,
                review.PublishedOn)));
        }
    }

    private static async Task CreateOnceAsync<T>(Func<Task<T>> create)
    {
        try
        {
            await create();
        }
        catch (ConflictException)
        {
            // Created by an earlier, interrupted start.
        }
    }

    private static async Task<T> ReadAsync<T>(string file, CancellationToken cancellationToken)
    {
        await using var stream = File.OpenRead(Path.Combine(Folder, file));
        return await JsonSerializer.DeserializeAsync<T>(stream, JournalJson.Options, cancellationToken)
            ?? throw new InvalidDataException($"The sample file {file} is empty.");
    }

    private sealed record SampleAccount(string UserName, string DisplayName, bool SystemAdministrator, BoardRole? Role, string? OrganisationId, string? BoardId = null, IReadOnlyList<string>? AlsoOn = null, string? Email = null);

    private sealed record SampleOrganisation(string Id, string Name, OrganisationKind Kind, DateOnly? EstablishedOn, IReadOnlyList<string>? Functions);

    private sealed record SampleReview(
        string Id,
        string Title,
        string Lead,
        DateOnly PublishedOn,
        DatePrecision PublishedPrecision,
        string? Source,
        int? StatedRecommendationCount,
        IReadOnlyList<SampleRecommendation> Recommendations);

    private sealed record SampleRecommendation(
        int Number,
        string Text,
        string? Heading,
        GovernmentResponse? Response,
        string? ResponseRationale,
        OwnerRef? LeadOwner,
        IReadOnlyList<OwnerRef>? SupportingOwners,
        IReadOnlyList<string>? Related);
}

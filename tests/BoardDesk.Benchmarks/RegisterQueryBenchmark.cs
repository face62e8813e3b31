using System.Diagnostics;
using Bogus;
using BoardDesk.Organisations;
using BoardDesk.Recommendations;
using BoardDesk.Reviews;
using BoardDesk.Testing;

namespace BoardDesk.Benchmarks;

/// <summary>
/// (c) Register queries over 10,000 recommendations (fewer in a quick run): <see cref="RecommendationRegister.QueryAsync"/> (read-model
/// documents held in memory, owners resolved through lineage, counts and a page) against the same filter, sort,
/// counts and page written as plain LINQ over a <see cref="List{T}"/> of the same documents.
/// </summary>
public static class RegisterQueryBenchmark
{
    private const int Reviews = 10;
    private const int Organisations = 20;
    private static readonly string[] Headings = ["Training", "Performance management", "Bureaucracy", "Management support", "Overarching"];

    /// <summary>Builds a register of <paramref name="recommendations"/> in a temporary folder and reports each query against its baseline.</summary>
    public static async Task RunAsync(Report report, int recommendations, TimeSpan duration)
    {
        using var folder = new TemporaryFolder();
        await using var host = await GrainHost.StartAsync(new GrainHostOptions(folder.File("register.db")));
        var build = Stopwatch.StartNew();
        await SeedAsync(host, recommendations);
        build.Stop();

        var register = new RecommendationRegister(host.ReadModels, host.Grains);
        var documents = (await host.ReadModels.AllAsync<RecommendationDetails>()).ToList();
        var lineage = new OwnershipLineage(await host.ReadModels.AllAsync<OrganisationDetails>());
        var currentOwner = documents.Where(d => d.LeadOwner is not null).Select(d => (d.LeadOwner!, d.OwnersSince)).Distinct()
            .ToDictionary(o => o, o => lineage.Resolve(o.Item1, assignedOn: o.OwnersSince).OrganisationId);

        var queries = new (string Name, RegisterQuery Query, Func<RecommendationDetails, bool> Filter)[]
        {
            ("first page, no filter", new RegisterQuery(), _ => true),
            ("review + response", new RegisterQuery { ReviewId = "review-3", Response = GovernmentResponse.AcceptedInFull },
                d => d.ReviewId == "review-3" && d.Response == GovernmentResponse.AcceptedInFull),
            ("owner with inherited", new RegisterQuery { OwnerId = "org-2" },
                d => d.LeadOwner is { } lead && currentOwner[(lead, d.OwnersSince)] == "org-2"),
            ("status + RAG", new RegisterQuery { Status = ImplementationStatus.InProgress, Rag = RagRating.Red },
                d => d.Status == ImplementationStatus.InProgress && d.Rag == RagRating.Red),
            ("text", new RegisterQuery { Text = "strategy" },
                d => d.Text.Contains("strategy", StringComparison.OrdinalIgnoreCase) || (d.Heading?.Contains("strategy", StringComparison.OrdinalIgnoreCase) ?? false)),
        };

        Report.Note($"built {documents.Count:N0} recommendations in {Reviews} reviews, {Organisations} organisations (two merged), in {build.Elapsed.TotalSeconds:F1} s");
        foreach (var (name, query, filter) in queries)
        {
            var matches = (await register.QueryAsync(query)).Total;
            var baselineMatches = Baseline(documents, filter, query).Total;
            if (matches != baselineMatches)
            {
                throw new InvalidOperationException($"The register found {matches} for '{name}' and the baseline {baselineMatches}.");
            }

            // Best of three runs each, interleaved so that a busy moment on the machine hits both alike.
            var registerRate = 0.0;
            var baselineRate = 0.0;
            for (var run = 0; run < 3; run++)
            {
                registerRate = Math.Max(registerRate, await MeasureAsync(async () => (await register.QueryAsync(query)).Total, duration));
                baselineRate = Math.Max(baselineRate, await MeasureAsync(() => Task.FromResult(Baseline(documents, filter, query).Total), duration));
            }

            report.Add(new Figure("(c)", $"register: {name}",
                $"{registerRate,9:N0} queries/s", $"LINQ over List {baselineRate:N0}/s", $"{registerRate / baselineRate:F2}x", null, null,
                $"{matches:N0} matches, {1000 / registerRate:F2} ms a query; the register's rate as a share of the same query written as plain LINQ"));
        }
    }

    /// <summary>The same filter, order, counts and page over a plain list.</summary>
    private static (int Total, List<RecommendationDetails> Page, Dictionary<string, int> ByResponse, Dictionary<string, int> ByStatus) Baseline(
        List<RecommendationDetails> documents, Func<RecommendationDetails, bool> filter, RegisterQuery query)
    {
        var matches = documents.Where(filter).OrderBy(d => d.ReviewId, StringComparer.Ordinal).ThenBy(d => d.Number).ToList();
        var byResponse = matches.GroupBy(d => d.Response?.ToString() ?? "None").ToDictionary(g => g.Key, g => g.Count());
        var byStatus = matches.GroupBy(d => d.Status.ToString()).ToDictionary(g => g.Key, g => g.Count());
        return (matches.Count, matches.Skip((query.Page - 1) * query.PageSize).Take(query.PageSize).ToList(), byResponse, byStatus);
    }

    private static async Task<double> MeasureAsync(Func<Task<int>> query, TimeSpan duration)
    {
        for (var i = 0; i < 10; i++)
        {
            await query();
        }

        var count = 0;
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < duration)
        {
            await query();
            count++;
        }

        return count / clock.Elapsed.TotalSeconds;
    }

    private static async Task SeedAsync(GrainHost host, int recommendations)
    {
        for (var o = 0; o < Organisations; o++)
        {
            await host.Grains.GetGrain<IOrganisationGrain>($"org-{o}").CreateAsync(new CreateOrganisation($"Organisation {o}", OrganisationKind.ArmsLengthBody));
        }

        for (var r = 0; r < Reviews; r++)
        {
            await host.Grains.GetGrain<IReviewGrain>($"review-{r}").CreateAsync(new CreateReview($"Review {r}", $"Lead {r}", new DateOnly(2015, 1, 1).AddMonths(r)));
        }

        Randomizer.Seed = new Random(2015);
        var faker = new Faker("en");
        var rows = Enumerable.Range(0, recommendations).Select(i => (
            Id: $"review-{i % Reviews}/{i / Reviews + 1}",
            Command: new CreateRecommendation(
                faker.Lorem.Sentence(12) + (faker.Random.Bool(0.1f) ? " A national strategy is needed." : ""),
                faker.PickRandom(Headings),
                faker.PickRandom<GovernmentResponse>(),
                faker.Lorem.Sentence(),
                new OwnerRef($"org-{faker.Random.Int(0, Organisations - 1)}"),
                null,
                new DateOnly(2015, 7, 1),
                faker.PickRandom<ImplementationStatus>() is var status && status == ImplementationStatus.Complete ? ImplementationStatus.InProgress : status,
                faker.PickRandom<RagRating>(),
                faker.Random.Int(0, 90)))).ToList();

        // Many creations in flight at once, so the store commits them in groups as the server would under load.
        await Parallel.ForEachAsync(rows, new ParallelOptions { MaxDegreeOfParallelism = 64 }, async (row, _) =>
            await host.Grains.GetGrain<IRecommendationGrain>(row.Id).CreateAsync(row.Command));

        await host.Grains.GetGrain<IOrganisationChangeGrain>("merge-0-1").MergeAsync(new MergeOrganisations(["org-0", "org-1"], "org-2", new DateOnly(2016, 4, 1)));
    }
}

using BoardDesk.Organisations;
using BoardDesk.Recommendations;
using BoardDesk.Reviews;
using BoardDesk.Testing;

namespace BoardDesk.Grains.Tests.Operations;

/// <summary>States with effect ledgers, polymorphic effects and owner histories survive being snapshotted and reloaded.</summary>
public sealed class SnapshotRoundTripTests : IDisposable
{
    private static readonly DateOnly Merger = new(2016, 4, 1);
    private readonly TemporaryFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task ShouldReloadTheSameStates_WhenTheGrainsWereSnapshottedAfterEveryTwoEvents()
    {
        OrganisationDetails improvement;
        OrganisationChangeDetails merger;
        RecommendationDetails smith9;
        RecommendationImportDetails import;
        await using (var host = await StartAsync())
        {
            var grains = host.Grains;
            await grains.GetGrain<IOrganisationGrain>("monitor").CreateAsync(new CreateOrganisation("Monitor", OrganisationKind.ArmsLengthBody, null, ["Talent management"]));
            await grains.GetGrain<IOrganisationGrain>("nhs-tda").CreateAsync(new CreateOrganisation("NHS TDA", OrganisationKind.ArmsLengthBody));
            await grains.GetGrain<IOrganisationGrain>("hee").CreateAsync(new CreateOrganisation("HEE", OrganisationKind.ArmsLengthBody));
            merger = await grains.GetGrain<IOrganisationChangeGrain>("merger").MergeAsync(new MergeOrganisations(["monitor", "nhs-tda"], "nhs-improvement", Merger, "NHS Improvement", OrganisationKind.ArmsLengthBody));
            await grains.GetGrain<IOrganisationChangeGrain>("transfer").TransferFunctionAsync(new TransferFunction("Talent management", "nhs-improvement", "hee", Merger.AddDays(1)));
            improvement = await grains.GetGrain<IOrganisationGrain>("nhs-improvement").GetAsync();

            await grains.GetGrain<IReviewGrain>("smith-2015").CreateAsync(new CreateReview("Smith review", "Ed Smith", new DateOnly(2015, 7, 1)));
            import = await grains.GetGrain<IRecommendationImportGrain>("import").ImportAsync("smith-2015",
                [new RecommendationImportRow(2, 9, new CreateRecommendation("Nine", LeadOwner: new OwnerRef("monitor"), OwnersEffectiveOn: new DateOnly(2015, 7, 1)))]);
            var nine = grains.GetGrain<IRecommendationGrain>("smith-2015/9");
            await nine.AssignOwnersAsync(new AssignOwners(new OwnerRef("nhs-improvement"), new DateOnly(2015, 11, 1), [new OwnerRef("hee", "Talent management")]));
            await nine.RecordProgressAsync(new RecordProgress(new DateOnly(2016, 1, 1), "Started", ImplementationStatus.InProgress, RagRating.Amber, 10));
            smith9 = await nine.GetAsync();
        }

        await using var restarted = await StartAsync();

        (await restarted.Grains.GetGrain<IOrganisationGrain>("nhs-improvement").GetAsync()).Should().BeEquivalentTo(improvement);
        (await restarted.Grains.GetGrain<IOrganisationChangeGrain>("merger").GetAsync()).Should().BeEquivalentTo(merger, o => o.RespectingRuntimeTypes());
        (await restarted.Grains.GetGrain<IRecommendationGrain>("smith-2015/9").GetAsync()).Should().BeEquivalentTo(smith9);
        (await restarted.Grains.GetGrain<IRecommendationImportGrain>("import").GetAsync()).Should().BeEquivalentTo(import);
        var repeat = await restarted.Grains.GetGrain<IOrganisationGrain>("hee").ApplyChangeAsync(
            new FunctionArrival { EffectId = "transfer/2", OrganisationId = "hee", EffectiveOn = Merger.AddDays(1), Function = "Talent management", FromId = "nhs-improvement" });
        repeat.Functions.Should().ContainSingle("the effect ledger survives the snapshot, so the repeat is ignored");
    }

    private Task<GrainHost> StartAsync() => GrainHost.StartAsync(_folder.File("grains.db"), o => o.SnapshotInterval = 2);
}

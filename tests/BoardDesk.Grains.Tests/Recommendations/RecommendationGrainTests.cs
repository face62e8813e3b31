using BoardDesk.Organisations;
using BoardDesk.Recommendations;
using BoardDesk.Reviews;
using BoardDesk.Testing;

namespace BoardDesk.Grains.Tests.Recommendations;

public sealed class RecommendationGrainTests : IAsyncLifetime
{
    private readonly TemporaryFolder _folder = new();
    private GrainHost _host = null!;

    public async Task InitializeAsync()
    {
        _host = await GrainHost.StartAsync(_folder.File("grains.db"));
        await _host.Grains.GetGrain<IReviewGrain>("smith-2015").CreateAsync(new CreateReview("Smith review", "Ed Smith", new DateOnly(2015, 7, 1), DatePrecision.Month));
        await _host.Grains.GetGrain<IReviewGrain>("rose-2015").CreateAsync(new CreateReview("Rose review", "Lord Rose", new DateOnly(2015, 7, 1), DatePrecision.Month));
        foreach (var (id, name) in new[] { ("monitor", "Monitor"), ("nhs-tda", "NHS TDA"), ("nhs-improvement", "NHS Improvement"), ("nhs-leadership-academy", "NHS Leadership Academy") })
        {
            await _host.Grains.GetGrain<IOrganisationGrain>(id).CreateAsync(new CreateOrganisation(name, OrganisationKind.ArmsLengthBody));
        }
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        _folder.Dispose();
    }

    [Fact]
    public async Task ShouldAnswerTheOwnersInForceOnEachDate_WhenOwnersChangeOverTime()
    {
        var smith9 = await CreateAsync("smith-2015/9", new OwnerRef("nhs-leadership-academy"));
        await smith9.AssignOwnersAsync(new AssignOwners(new OwnerRef("nhs-improvement"), new DateOnly(2015, 11, 1), [new OwnerRef("monitor")]));

        (await smith9.GetOwnersOnAsync(new DateOnly(2015, 6, 30))).Should().BeNull();
        (await smith9.GetOwnersOnAsync(new DateOnly(2015, 9, 1)))!.Lead.Should().Be(new OwnerRef("nhs-leadership-academy"));
        var now = await smith9.GetOwnersOnAsync(new DateOnly(2016, 1, 1));
        now!.Lead.Should().Be(new OwnerRef("nhs-improvement"));
        now.Supporting.Should().Equal(new OwnerRef("monitor"));
        var details = await smith9.GetAsync();
        details.OriginalLeadOwner.Should().Be(new OwnerRef("nhs-leadership-academy"));
        details.OwnerHistory.Should().HaveCount(2);
    }

    [Fact]
    public async Task ShouldRebuildTheSameRegisterDocument_WhenTheJournalIsReplayed()
    {
        var smith12 = await CreateAsync("smith-2015/12", new OwnerRef("monitor"));
        await CreateAsync("rose-2015/4", null);
        using (BoardDesk.Grains.ActingUser.Begin("alice"))
        {
            await smith12.RecordProgressAsync(new RecordProgress(new DateOnly(2016, 4, 1), "The academy has moved to HEE", ImplementationStatus.Complete, RagRating.Green));
        }

        await smith12.LinkAsync("rose-2015/4");
        await smith12.RecordResponseAsync(new RecordResponse(GovernmentResponse.AcceptedInPart, "The academy will become part of HEE"));

        var journal = await _host.ReadHistoryAsync(new JournalId("recommendation", "smith-2015/12"));
        var replayed = journal.Aggregate(RecommendationState.Empty, (state, entry) => state.Apply((RecommendationEvent)entry.Event));
        var rebuilt = RecommendationGrain.Project("smith-2015/12", replayed, journal[^1].Sequence);
        var published = await _host.ReadModels.FindAsync<RecommendationDetails>("smith-2015/12");

        rebuilt.Should().BeEquivalentTo(published);
        rebuilt.ProgressUpdates.Should().ContainSingle().Which.Should().Be(new ProgressUpdate(new DateOnly(2016, 4, 1), "The academy has moved to HEE", "alice", ImplementationStatus.Complete, RagRating.Green, 100));
        (await _host.Grains.GetGrain<IRecommendationGrain>("rose-2015/4").GetAsync()).Related.Should().Equal("smith-2015/12");
    }

    [Fact]
    public async Task ShouldListInheritedRecommendationsUnderTheSuccessor_WhenTheOwnerMerged()
    {
        await CreateAsync("smith-2015/1", new OwnerRef("monitor"));
        await CreateAsync("smith-2015/2", new OwnerRef("nhs-tda"));
        await CreateAsync("smith-2015/9", new OwnerRef("nhs-improvement"));
        await CreateAsync("smith-2015/14", new OwnerRef("nhs-leadership-academy"));
        await _host.Grains.GetGrain<IOrganisationChangeGrain>("merger").MergeAsync(new MergeOrganisations(["monitor", "nhs-tda"], "nhs-improvement", new DateOnly(2016, 4, 1)));
        var register = new RecommendationRegister(_host.ReadModels, _host.Grains);

        var inherited = await register.QueryAsync(new RegisterQuery { OwnerId = "nhs-improvement" });
        var recorded = await register.QueryAsync(new RegisterQuery { OwnerId = "nhs-improvement", IncludeInherited = false });
        var before = await register.OwnersOnAsync("smith-2015/1", new DateOnly(2016, 3, 31));

        inherited.Items.Select(i => (i.Recommendation.Id, i.CurrentLeadOwner!.Inherited)).Should().Equal(("smith-2015/1", true), ("smith-2015/2", true), ("smith-2015/9", false));
        recorded.Items.Select(i => i.Recommendation.Id).Should().Equal("smith-2015/9");
        before.LeadOwner.Should().Be(new ResolvedOwner("monitor", "Monitor", false));
    }

    [Fact]
    public async Task ShouldPageInReviewAndNumberOrder_WhenThePageIsSmallerThanTheMatches()
    {
        foreach (var number in Enumerable.Range(1, 13).Reverse())
        {
            await CreateAsync($"smith-2015/{number}", null);
            await CreateAsync($"rose-2015/{number}", null);
        }

        var register = new RecommendationRegister(_host.ReadModels, _host.Grains);
        var expected = Enumerable.Range(1, 13).Select(n => $"rose-2015/{n}").Concat(Enumerable.Range(1, 13).Select(n => $"smith-2015/{n}")).ToList();

        foreach (var (page, size) in new[] { (1, 3), (2, 3), (3, 4), (2, 20), (9, 3) })
        {
            var answer = await register.QueryAsync(new RegisterQuery { Page = page, PageSize = size });
            answer.Total.Should().Be(26);
            answer.Items.Select(i => i.Recommendation.Id).Should().Equal(expected.Skip((page - 1) * size).Take(size), $"page {page} of {size}");
        }
    }

    [Fact]
    public async Task ShouldRefuseAndWriteNothing_WhenAnOwnerDoesNotExist()
    {
        var create = () => CreateAsync("smith-2015/3", new OwnerRef("no-such-body"));

        (await create.Should().ThrowAsync<ValidationException>()).Which.Errors.Should().ContainKey("leadOwner");
        var get = () => _host.Grains.GetGrain<IRecommendationGrain>("smith-2015/3").GetAsync();
        await get.Should().ThrowAsync<NotFoundException>();
    }

    private async Task<IRecommendationGrain> CreateAsync(string id, OwnerRef? owner)
    {
        var grain = _host.Grains.GetGrain<IRecommendationGrain>(id);
        await grain.CreateAsync(new CreateRecommendation($"Recommendation {id}", LeadOwner: owner, OwnersEffectiveOn: new DateOnly(2015, 7, 1)));
        return grain;
    }
}

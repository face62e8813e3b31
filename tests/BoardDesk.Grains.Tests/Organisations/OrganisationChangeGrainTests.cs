using BoardDesk.Organisations;
using BoardDesk.Testing;

namespace BoardDesk.Grains.Tests.Organisations;

public sealed class OrganisationChangeGrainTests : IAsyncLifetime
{
    private static readonly DateOnly Merger = new(2016, 4, 1);
    private readonly TemporaryFolder _folder = new();
    private GrainHost _host = null!;

    public async Task InitializeAsync()
    {
        _host = await GrainHost.StartAsync(_folder.File("grains.db"));
        await Create("nhs-england", "NHS England", OrganisationKind.NationalBody, "NHS Leadership Academy");
        await Create("hee", "Health Education England", OrganisationKind.ArmsLengthBody);
        await Create("monitor", "Monitor", OrganisationKind.ArmsLengthBody, "Talent management");
        await Create("nhs-tda", "NHS Trust Development Authority", OrganisationKind.ArmsLengthBody);
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        _folder.Dispose();
    }

    [Fact]
    public async Task ShouldApplyTheEffectOnce_WhenTheSameEffectArrivesTwice()
    {
        var hee = _host.Grains.GetGrain<IOrganisationGrain>("hee");
        var effect = new FunctionArrival { EffectId = "op-1/2", OrganisationId = "hee", EffectiveOn = Merger, Function = "Workforce planning", FromId = "dh" };

        var first = await hee.ApplyChangeAsync(effect);
        var second = await hee.ApplyChangeAsync(effect);

        second.Should().BeEquivalentTo(first);
        second.Functions.Should().ContainSingle(f => f.Name == "Workforce planning");
        (await hee.GetHistoryAsync()).Should().ContainSingle(e => e.EffectId == "op-1/2");
    }

    [Fact]
    public async Task ShouldMoveTheFunctionsWithTheMerger_WhenOrganisationsMergeIntoANewOne()
    {
        var operation = _host.Grains.GetGrain<IOrganisationChangeGrain>("merger");

        var done = await operation.MergeAsync(new MergeOrganisations(["monitor", "nhs-tda"], "nhs-improvement", Merger, "NHS Improvement", OrganisationKind.ArmsLengthBody));

        done.Status.Should().Be(OrganisationChangeStatus.Completed);
        done.AppliedEffectIds.Should().Equal(done.Effects.Select(e => e.EffectId));
        var improvement = await _host.Grains.GetGrain<IOrganisationGrain>("nhs-improvement").GetAsync();
        improvement.Functions.Should().Equal(new HostedFunction("Talent management", Merger));
        var monitor = await _host.Grains.GetGrain<IOrganisationGrain>("monitor").GetAsync();
        monitor.Should().BeEquivalentTo(new { Status = OrganisationStatus.Merged, MergedInto = "nhs-improvement", StatusEffectiveOn = Merger });
        monitor.Functions.Should().BeEmpty();
        (await operation.GetAsync()).Should().BeEquivalentTo(done);
    }

    [Fact]
    public async Task ShouldRefuseAndWriteNothing_WhenTheFunctionIsNotHostedByTheSource()
    {
        var operation = _host.Grains.GetGrain<IOrganisationChangeGrain>("transfer");

        var transfer = () => operation.TransferFunctionAsync(new TransferFunction("Talent management", "nhs-england", "hee", Merger));

        await transfer.Should().ThrowAsync<RuleViolationException>().WithMessage("*does not host*");
        var get = () => operation.GetAsync();
        await get.Should().ThrowAsync<NotFoundException>();
        (await _host.Grains.GetGrain<IOrganisationGrain>("hee").GetAsync()).Version.Should().Be(1);
    }

    [Fact]
    public async Task ShouldRefuse_WhenAFunctionWouldHaveTwoHosts()
    {
        var create = () => Create("phe", "Public Health England", OrganisationKind.ArmsLengthBody, "nhs leadership academy");

        await create.Should().ThrowAsync<RuleViolationException>().WithMessage("*hosted by NHS England*");
    }

    [Fact]
    public async Task ShouldRefuseAnyFurtherChange_WhenTheOrganisationHasCeased()
    {
        await _host.Grains.GetGrain<IOrganisationChangeGrain>("cease").CeaseAsync(new CeaseOrganisation("nhs-tda", Merger, SuccessorId: "monitor"));

        var rename = () => _host.Grains.GetGrain<IOrganisationChangeGrain>("rename").RenameAsync("nhs-tda", new RenameOrganisation("TDA", Merger.AddDays(1)));

        await rename.Should().ThrowAsync<RuleViolationException>().WithMessage("*ceased on 2016-04-01*");
        (await _host.Grains.GetGrain<IOrganisationGrain>("monitor").GetAsync()).Predecessors.Should()
            .Equal(new OrganisationLink("nhs-tda", LineageReason.Cessation, Merger));
    }

    private Task<OrganisationDetails> Create(string id, string name, OrganisationKind kind, params string[] functions) =>
        _host.Grains.GetGrain<IOrganisationGrain>(id).CreateAsync(new CreateOrganisation(name, kind, new DateOnly(2013, 4, 1), functions));
}

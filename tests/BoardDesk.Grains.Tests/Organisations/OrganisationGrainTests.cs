using BoardDesk.Grains;
using BoardDesk.Organisations;
using BoardDesk.Testing;

namespace BoardDesk.Grains.Tests.Organisations;

public sealed class OrganisationGrainTests : IAsyncLifetime
{
    private readonly TemporaryFolder _folder = new();
    private GrainHost _host = null!;

    public async Task InitializeAsync() => _host = await GrainHost.StartAsync(_folder.File("grains.db"));

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        _folder.Dispose();
    }

    [Fact]
    public async Task ShouldKeepTheOldName_WhenAnOrganisationIsRenamed()
    {
        var networks = _host.Grains.GetGrain<IOrganisationGrain>("strategic-clinical-networks");
        await networks.CreateAsync(new CreateOrganisation("Strategic clinical networks", OrganisationKind.Network, new DateOnly(2013, 4, 1)));

        var renamed = await networks.RenameAsync(new RenameOrganisation("Clinical networks", new DateOnly(2015, 7, 1)));

        renamed.Name.Should().Be("Clinical networks");
        renamed.FormerNames.Should().Equal(new FormerName("Strategic clinical networks", new DateOnly(2015, 7, 1)));
        renamed.Version.Should().Be(2);
    }

    [Fact]
    public async Task ShouldRefuseAndWriteNothing_WhenAnOrganisationIsCreatedTwice()
    {
        var monitor = _host.Grains.GetGrain<IOrganisationGrain>("monitor");
        await monitor.CreateAsync(new CreateOrganisation("Monitor", OrganisationKind.ArmsLengthBody));

        var again = () => monitor.CreateAsync(new CreateOrganisation("Monitor again", OrganisationKind.ArmsLengthBody));

        await again.Should().ThrowAsync<ConflictException>().WithMessage("*'monitor' exists already*");
        (await monitor.GetAsync()).Name.Should().Be("Monitor");
        (await _host.ReadHistoryAsync(new JournalId("organisation", "monitor"))).Should().ContainSingle();
    }

    [Theory]
    [InlineData("NHS England", "name")]
    [InlineData("", "name")]
    [InlineData("   ", "name")]
    public async Task ShouldNameTheField_WhenACommandIsInvalid(string name, string field)
    {
        var id = name.Length > 0 && char.IsUpper(name[0]) ? "Not A Slug" : "valid-slug";

        var create = () => _host.Grains.GetGrain<IOrganisationGrain>(id).CreateAsync(new CreateOrganisation(name, OrganisationKind.NationalBody));

        var error = (await create.Should().ThrowAsync<ValidationException>()).Which;
        error.Errors.Should().ContainKey(id == "valid-slug" ? field : "id");
        (await _host.ReadHistoryAsync(new JournalId("organisation", id))).Should().BeEmpty();
    }

    [Fact]
    public async Task ShouldRefuse_WhenARenameTakesEffectBeforeTheLastOne()
    {
        var grain = _host.Grains.GetGrain<IOrganisationGrain>("renamed-twice");
        await grain.CreateAsync(new CreateOrganisation("First", OrganisationKind.Programme));
        await grain.RenameAsync(new RenameOrganisation("Second", new DateOnly(2015, 6, 1)));

        var backdated = () => grain.RenameAsync(new RenameOrganisation("Third", new DateOnly(2015, 1, 1)));

        await backdated.Should().ThrowAsync<RuleViolationException>();
        (await grain.GetAsync()).Name.Should().Be("Second");
    }

    [Fact]
    public async Task ShouldAnswerNotFound_WhenTheOrganisationDoesNotExist()
    {
        var missing = () => _host.Grains.GetGrain<IOrganisationGrain>("no-such-body").GetAsync();

        await missing.Should().ThrowAsync<NotFoundException>();
    }

    [Fact]
    public async Task ShouldCreateExactlyOneHost_WhenFiftyOrganisationsAreCreatedAtOnceWithTheSameFunction()
    {
        using var start = new ManualResetEventSlim();
        var creates = Enumerable.Range(1, 50).Select(i => Task.Run(async () =>
        {
            start.Wait();
            // The same name in different cases and spacing: names compare ignoring both.
            var function = i % 2 == 0 ? "Talent management" : "  TALENT MANAGEMENT ";
            try
            {
                await _host.Grains.GetGrain<IOrganisationGrain>($"contender-{i}").CreateAsync(new CreateOrganisation($"Contender {i}", OrganisationKind.Programme, null, [function]));
                return (Id: $"contender-{i}", Refusal: (DomainException?)null);
            }
            catch (DomainException refused)
            {
                return (Id: $"contender-{i}", Refusal: refused);
            }
        })).ToList();
        start.Set();
        var outcomes = await Task.WhenAll(creates);

        var winner = outcomes.Should().ContainSingle(o => o.Refusal == null).Which.Id;
        outcomes.Where(o => o.Refusal != null).Should().HaveCount(49).And.OnlyContain(o =>
            (o.Refusal is ConflictException || o.Refusal is RuleViolationException) && o.Refusal.Message.Contains("transfer it instead"));
        var hosts = (await _host.ReadModels.AllAsync<OrganisationDetails>()).Where(o => o.Functions.Any(f => OrganisationState.SameFunction(f.Name, "talent management")));
        hosts.Should().ContainSingle().Which.Id.Should().Be(winner);
        (await _host.Grains.GetGrain<IFunctionNameGrain>(FunctionNameGrain.KeyOf("Talent Management")).GetHolderAsync()).Should().Be(winner);
        foreach (var loser in outcomes.Where(o => o.Refusal != null))
        {
            (await _host.ReadHistoryAsync(new JournalId("organisation", loser.Id))).Should().BeEmpty("a refused creation writes nothing");
        }
    }

    [Fact]
    public async Task ShouldGiveBackTheNamesItClaimed_WhenACreationIsRefusedForOneOfItsFunctions()
    {
        await _host.Grains.GetGrain<IOrganisationGrain>("first-host").CreateAsync(new CreateOrganisation("First host", OrganisationKind.Programme, null, ["Workforce planning"]));

        var refused = () => _host.Grains.GetGrain<IOrganisationGrain>("second-host").CreateAsync(new CreateOrganisation("Second host", OrganisationKind.Programme, null, ["Analytics", "Workforce planning"]));
        await refused.Should().ThrowAsync<DomainException>().WithMessage("*Workforce planning*First host*transfer it instead*");

        (await _host.Grains.GetGrain<IFunctionNameGrain>(FunctionNameGrain.KeyOf("Analytics")).GetHolderAsync()).Should().BeNull("the refused creation gave back what it had claimed");
        var third = await _host.Grains.GetGrain<IOrganisationGrain>("third-host").CreateAsync(new CreateOrganisation("Third host", OrganisationKind.Programme, null, ["analytics"]));
        third.Functions.Should().ContainSingle().Which.Name.Should().Be("analytics");
    }

    [Fact]
    public async Task ShouldKeepTheNameTaken_WhenTheFunctionHasMovedToAnotherHost()
    {
        await _host.Grains.GetGrain<IOrganisationGrain>("giver").CreateAsync(new CreateOrganisation("Giver", OrganisationKind.Programme, null, ["Leadership academy"]));
        await _host.Grains.GetGrain<IOrganisationGrain>("taker").CreateAsync(new CreateOrganisation("Taker", OrganisationKind.Programme));
        await _host.Grains.GetGrain<IOrganisationChangeGrain>("move-academy").TransferFunctionAsync(new TransferFunction("Leadership academy", "giver", "taker", new DateOnly(2016, 4, 1)));

        var again = () => _host.Grains.GetGrain<IOrganisationGrain>("copycat").CreateAsync(new CreateOrganisation("Copycat", OrganisationKind.Programme, null, ["Leadership Academy"]));

        await again.Should().ThrowAsync<DomainException>().WithMessage("*Taker*transfer it instead*");
    }
}

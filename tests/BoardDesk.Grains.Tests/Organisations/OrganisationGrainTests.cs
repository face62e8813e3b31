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
        (await _host.Runtime.ReadHistoryAsync(new GrainId("organisation", "monitor"))).Should().ContainSingle();
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
        (await _host.Runtime.ReadHistoryAsync(new GrainId("organisation", id))).Should().BeEmpty();
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
}

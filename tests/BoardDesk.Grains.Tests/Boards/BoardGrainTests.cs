using BoardDesk.Boards;
using BoardDesk.Grains;
using BoardDesk.Testing;

namespace BoardDesk.Grains.Tests.Boards;

public sealed class BoardGrainTests : IAsyncLifetime
{
    private readonly TemporaryFolder _folder = new();
    private GrainHost _host = null!;

    public async Task InitializeAsync()
    {
        _host = await GrainHost.StartAsync(_folder.File("grains.db"));
        await LdibSamples.CreateBoardsAsync(_host.Grains);
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        _folder.Dispose();
    }

    [Fact]
    public async Task ShouldHoldTheSixNationalOrganisationsAndTheDepartment_WhenTheLdibSampleIsLoaded()
    {
        var ldib = await _host.Grains.GetGrain<IBoardGrain>("ldib").GetAsync();

        ldib.MemberOrganisations.Should().BeEquivalentTo(["nhs-england", "nhs-tda", "monitor", "hee", "phe", "cqc", "dh"]);
        ldib.Chair.Should().Be("Monitor representative");
        ldib.ViceChair.Should().Be("NHS England representative");
        ldib.Quorum.Should().Be(new QuorumRule { MinimumOrganisations = 4, RequiresChairOrViceChair = true });
        ldib.PaperDeadlineDays.Should().Be(7);
        ldib.Members.Should().ContainSingle(m => !m.Voting).Which.OrganisationId.Should().Be("dh");
    }

    [Fact]
    public async Task ShouldNameEveryFaultAndWriteNothing_WhenTheDefinitionIsInvalid()
    {
        var board = _host.Grains.GetGrain<IBoardGrain>("new-board");

        var create = () => board.CreateAsync(new DefineBoard
        {
            Name = "",
            Members =
            [
                new() { OrganisationId = "no-such-organisation", Name = "A", Office = BoardOffice.ViceChair },
                new() { OrganisationId = "monitor", Name = "a" },
            ],
            Quorum = new QuorumRule { MinimumOrganisations = 3 },
            PaperDeadlineDays = -1,
        });

        (await create.Should().ThrowAsync<ValidationException>()).Which.Errors.Keys.Should().BeEquivalentTo(
            "name", "members[0].organisationId", "members[1].name", "members", "quorum.minimumOrganisations", "paperDeadlineDays");
        await board.Invoking(b => b.GetAsync()).Should().ThrowAsync<NotFoundException>();
    }

    [Fact]
    public async Task ShouldKeepTheEarlierDefinitionInTheHistory_WhenTheBoardIsRevised()
    {
        var ldib = _host.Grains.GetGrain<IBoardGrain>("ldib");
        var before = await ldib.GetAsync();

        var revised = await ldib.ReviseAsync(new DefineBoard
        {
            Name = before.Name,
            Members = before.Members,
            Secretariat = before.Secretariat,
            Quorum = before.Quorum with { MinimumOrganisations = 5 },
            PaperDeadlineDays = 10,
        });

        revised.PaperDeadlineDays.Should().Be(10);
        revised.Version.Should().Be(2);
        (await ldib.GetHistoryAsync()).Select(h => h.Change).Should().Equal("BoardCreated", "BoardRevised");
        await ldib.Invoking(b => b.CreateAsync(new DefineBoard { Name = "Again", Members = before.Members })).Should().ThrowAsync<ConflictException>();
    }
}

using BoardDesk.Accounts;
using BoardDesk.Boards;
using BoardDesk.Decisions;
using BoardDesk.Grains;
using BoardDesk.Organisations;
using BoardDesk.Papers;
using BoardDesk.Recommendations;
using BoardDesk.Reviews;
using BoardDesk.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace BoardDesk.Server.Tests;

/// <summary>
/// Grain calls from an Orleans client in this process to the server's silo in another, through its gateway: every
/// record and refusal crosses the wire serialized, as they do for the command-line tool and for web nodes.
/// </summary>
public sealed class GatewayTests : IAsyncLifetime
{
    private readonly TemporaryFolder _folder = new();
    private ServerProcess? _server;
    private IHost? _client;

    private IClusterClient Grains => _client!.Services.GetRequiredService<IClusterClient>();

    public async Task InitializeAsync()
    {
        var gatewayPort = ServerProcess.FreePort();
        _server = await ServerProcess.StartAsync(_folder.Path, new Dictionary<string, string>
        {
            ["BoardDesk:Cluster:SiloPort"] = ServerProcess.FreePort().ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["BoardDesk:Cluster:GatewayPort"] = gatewayPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
        });
        var builder = Host.CreateApplicationBuilder();
        builder.UseOrleansClient(client => client.UseLocalhostClustering(gatewayPort, serviceId: "boarddesk", clusterId: "boarddesk"));
        _client = builder.Build();
        await _client.StartAsync();
    }

    public async Task DisposeAsync()
    {
        if (_client is not null)
        {
            await _client.StopAsync();
            _client.Dispose();
        }

        _server?.Dispose();
        _folder.Dispose();
    }

    [Fact]
    public async Task ShouldReturnEveryKindOfRecordIntact_WhenGrainsAreCalledThroughTheGateway()
    {
        var monitor = await Grains.GetGrain<IOrganisationGrain>("monitor").GetAsync();
        var board = await Grains.GetGrain<IBoardGrain>("ldib").GetAsync();
        var review = await Grains.GetGrain<IReviewGrain>("smith-2015").GetAsync();
        var smith9 = await Grains.GetGrain<IRecommendationGrain>("smith-2015/9").GetAsync();
        var owners = await Grains.GetGrain<IRecommendationGrain>("smith-2015/9").GetOwnersOnAsync(new DateOnly(2015, 9, 1));
        var history = await Grains.GetGrain<IOrganisationGrain>("monitor").GetHistoryAsync();
        var admin = await Grains.GetGrain<IAccountGrain>("admin").GetAsync();

        monitor.Name.Should().Be("Monitor");
        monitor.Kind.Should().Be(OrganisationKind.ArmsLengthBody);
        board.Members.Should().NotBeEmpty("lists of records cross the wire");
        review.Id.Should().Be("smith-2015");
        smith9.Number.Should().Be(9);
        smith9.Text.Should().Contain("NHS Improvement");
        owners.Should().NotBeNull();
        owners!.EffectiveOn.Should().BeOnOrBefore(new DateOnly(2015, 9, 1));
        history.Should().NotBeEmpty();
        admin.SystemAdministrator.Should().BeTrue();
    }

    [Fact]
    public async Task ShouldKeepTheRefusalsTypeAndFields_WhenAGrainRefusesThroughTheGateway()
    {
        var missing = () => Grains.GetGrain<IPaperGrain>("no-such-paper").GetAsync();
        var invalid = () => Grains.GetGrain<IOrganisationGrain>("gateway-invalid").CreateAsync(new CreateOrganisation("", OrganisationKind.Programme));
        var taken = () => Grains.GetGrain<IOrganisationGrain>("monitor").CreateAsync(new CreateOrganisation("Monitor", OrganisationKind.ArmsLengthBody));

        (await missing.Should().ThrowAsync<NotFoundException>()).Which.Message.Should().Contain("no-such-paper");
        (await invalid.Should().ThrowAsync<ValidationException>()).Which.Errors.Should().ContainKey("name");
        await taken.Should().ThrowAsync<ConflictException>();
    }

    [Fact]
    public async Task ShouldCarryPolymorphicEffectsAndTheActingUser_WhenADecisionIsProposedThroughTheGateway()
    {
        var decision = Grains.GetGrain<IDecisionGrain>("ldib-gateway-1");
        DecisionDetails proposed;
        using (ActingUser.Begin("gateway-operator"))
        {
            proposed = await decision.ProposeAsync("ldib", new ProposeDecision
            {
                Motion = "Commission improvement capability from NHS Improvement",
                ClosesAt = DateTimeOffset.UtcNow.AddDays(7),
                Effects = [new SetRecommendationOwner { RecommendationId = "smith-2015/9", LeadOwner = new OwnerRef("nhs-improvement"), EffectiveOn = new DateOnly(2015, 10, 23) }],
            });
        }

        var cast = () => decision.CastBallotAsync(new CastBallot("NHS England representative", VoteChoice.For));

        proposed.Effects.Should().ContainSingle().Which.Should().BeOfType<SetRecommendationOwner>()
            .Which.LeadOwner.Should().Be(new OwnerRef("nhs-improvement"));
        (await cast.Should().ThrowAsync<RuleViolationException>()).Which.Message.Should().NotBeNullOrWhiteSpace();
        (await decision.GetHistoryAsync()).Should().ContainSingle().Which.User.Should().Be("gateway-operator", "the acting user travels with the call");
    }
}

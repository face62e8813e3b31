using System.Net;
using System.Net.Http.Json;
using BoardDesk.Organisations;
using BoardDesk.Recommendations;
using BoardDesk.Server.Tests.Recommendations;
using BoardDesk.Testing;

namespace BoardDesk.Server.Tests;

/// <summary>
/// A <c>Silo</c> process (grains, store, reminders) and a <c>Web</c> process (pages and API only, an Orleans client of
/// the silo's gateway): the 2015 story through the web node's HTTP API reads as it does on one process.
/// </summary>
public sealed class SplitRolesTests : IDisposable
{
    private readonly TemporaryFolder _silo = new();
    private readonly TemporaryFolder _web = new();

    public void Dispose()
    {
        _silo.Dispose();
        _web.Dispose();
    }

    [Fact]
    public async Task ShouldTellThe2015StoryThroughTheWebNode_WhenTheSiloRunsInAnotherProcess()
    {
        var gatewayPort = ServerProcess.FreePort();
        using var silo = await ServerProcess.StartAsync(_silo.Path, new Dictionary<string, string>
        {
            ["BoardDesk:Role"] = "Silo",
            ["BoardDesk:Cluster:SiloPort"] = ServerProcess.FreePort().ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["BoardDesk:Cluster:GatewayPort"] = gatewayPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
        });
        using var web = await ServerProcess.StartAsync(_web.Path, new Dictionary<string, string>
        {
            ["BoardDesk:Role"] = "Web",
            ["BoardDesk:Cluster:Gateways"] = $"127.0.0.1:{gatewayPort}",
        });

        (await silo.Client.GetAsync("/api/organisations")).StatusCode.Should().Be(HttpStatusCode.NotFound, "a silo serves no pages and no API");
        web.Output.Should().Contain("Web node connected to the Orleans cluster");
        File.Exists(Path.Combine(_web.Path, "boarddesk.db")).Should().BeFalse("a web node keeps no store of its own");
        using var admin = await web.CreateClientAsync("admin");
        using var secretary = await web.CreateClientAsync("ldib-secretary");
        await Ldib2015StoryTests.ReplayStoryAsync(admin, secretary);

        var monitor = await admin.GetFromJsonAsync<OrganisationDetails>("/api/organisations/monitor", ClockedServer.Json);
        monitor!.Status.Should().Be(OrganisationStatus.Merged, "a change acknowledged through the web node shows on its next request");
        monitor.MergedInto.Should().Be("nhs-improvement");
        var smith9Before = await admin.GetFromJsonAsync<OwnershipOnDate>("/api/reviews/smith-2015/recommendations/9/owners?on=2015-09-01", ClockedServer.Json);
        smith9Before!.LeadOwner.Should().Be(new ResolvedOwner("nhs-leadership-academy", "NHS Leadership Academy", false));
        var register = await admin.GetFromJsonAsync<RegisterPage>("/api/recommendations?owner=nhs-improvement", ClockedServer.Json);
        register!.Items.Select(i => i.Recommendation.Id).Should().Contain(["smith-2015/1", "smith-2015/2", "smith-2015/9"], "NHS Improvement's register lists what it inherited from Monitor");
        (await admin.GetAsync("/api/audit/verify")).StatusCode.Should().Be(HttpStatusCode.OK, "verify reaches the silos' store through the cluster");
        (await web.Client.GetAsync("/recommendations/smith-2015/9")).StatusCode.Should().Be(HttpStatusCode.OK, "the pages work on a web node too");
    }
}

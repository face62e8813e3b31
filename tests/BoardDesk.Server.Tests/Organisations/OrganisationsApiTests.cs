using System.Net;
using System.Net.Http.Json;
using System.Text;
using BoardDesk.Organisations;
using BoardDesk.Testing;
using Microsoft.AspNetCore.Mvc;

namespace BoardDesk.Server.Tests.Organisations;

public sealed class OrganisationsApiTests : IDisposable
{
    private static readonly string[] NationalBodies = ["cqc", "dh", "hee", "monitor", "nhs-england", "nhs-tda", "phe"];
    private readonly TemporaryFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task ShouldListTheSevenNationalBodiesBeforeAndAfterARestart_WhenTheServerStartsOnAnEmptyStore()
    {
        OrganisationDetails[] first;
        long eventsAfterFirstStart;
        await using (var api = BoardDeskApi.OnFreshData(_folder))
        {
            first = (await (await api.OperatorClientAsync()).GetFromJsonAsync<OrganisationDetails[]>("/api/organisations"))!;
            eventsAfterFirstStart = await api.CountEventsAsync();
        }

        await using var restarted = BoardDeskApi.OnFreshData(_folder);
        var second = await restarted.CreateClient().GetFromJsonAsync<OrganisationDetails[]>("/api/organisations");

        first.Select(o => o.Id).Should().Contain(NationalBodies);
        first.Should().Contain(o => o.Id == "nhs-tda" && o.Name == "NHS Trust Development Authority");
        second.Should().BeEquivalentTo(first, "a restart neither loses nor reloads the samples");
        (await restarted.CountEventsAsync()).Should().Be(eventsAfterFirstStart);
    }

    [Fact]
    public async Task ShouldAnswer200_WhenHealthIsAskedFor()
    {
        await using var api = BoardDeskApi.OnFreshData(_folder);

        var response = await (await api.OperatorClientAsync()).GetAsync("/health");

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        (await response.Content.ReadAsStringAsync()).Should().Contain("Healthy");
    }

    [Fact]
    public async Task ShouldCreateAndRename_WhenTheRequestsAreValid()
    {
        await using var api = BoardDeskApi.OnFreshData(_folder);
        var client = await api.OperatorClientAsync();

        var created = await client.PostAsJsonAsync("/api/organisations", new { id = "london-clinical-networks", name = "London strategic clinical networks", kind = "Network" });
        var renamed = await client.PostAsJsonAsync("/api/organisations/london-clinical-networks/rename", new { name = "London clinical networks", effectiveOn = "2015-07-16" });

        created.StatusCode.Should().Be(HttpStatusCode.Created);
        created.Headers.Location!.ToString().Should().Be("/api/organisations/london-clinical-networks");
        renamed.StatusCode.Should().Be(HttpStatusCode.OK);
        var details = await client.GetFromJsonAsync<OrganisationDetails>("/api/organisations/london-clinical-networks");
        details!.Name.Should().Be("London clinical networks");
        details.FormerNames.Should().ContainSingle().Which.Name.Should().Be("London strategic clinical networks");
    }

    [Theory]
    [InlineData("{\"id\":\"x\"", "body")]
    [InlineData("not json at all", "body")]
    [InlineData("{\"id\":\"new-body\"}", "name")]
    [InlineData("{\"id\":\"new-body\",\"name\":\"New\",\"kind\":\"Quango\"}", "kind")]
    [InlineData("{\"id\":\"new-body\",\"name\":\"New\",\"kind\":7}", "kind")]
    [InlineData("{\"id\":\"new-body\",\"name\":42,\"kind\":\"Programme\"}", "name")]
    [InlineData("{\"id\":\"New Body!\",\"name\":\"New\",\"kind\":\"Programme\"}", "id")]
    [InlineData("{\"id\":\"new-body\",\"name\":\"\",\"kind\":\"Programme\"}", "name")]
    [InlineData("{\"id\":\"new-body\",\"name\":null,\"kind\":\"Programme\"}", "name")]
    public async Task ShouldAnswerAValidationProblemAndWriteNothing_WhenTheBodyIsInvalid(string body, string field)
    {
        await using var api = BoardDeskApi.OnFreshData(_folder);
        var client = await api.OperatorClientAsync();
        var before = await api.CountEventsAsync();

        var response = await client.PostAsync("/api/organisations", new StringContent(body, Encoding.UTF8, "application/json"));

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
        var problem = await response.Content.ReadFromJsonAsync<ValidationProblemDetails>();
        problem!.Errors.Keys.Should().Contain(k => k.Equals(field, StringComparison.OrdinalIgnoreCase));
        (await response.Content.ReadAsStringAsync()).Should().NotContain("   at ", "no stack trace reaches the client");
        (await api.CountEventsAsync()).Should().Be(before);
    }

    [Fact]
    public async Task ShouldAnswer404Problem_WhenTheOrganisationIsUnknown()
    {
        await using var api = BoardDeskApi.OnFreshData(_folder);
        var client = await api.OperatorClientAsync();
        var before = await api.CountEventsAsync();

        var get = await client.GetAsync("/api/organisations/no-such-body");
        var rename = await client.PostAsJsonAsync("/api/organisations/no-such-body/rename", new { name = "Anything", effectiveOn = "2015-07-16" });

        get.StatusCode.Should().Be(HttpStatusCode.NotFound);
        rename.StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await get.Content.ReadFromJsonAsync<ProblemDetails>())!.Detail.Should().Contain("no-such-body");
        (await api.CountEventsAsync()).Should().Be(before);
    }

    [Fact]
    public async Task ShouldAnswer409Problem_WhenTheOrganisationExistsAlready()
    {
        await using var api = BoardDeskApi.OnFreshData(_folder);
        var client = await api.OperatorClientAsync();
        var before = await api.CountEventsAsync();

        var response = await client.PostAsJsonAsync("/api/organisations", new { id = "monitor", name = "Monitor", kind = "ArmsLengthBody" });

        response.StatusCode.Should().Be(HttpStatusCode.Conflict);
        (await response.Content.ReadFromJsonAsync<ProblemDetails>())!.Detail.Should().Contain("exists already");
        (await api.CountEventsAsync()).Should().Be(before);
    }

    [Fact]
    public async Task ShouldCreateOneAndAnswer409ToTheRest_WhenFiftyCreatesNameTheSameFunctionAtOnce()
    {
        await using var api = BoardDeskApi.OnFreshData(_folder);
        var client = await api.OperatorClientAsync();

        var responses = await Task.WhenAll(Enumerable.Range(1, 50).Select(i =>
            client.PostAsJsonAsync("/api/organisations", new { id = $"improvement-hub-{i}", name = $"Improvement hub {i}", kind = "Programme", functions = new[] { "Patient safety collaboratives" } })));

        responses.Count(r => r.StatusCode == HttpStatusCode.Created).Should().Be(1);
        var refused = responses.Where(r => r.StatusCode != HttpStatusCode.Created).ToList();
        refused.Should().HaveCount(49).And.OnlyContain(r => r.StatusCode == HttpStatusCode.Conflict);
        foreach (var response in refused)
        {
            (await response.Content.ReadFromJsonAsync<ProblemDetails>())!.Detail.Should().MatchRegex("^The function 'Patient safety collaboratives' (is hosted by|belongs to) (Improvement hub [0-9]+|'improvement-hub-[0-9]+') already; transfer it instead\\.$");
        }

        var hosts = await client.GetFromJsonAsync<OrganisationDetails[]>("/api/organisations?function=patient%20safety%20collaboratives");
        hosts.Should().ContainSingle().Which.Id.Should().Be(responses.Single(r => r.StatusCode == HttpStatusCode.Created).Headers.Location!.ToString()["/api/organisations/".Length..]);
    }

    [Fact]
    public async Task ShouldAnswer413ProblemAndWriteNothing_WhenTheBodyIsOversized()
    {
        await using var api = BoardDeskApi.OnFreshData(_folder, new Dictionary<string, string?> { ["BoardDesk:MaxRequestBodyBytes"] = "4096" });
        var client = await api.OperatorClientAsync();
        var before = await api.CountEventsAsync();
        var huge = "{\"id\":\"huge\",\"name\":\"" + new string('x', 100_000) + "\",\"kind\":\"Programme\"}";

        var response = await client.PostAsync("/api/organisations", new StringContent(huge, Encoding.UTF8, "application/json"));

        response.StatusCode.Should().Be(HttpStatusCode.RequestEntityTooLarge);
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
        (await api.CountEventsAsync()).Should().Be(before);
    }

    [Fact]
    public async Task ShouldServeTheOpenApiDocumentAndTheAnonymousHomePage_WhenAsked()
    {
        await using var api = BoardDeskApi.OnFreshData(_folder);
        var client = await api.OperatorClientAsync();

        var openApi = await client.GetStringAsync("/openapi/v1.json");
        var home = await api.CreateClient().GetStringAsync("/");

        openApi.Should().Contain("/api/organisations").And.Contain("\"openapi\"");
        home.Should().Contain("<h1>BoardDesk</h1>").And.Contain("Care Quality Commission");
    }
}

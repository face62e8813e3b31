using System.Net;
using System.Net.Http.Json;
using System.Text;
using BoardDesk.Organisations;
using BoardDesk.Testing;
using Microsoft.AspNetCore.Mvc;

namespace BoardDesk.Server.Tests.Organisations;

/// <summary>The machinery-of-government operations through the API: what they change, and what they refuse.</summary>
public sealed class OrganisationChangesApiTests : IDisposable
{
    private readonly TemporaryFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Theory]
    [InlineData("/api/organisations/merge", "{\"sourceIds\":[\"monitor\",\"nhs-tda\"],\"targetId\":\"nhs-improvement\"}", "effectiveOn")]
    [InlineData("/api/organisations/merge", "{\"sourceIds\":[\"monitor\",\"nhs-tda\"],\"targetId\":\"new-body\",\"effectiveOn\":\"2016-04-01\"}", "targetName")]
    [InlineData("/api/organisations/merge", "{\"sourceIds\":[\"monitor\",\"nhs-tda\"],\"targetId\":\"monitor\",\"effectiveOn\":\"2016-04-01\"}", "targetId")]
    [InlineData("/api/organisations/merge", "{\"sourceIds\":[\"monitor\",\"monitor\"],\"targetId\":\"nhs-improvement\",\"effectiveOn\":\"2016-04-01\"}", "sourceIds")]
    [InlineData("/api/organisations/merge", "{\"sourceIds\":[\"monitor\"],\"targetId\":\"new-body\",\"targetName\":\"New\",\"targetKind\":\"ArmsLengthBody\",\"effectiveOn\":\"2016-04-01\"}", "sourceIds")]
    [InlineData("/api/organisations/merge", "{\"sourceIds\":[],\"targetId\":\"nhs-improvement\",\"effectiveOn\":\"2016-04-01\"}", "sourceIds")]
    [InlineData("/api/organisations/merge", "{\"sourceIds\":[\"monitor\",\"nhs-tda\"],\"targetId\":\"nhs-improvement\",\"effectiveOn\":\"2016-04-01\",\"operationId\":\"no spaces please\"}", "operationId")]
    [InlineData("/api/organisations/nhs-england/transfer-function", "{\"function\":\"NHS Leadership Academy\",\"toId\":\"nhs-england\",\"effectiveOn\":\"2016-04-01\"}", "toId")]
    [InlineData("/api/organisations/nhs-england/transfer-function", "{\"function\":\"\",\"toId\":\"hee\",\"effectiveOn\":\"2016-04-01\"}", "function")]
    [InlineData("/api/organisations/nhs-iq/cease", "{\"effectiveOn\":\"2016-03-31\",\"functionSuccessors\":[{\"function\":\"Intensive support teams\",\"successorId\":\"nhs-improvement\"}]}", "functionSuccessors")]
    [InlineData("/api/organisations/nhs-iq/cease", "{\"effectiveOn\":\"2016-03-31\",\"successorId\":\"nhs-iq\",\"functionSuccessors\":[{\"function\":\"Intensive support teams\",\"successorId\":\"nhs-improvement\"},{\"function\":\"NHS Interim Management and Support\",\"successorId\":\"nhs-england\"}]}", "successorId")]
    [InlineData("/api/organisations/monitor/rename", "{\"name\":\"\",\"effectiveOn\":\"2016-04-01\"}", "name")]
    [InlineData("/api/organisations/monitor/rename", "{\"name\":\"NHS Improvement\",\"effectiveOn\":\"not a date\"}", "effectiveOn")]
    public async Task ShouldAnswerAValidationProblemAndWriteNothing_WhenAnOperationIsInvalid(string path, string body, string field)
    {
        await using var api = BoardDeskApi.OnFreshData(_folder);
        var client = await api.OperatorClientAsync();
        var before = await api.CountEventsAsync();

        var response = await client.PostAsync(path, new StringContent(body, Encoding.UTF8, "application/json"));

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest, await response.Content.ReadAsStringAsync());
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
        var problem = await response.Content.ReadFromJsonAsync<ValidationProblemDetails>();
        problem!.Errors.Keys.Should().Contain(k => k.Equals(field, StringComparison.OrdinalIgnoreCase));
        (await api.CountEventsAsync()).Should().Be(before);
        (await client.GetFromJsonAsync<OrganisationChangeDetails[]>("/api/organisations/operations")).Should().BeEmpty();
    }

    [Theory]
    [InlineData("/api/organisations/merge", "{\"sourceIds\":[\"monitor\",\"no-such-body\"],\"targetId\":\"nhs-improvement\",\"effectiveOn\":\"2016-04-01\"}", HttpStatusCode.NotFound)]
    [InlineData("/api/organisations/nhs-england/transfer-function", "{\"function\":\"Talent management\",\"toId\":\"nhs-improvement\",\"effectiveOn\":\"2016-04-01\"}", HttpStatusCode.Conflict)]
    [InlineData("/api/organisations/nhs-leadership-academy/transfer-function", "{\"function\":\"Talent management\",\"toId\":\"no-such-body\",\"effectiveOn\":\"2016-04-01\"}", HttpStatusCode.NotFound)]
    [InlineData("/api/organisations/nhs-iq/cease", "{\"effectiveOn\":\"2016-03-31\",\"functionSuccessors\":[{\"function\":\"Intensive support teams\",\"successorId\":\"no-such-body\"},{\"function\":\"NHS Interim Management and Support\",\"successorId\":\"nhs-england\"}]}", HttpStatusCode.NotFound)]
    [InlineData("/api/organisations/nhs-iq/cease", "{\"effectiveOn\":\"2016-03-31\",\"functionSuccessors\":[{\"function\":\"Talent management\",\"successorId\":\"nhs-england\"}]}", HttpStatusCode.Conflict)]
    [InlineData("/api/organisations/monitor/rename", "{\"name\":\"Monitor\",\"effectiveOn\":\"2016-04-01\"}", HttpStatusCode.Conflict)]
    public async Task ShouldAnswerAProblemAndWriteNothing_WhenAnOperationIsRefused(string path, string body, HttpStatusCode status)
    {
        await using var api = BoardDeskApi.OnFreshData(_folder);
        var client = await api.OperatorClientAsync();
        var before = await api.CountEventsAsync();

        var response = await client.PostAsync(path, new StringContent(body, Encoding.UTF8, "application/json"));

        response.StatusCode.Should().Be(status, await response.Content.ReadAsStringAsync());
        (await response.Content.ReadFromJsonAsync<ProblemDetails>())!.Detail.Should().NotBeNullOrEmpty();
        (await api.CountEventsAsync()).Should().Be(before);
    }

    [Fact]
    public async Task ShouldRefuseTheOperationIdAndWriteNothing_WhenItWasUsedForADifferentChange()
    {
        await using var api = BoardDeskApi.OnFreshData(_folder);
        var client = await api.OperatorClientAsync();
        await client.PostOkAsync<OrganisationChangeDetails>("/api/organisations/monitor/rename", new { name = "Monitor (2016)", effectiveOn = "2016-01-01", operationId = "op-1" });
        var before = await api.CountEventsAsync();

        var reused = await client.PostAsJsonAsync("/api/organisations/nhs-tda/rename", new { name = "TDA", effectiveOn = "2016-01-01", operationId = "op-1" });
        var repeated = await client.PostOkAsync<OrganisationChangeDetails>("/api/organisations/monitor/rename", new { name = "Monitor (2016)", effectiveOn = "2016-01-01", operationId = "op-1" });

        reused.StatusCode.Should().Be(HttpStatusCode.Conflict);
        repeated.Status.Should().Be(OrganisationChangeStatus.Completed);
        (await api.CountEventsAsync()).Should().Be(before);
        (await client.GetOkAsync<OrganisationDetails>("/api/organisations/nhs-tda")).Name.Should().Be("NHS Trust Development Authority");
    }

    [Fact]
    public async Task ShouldCreateTheTargetAndCloseTheSources_WhenOrganisationsMergeIntoANewOne()
    {
        await using var api = BoardDeskApi.OnFreshData(_folder);
        var client = await api.OperatorClientAsync();

        var merger = await client.PostOkAsync<OrganisationChangeDetails>("/api/organisations/merge", new
        {
            sourceIds = new[] { "monitor", "nhs-tda" },
            targetId = "improvement-body",
            targetName = "Improvement Body",
            targetKind = "ArmsLengthBody",
            effectiveOn = "2016-04-01",
        });

        merger.Status.Should().Be(OrganisationChangeStatus.Completed);
        merger.Effects.Should().HaveCount(5).And.Subject.First().Should().BeOfType<Establishment>();
        var created = await client.GetOkAsync<OrganisationDetails>("/api/organisations/improvement-body");
        created.EstablishedOn.Should().Be(new DateOnly(2016, 4, 1));
        created.Predecessors.Select(p => p.OrganisationId).Should().Equal("monitor", "nhs-tda");
        (await client.GetOkAsync<OrganisationDetails>("/api/organisations/nhs-tda")).Successors.Should().ContainSingle()
            .Which.Should().Be(new OrganisationLink("improvement-body", LineageReason.Merger, new DateOnly(2016, 4, 1)));
        var again = await client.PostAsJsonAsync("/api/organisations/merge", new { sourceIds = new[] { "monitor", "cqc" }, targetId = "improvement-body", effectiveOn = "2016-05-01" });
        again.StatusCode.Should().Be(HttpStatusCode.Conflict, "Monitor has merged already");
    }

    [Fact]
    public async Task ShouldAnswerTheProgressInWordsAndRefuseToResumeIt_WhenAnOperationHasCompleted()
    {
        await using var api = BoardDeskApi.OnFreshData(_folder);
        var client = await api.OperatorClientAsync();
        await client.PostOkAsync<OrganisationChangeDetails>("/api/organisations/monitor/rename", new { name = "Monitor (renamed)", effectiveOn = "2016-01-01", operationId = "rename-monitor" });

        var operation = await client.GetOkAsync<OrganisationChangeDetails>("/api/organisations/operations/rename-monitor");
        var resume = await client.PostAsync("/api/organisations/operations/rename-monitor/resume", null);
        var unknown = await client.PostAsync("/api/organisations/operations/no-such-operation/resume", null);

        operation.Status.Should().Be(OrganisationChangeStatus.Completed);
        operation.Progress.Should().MatchRegex("^Completed at [0-9-]+ [0-9:]+ UTC: 1 of 1 effects applied\\.$");
        operation.LastFailure.Should().BeNull();
        resume.StatusCode.Should().Be(HttpStatusCode.Conflict);
        (await resume.Content.ReadFromJsonAsync<ProblemDetails>())!.Detail.Should().Be("The operation has completed; there is nothing to resume.");
        unknown.StatusCode.Should().Be(HttpStatusCode.NotFound);
    }
}

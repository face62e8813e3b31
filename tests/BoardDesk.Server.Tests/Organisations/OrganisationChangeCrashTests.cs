using System.Net;
using System.Net.Http.Json;
using BoardDesk.Organisations;
using BoardDesk.Testing;

namespace BoardDesk.Server.Tests.Organisations;

/// <summary>A merger interrupted by SIGKILL half way is finished once at the next start.</summary>
public sealed class OrganisationChangeCrashTests : IDisposable
{
    private const string OperationId = "merge-nhs-improvement";
    private readonly TemporaryFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task ShouldCompleteTheMergerExactlyOnce_WhenTheServerIsKilledHalfWayThroughIt()
    {
        var merger = new { operationId = OperationId, sourceIds = new[] { "monitor", "nhs-tda" }, targetId = "nhs-improvement", effectiveOn = "2016-04-01" };
        using (var server = await ServerProcess.StartAsync(_folder.Path, new Dictionary<string, string> { ["BoardDesk:Operations:PauseAfterEffects"] = "2" }))
        {
            await server.AuthorizeAsync();
            var pending = server.Client.PostAsJsonAsync("/api/organisations/merge", merger);
            await WaitUntilAsync(() => Task.FromResult(server.Output.Contains("paused after 2 effects", StringComparison.Ordinal)), "the merger to pause half way");

            var half = await server.Client.GetFromJsonAsync<OrganisationDetails[]>("/api/organisations");
            half!.Single(o => o.Id == "monitor").Status.Should().Be(OrganisationStatus.Merged, "the first two effects absorb and close Monitor");
            half!.Single(o => o.Id == "nhs-tda").Status.Should().Be(OrganisationStatus.Active, "the kill comes before NHS TDA is touched");
            server.Kill();
            var interrupted = async () => await pending;
            await interrupted.Should().ThrowAsync<Exception>("the process died before answering");
        }

        using var restarted = await ServerProcess.StartAsync(_folder.Path);
        await restarted.AuthorizeAsync();
        OrganisationChangeDetails? operation = null;
        await WaitUntilAsync(async () => (operation = await restarted.Client.GetFromJsonAsync<OrganisationChangeDetails>($"/api/organisations/operations/{OperationId}"))!.Status == OrganisationChangeStatus.Completed, "the merger to resume after the restart");

        operation!.AppliedEffectIds.Should().OnlyHaveUniqueItems().And.HaveCount(operation.Effects.Count);
        var improvement = await restarted.Client.GetFromJsonAsync<OrganisationDetails>("/api/organisations/nhs-improvement");
        improvement!.Predecessors.Select(p => p.OrganisationId).Should().Equal("monitor", "nhs-tda");
        (await restarted.Client.GetFromJsonAsync<OrganisationDetails>("/api/organisations/nhs-tda"))!.MergedInto.Should().Be("nhs-improvement");
        var history = await restarted.Client.GetFromJsonAsync<OrganisationHistoryEntry[]>("/api/organisations/nhs-improvement/history");
        history!.Where(e => e.Type == "OrganisationPredecessorAbsorbed").Select(e => e.EffectId).Should().OnlyHaveUniqueItems().And.HaveCount(2);
        var monitorHistory = await restarted.Client.GetFromJsonAsync<OrganisationHistoryEntry[]>("/api/organisations/monitor/history");
        monitorHistory!.Should().ContainSingle(e => e.Type == "OrganisationMerged");

        var repeated = await restarted.Client.PostAsJsonAsync("/api/organisations/merge", merger);
        repeated.StatusCode.Should().Be(HttpStatusCode.OK, "the same operation sent again answers the operation as it stands");
        (await restarted.Client.GetFromJsonAsync<OrganisationHistoryEntry[]>("/api/organisations/nhs-improvement/history"))!.Should().HaveCount(history!.Length);
    }

    private static async Task WaitUntilAsync(Func<Task<bool>> condition, string what)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Gave up waiting for {what}.");
            }

            await Task.Delay(100);
        }
    }
}

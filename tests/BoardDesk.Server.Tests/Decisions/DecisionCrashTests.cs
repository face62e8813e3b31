using System.Net.Http.Json;
using BoardDesk.Actions;
using BoardDesk.Decisions;
using BoardDesk.Recommendations;
using BoardDesk.Persistence;
using BoardDesk.Testing;

namespace BoardDesk.Server.Tests.Decisions;

/// <summary>A carried decision whose process is killed between its outcome and its effects gets them exactly once after restart.</summary>
public sealed class DecisionCrashTests : IDisposable
{
    private const string DecisionId = "ldib-smith-9-to-nhs-improvement";
    private readonly TemporaryFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task ShouldApplyTheEffectsExactlyOnce_WhenTheServerIsKilledBetweenTheOutcomeAndTheEffects()
    {
        using (var server = await ServerProcess.StartAsync(_folder.Path, new Dictionary<string, string> { ["BoardDesk:Operations:PauseAfterEffects"] = "0" }))
        {
            await server.AuthorizeAsync("ldib-secretary");
            var proposed = await server.Client.PostAsJsonAsync("/api/boards/ldib/decisions", new
            {
                decisionId = DecisionId,
                closesAt = DateTimeOffset.UtcNow.AddHours(1),
                motion = "Responsibility for commissioning programmes to build improvement capability across the system will move to NHS Improvement, rather than to NHS Leadership Academy.",
                method = "Consensus",
                effects = new object[]
                {
                    new { effect = "setRecommendationOwner", recommendationId = "smith-2015/9", leadOwner = new { organisationId = "nhs-improvement" }, effectiveOn = "2016-04-01" },
                    new { effect = "createAction", description = "Agree the improvement capability programmes NHS Improvement will commission.", owner = new { person = "ldib-lead", organisationId = "nhs-improvement" }, dueOn = "2016-06-30" },
                    new { effect = "createAction", description = "Hand over the Leadership Academy's commissioning plans.", owner = new { person = "ldib-lead", organisationId = "nhs-england" }, dueOn = "2016-05-31" },
                },
            }, JournalJson.Options);
            proposed.EnsureSuccessStatusCode();

            await server.AuthorizeAsync("ldib-chair");
            (await server.Client.PostAsync($"/api/decisions/{DecisionId}/open", null)).EnsureSuccessStatusCode();
            var pending = server.Client.PostAsJsonAsync($"/api/decisions/{DecisionId}/close", new { consensus = true });
            await WaitUntilAsync(() => Task.FromResult(server.Output.Contains("paused after 0 effects", StringComparison.Ordinal)), "the decision to pause after its outcome");

            var listed = await LdibBoard.GetAsync<DecisionDetails[]>(server.Client, "/api/boards/ldib/decisions");
            listed.Single().Outcome.Should().Be(DecisionOutcome.Carried, "the outcome and the plan are committed before any effect");
            listed.Single().AppliedEffectIds.Should().BeEmpty();
            (await LeadOwnerAsync(server.Client)).Should().Be("nhs-leadership-academy", "the kill comes before any effect");
            server.Kill();
            var interrupted = async () => await pending;
            await interrupted.Should().ThrowAsync<Exception>("the process died before answering");
        }

        using var restarted = await ServerProcess.StartAsync(_folder.Path);
        await restarted.AuthorizeAsync("ldib-chair");
        DecisionDetails? decision = null;
        await WaitUntilAsync(async () => (decision = await LdibBoard.GetAsync<DecisionDetails>(restarted.Client, $"/api/decisions/{DecisionId}")).EffectsCompleted, "the effects to be applied after the restart");

        decision!.AppliedEffectIds.Should().OnlyHaveUniqueItems().And.HaveCount(3);
        var entry = await LdibBoard.GetAsync<RegisterEntry>(restarted.Client, "/api/reviews/smith-2015/recommendations/9");
        entry.Recommendation.LeadOwner.Should().Be(new OwnerRef("nhs-improvement"));
        entry.Recommendation.OwnerHistory.Where(a => a.DecisionId == DecisionId).Should().ContainSingle("the owning grain's history shows the decision, once");
        var actions = await LdibBoard.GetAsync<ActionLogPage>(restarted.Client, "/api/actions?source=Decision");
        actions.Entries.Select(a => a.Id).Should().BeEquivalentTo([$"{DecisionId}-2", $"{DecisionId}-3"]);
        actions.Entries.Should().OnlyContain(a => a.SourceReference == DecisionId);

        var again = await restarted.Client.PostAsJsonAsync($"/api/decisions/{DecisionId}/close", new { consensus = true });
        again.StatusCode.Should().Be(System.Net.HttpStatusCode.Conflict, "the outcome is immutable");
        (await LdibBoard.GetAsync<RegisterEntry>(restarted.Client, "/api/reviews/smith-2015/recommendations/9")).Recommendation.OwnerHistory.Should().HaveCount(entry.Recommendation.OwnerHistory.Count);
    }

    private static async Task<string?> LeadOwnerAsync(HttpClient client) =>
        (await LdibBoard.GetAsync<RegisterEntry>(client, "/api/reviews/smith-2015/recommendations/9")).Recommendation.LeadOwner?.OrganisationId;

    internal static async Task WaitUntilAsync(Func<Task<bool>> condition, string what)
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

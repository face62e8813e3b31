using System.Collections.Concurrent;
using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using BoardDesk.Grains;
using BoardDesk.Persistence.Storage.PostgreSql;
using BoardDesk.Testing;
using Xunit.Abstractions;

namespace BoardDesk.Cluster.Tests;

/// <summary>
/// A simulated partition: two clusters (different cluster ids, so neither knows the other's silos) of one node process
/// each on one PostgreSQL database. Each holds its own activation of the same action and both write to it at once.
/// The journal's primary key (grain, sequence) lets one write in at each place, and the grain that lost reloads and
/// checks the command again on the state it would land on: so nothing acknowledged is lost, nothing is reordered, and
/// no deferral is stored that the state it follows forbids (each must move the due date later).
/// </summary>
public sealed class PartitionTests(ITestOutputHelper output)
{
    private const int WritersPerNode = 8;
    private const int OperationsEach = 12;

    [PostgreSqlFact]
    public async Task ShouldLoseReorderAndStoreUncheckedNothing_WhenTwoClustersWriteToTheSameGrainAtOnce()
    {
        await using var database = await PostgreSqlDatabase.CreateAsync();
        await using var left = new ClusterNodes(database, "partition-left");
        await using var right = new ClusterNodes(database, "partition-right");
        // The first node loads the samples; the second finds them there.
        var nodes = new[] { await left.StartNodeAsync(), await right.StartNodeAsync() };
        (await left.ActiveSilosAsync()).Should().Be(1, "each cluster sees only its own silo");
        (await right.ActiveSilosAsync()).Should().Be(1);
        var secretary = await ServerProcess.IssueTokenAsync(nodes[0].Address, "ldib-secretary", ServerProcess.SamplePassword);
        var clients = nodes.Select(n => new HttpClient { BaseAddress = n.Address, Timeout = TimeSpan.FromSeconds(20) }).ToArray();
        foreach (var client in clients)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", secretary);
        }

        var firstDue = DateOnly.FromDateTime(DateTime.UtcNow.AddDays(30));
        var created = await clients[0].PostAsJsonAsync("/api/boards/ldib/actions", new
        {
            description = "Partitioned action",
            owner = new { person = "ldib-lead", organisationId = "monitor" },
            dueOn = Iso(firstDue),
            source = new { kind = "Recommendation", reference = "smith-2015/1" },
        });
        created.EnsureSuccessStatusCode();
        var actionId = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
        foreach (var client in clients)
        {
            // Both clusters activate the action now, each holding its state in memory from here on.
            (await client.GetAsync($"/api/actions/{actionId}")).EnsureSuccessStatusCode();
        }

        var today = Iso(DateOnly.FromDateTime(DateTime.UtcNow));
        var acknowledgedNotes = new ConcurrentBag<string>();
        var acknowledgedDeferrals = new ConcurrentBag<DateOnly>();
        // Sent, but the answer said nothing of the outcome (the call timed out on a loaded machine): stored or not.
        var unknownNotes = new ConcurrentBag<string>();
        var unknownDeferrals = new ConcurrentBag<DateOnly>();
        var acknowledgedBy = new int[nodes.Length];
        var refusals = new ConcurrentBag<int>();
        var nextDeferral = 0;
        await Task.WhenAll(Enumerable.Range(0, nodes.Length * WritersPerNode).Select(writer => Task.Run(async () =>
        {
            var node = writer % nodes.Length;
            for (var k = 0; k < OperationsEach; k++)
            {
                if (k % 2 == 0)
                {
                    var note = $"Progress {writer}/{k}";
                    using var response = await clients[node].PostAsJsonAsync($"/api/actions/{actionId}/updates", new { on = today, note });
                    switch (await OutcomeAsync(response, node))
                    {
                        case true: acknowledgedNotes.Add(note); break;
                        case null: unknownNotes.Add(note); break;
                    }
                }
                else
                {
                    // Later dates are handed out in order but arrive in any order: one that arrives after a later one is refused.
                    var dueOn = firstDue.AddDays(Interlocked.Increment(ref nextDeferral));
                    using var response = await clients[node].PostAsJsonAsync($"/api/actions/{actionId}/defer", new { dueOn = Iso(dueOn), reason = $"Deferral {writer}/{k}" });
                    switch (await OutcomeAsync(response, node))
                    {
                        case true: acknowledgedDeferrals.Add(dueOn); break;
                        case null: unknownDeferrals.Add(dueOn); break;
                    }
                }
            }
        })));

        // True when acknowledged, false when refused, null when the outcome is unknown.
        async Task<bool?> OutcomeAsync(HttpResponseMessage response, int node)
        {
            if (response.IsSuccessStatusCode)
            {
                Interlocked.Increment(ref acknowledgedBy[node]);
                return true;
            }

            // 400: a deferral no longer later than the due date it would follow; 409: the journal moved on twice under
            // the call; 503: the call took longer than the node's response timeout.
            ((int)response.StatusCode).Should().BeOneOf([400, 409, 503], await response.Content.ReadAsStringAsync());
            refusals.Add((int)response.StatusCode);
            return response.StatusCode == System.Net.HttpStatusCode.ServiceUnavailable ? null : false;
        }

        await using var store = new PostgreSqlJournalStore(new PostgreSqlStoreOptions { ConnectionString = database.ConnectionString, KeyPath = database.KeyPath });
        var journal = await store.ReadEventsAsync(new JournalId("action-item", actionId));
        var notes = journal.Where(e => e.Type == "ActionProgressNoted")
            .Select(e => JsonDocument.Parse(e.Payload).RootElement.GetProperty("note").GetProperty("text").GetString()!).ToList();
        var deferrals = journal.Where(e => e.Type == "ActionDeferred")
            .Select(e => DateOnly.ParseExact(JsonDocument.Parse(e.Payload).RootElement.GetProperty("dueOn").GetString()!, "yyyy-MM-dd", CultureInfo.InvariantCulture)).ToList();
        var verification = await store.VerifyAsync();
        output.WriteLine($"acknowledged by the left cluster {acknowledgedBy[0]}, by the right {acknowledgedBy[1]}; refused {refusals.Count(r => r == 400)} deferrals (400) and " +
            $"{refusals.Count(r => r == 409)} calls whose journal moved on twice (409), {refusals.Count(r => r == 503)} timed out (503); stored {notes.Count} updates and {deferrals.Count} deferrals in {journal.Count} entries");

        acknowledgedBy.Should().OnlyContain(n => n > 0, "both clusters' activations wrote to the one journal");
        journal.Select(e => e.Sequence).Should().Equal(Enumerable.Range(1, journal.Count).Select(n => (long)n), "the journal has one entry at each place, none missing");
        notes.Should().OnlyHaveUniqueItems("no update is stored twice");
        notes.Should().Contain(acknowledgedNotes, "every acknowledged update is stored");
        notes.Should().BeSubsetOf(acknowledgedNotes.Concat(unknownNotes), "no refused update is stored");
        deferrals.Should().Contain(acknowledgedDeferrals, "every acknowledged deferral is stored");
        deferrals.Should().BeSubsetOf(acknowledgedDeferrals.Concat(unknownDeferrals), "no refused deferral is stored");
        deferrals.Should().BeInAscendingOrder().And.OnlyHaveUniqueItems("each stored deferral was checked against the due date it follows in the journal");
        verification.Intact.Should().BeTrue(string.Join("; ", verification.Breaks.Select(b => b.Reason)));

        foreach (var client in clients)
        {
            client.Dispose();
        }
    }

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}

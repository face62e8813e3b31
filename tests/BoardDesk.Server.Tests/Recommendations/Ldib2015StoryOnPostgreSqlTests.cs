using BoardDesk.Organisations;
using BoardDesk.Recommendations;
using BoardDesk.Testing;

namespace BoardDesk.Server.Tests.Recommendations;

/// <summary>The 2015 machinery-of-government story of <see cref="Ldib2015StoryTests"/> on the PostgreSQL store.</summary>
public sealed class Ldib2015StoryOnPostgreSqlTests
{
    [PostgreSqlFact]
    public async Task ShouldAnswerAsOnSqlite_WhenThe2015StoryIsReplayedOnPostgreSql()
    {
        await using var database = await PostgreSqlDatabase.CreateAsync();
        await using var api = BoardDeskApi.OnFreshData(database.Folder, new Dictionary<string, string?>
        {
            ["BoardDesk:Store"] = "PostgreSql",
            ["ConnectionStrings:BoardDesk"] = database.ConnectionString,
            ["BoardDesk:JournalKeyPath"] = database.KeyPath,
            ["BoardDesk:Cluster:SiloPort"] = "0",
            ["BoardDesk:Cluster:GatewayPort"] = "0",
        });
        var client = await api.OperatorClientAsync();

        await Ldib2015StoryTests.ReplayStoryAsync(client);

        var smith9Before = await client.GetOkAsync<OwnershipOnDate>("/api/reviews/smith-2015/recommendations/9/owners?on=2015-09-01");
        smith9Before.LeadOwner.Should().Be(new ResolvedOwner("nhs-leadership-academy", "NHS Leadership Academy", false));
        var smith9Now = await client.GetOkAsync<RegisterEntry>("/api/reviews/smith-2015/recommendations/9");
        smith9Now.CurrentLeadOwner.Should().Be(new ResolvedOwner("nhs-improvement", "NHS Improvement", false));
        var inherited = await client.GetOkAsync<RegisterPage>("/api/recommendations?owner=nhs-improvement");
        inherited.Items.Select(i => i.Recommendation.Id).Should().Equal("smith-2015/1", "smith-2015/2", "smith-2015/6", "smith-2015/9");
        var register = await client.GetOkAsync<RegisterPage>("/api/recommendations?pageSize=500");
        register.Total.Should().Be(39);
        var monitor = await client.GetOkAsync<OrganisationDetails>("/api/organisations/monitor");
        monitor.Status.Should().Be(OrganisationStatus.Merged);
        monitor.MergedInto.Should().Be("nhs-improvement");
        var iq = await client.GetOkAsync<OrganisationDetails>("/api/organisations/nhs-iq");
        iq.Status.Should().Be(OrganisationStatus.Ceased);
        var hee = await client.GetOkAsync<OrganisationDetails>("/api/organisations/hee");
        hee.Functions.Select(f => f.Name).Should().Equal("NHS Leadership Academy");

        await using var verifier = new BoardDesk.Persistence.Storage.PostgreSql.PostgreSqlJournalStore(new() { ConnectionString = database.ConnectionString, KeyPath = database.KeyPath });
        var verification = await verifier.VerifyAsync();
        verification.Intact.Should().BeTrue(string.Join("; ", verification.Breaks.Select(b => b.Reason)));
        (await database.ScalarAsync("SELECT count(*) FROM data_protection_keys")).Should().BeGreaterThan(0, "the key ring that signs cookies is in the shared database");
        (await database.ScalarAsync("SELECT count(*) FROM orleans_membership WHERE status = 3")).Should().Be(1, "one active silo");
    }
}

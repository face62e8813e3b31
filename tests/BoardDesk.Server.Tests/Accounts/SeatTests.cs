using System.Net;
using BoardDesk.Testing;

namespace BoardDesk.Server.Tests.Accounts;

/// <summary>One person, one account, one seat: the sample accounts and whom each stands for, in words.</summary>
public sealed class SeatTests : IDisposable
{
    private const string Ldib = "National Leadership Development and Improvement Board";
    private readonly TemporaryFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task ShouldSayWhomEachSampleAccountStandsForByOrganisation_WhenTheyAskForTheirSeats()
    {
        await using var api = BoardDeskApi.OnFreshData(_folder, new Dictionary<string, string?> { ["BoardDesk:SignInAttemptsPerMinute"] = "1000" });
        var expected = new Dictionary<string, string[]>
        {
            ["ldib-chair"] = [$"You vote for Monitor as its representative on the {Ldib}."],
            ["ldib-member"] = [$"You vote for NHS England as its representative on the {Ldib}."],
            ["ldib-tda"] = [$"You vote for NHS Trust Development Authority as its representative on the {Ldib}."],
            ["ldib-tda-deputy"] = [$"You vote for NHS Trust Development Authority as its representative's deputy on the {Ldib}."],
            ["ldib-hee"] = [$"You vote for Health Education England as its representative on the {Ldib}."],
            ["ldib-phe"] = [$"You vote for Public Health England as its representative on the {Ldib}."],
            ["ldib-cqc"] = [$"You vote for Care Quality Commission as its representative on the {Ldib}."],
            ["ldib-dh"] = [$"You sit for Department of Health as its representative, without a vote, on the {Ldib}."],
            ["ldib-secretary"] = [],
            ["ldib-lead"] = [],
            ["england-lead"] = [],
            ["ldib-observer"] = [],
            ["admin"] = [],
        };

        var people = new List<string>();
        foreach (var (userName, descriptions) in expected)
        {
            var client = await api.TokenClientAsync(userName);
            var seats = await client.GetOkAsync<Endpoints.Accounts.SeatSummary[]>("/api/account/seats");
            seats.Select(s => s.Description).Should().Equal(descriptions, $"{userName} holds exactly these seats");
            people.AddRange(seats.Select(s => $"{s.BoardId}/{s.Person}"));
        }

        people.Should().OnlyHaveUniqueItems("no two accounts stand for the same person on a board");
        (await api.CreateClient().GetAsync("/api/account/seats")).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
    }
}

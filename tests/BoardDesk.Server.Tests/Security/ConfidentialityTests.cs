using System.Net;
using System.Net.Http.Json;
using BoardDesk.Meetings;
using BoardDesk.Papers;
using BoardDesk.Testing;

namespace BoardDesk.Server.Tests.Security;

public sealed class ConfidentialityTests : IDisposable
{
    private const string Meeting = "/api/boards/ldib/meetings/2016-01-20";
    private readonly TemporaryFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task ShouldShowPrivateItemsOnlyToTheBoard_WhenAMeetingHasAPublicAndAPrivatePaper()
    {
        await using var api = BoardDeskApi.OnFreshData(_folder);
        await PrepareMeetingAsync(await api.OperatorClientAsync());
        var visitor = api.CreateClient();
        var member = await api.SignedInClientAsync("ldib-member");
        var lead = await api.TokenClientAsync("ldib-lead");

        (await visitor.GetAsync("/api/papers/open-paper")).StatusCode.Should().Be(HttpStatusCode.OK);
        var guessed = await visitor.GetAsync("/api/papers/closed-paper");
        var missing = await visitor.GetAsync("/api/papers/no-such-paper");
        guessed.StatusCode.Should().Be(HttpStatusCode.NotFound, "a private paper cannot be found by guessing its id");
        (await guessed.Content.ReadAsStringAsync()).Should().NotContain("Confidential").And.Contain("There is no paper 'closed-paper'");
        missing.StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await visitor.GetAsync("/api/papers/closed-paper/html")).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await lead.GetAsync("/api/papers/closed-paper")).StatusCode.Should().Be(HttpStatusCode.NotFound, "a programme lead does not read private papers");
        (await member.GetAsync("/api/papers/closed-paper")).StatusCode.Should().Be(HttpStatusCode.OK);

        var publicView = await visitor.GetFromJsonAsync<MeetingDetails>(Meeting);
        var boardView = await member.GetFromJsonAsync<MeetingDetails>(Meeting);
        publicView!.Agenda.Should().NotContain(i => i.Part == AgendaPart.Private);
        boardView!.Agenda.Should().Contain(i => i.Title == "Confidential: provider failure regime");
        (await visitor.GetFromJsonAsync<PaperDetails[]>("/api/papers?boardId=ldib"))!.Select(p => p.Id).Should().Equal("open-paper");

        var publicPack = await visitor.GetStringAsync($"{Meeting}/pack");
        publicPack.Should().Contain("Open paper for the public").And.NotContain("Confidential");
        (await visitor.GetAsync($"{Meeting}/pack?audience=full")).StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await member.GetStringAsync($"{Meeting}/pack?audience=full")).Should().Contain("Confidential: provider failure regime");
        (await visitor.GetAsync($"{Meeting}/history")).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task ShouldLetAMemberDeclareOnlyTheirOwnInterest()
    {
        await using var api = BoardDeskApi.OnFreshData(_folder);
        await PrepareMeetingAsync(await api.OperatorClientAsync());
        var member = await api.SignedInClientAsync("ldib-member");
        var itemId = (await member.GetFromJsonAsync<MeetingDetails>(Meeting))!.Agenda.Single(i => i.PaperId == "open-paper").Id;

        var own = await member.PostAsJsonAsync($"{Meeting}/declarations", new { agendaItemId = itemId, name = "LDIB member for NHS England", interest = "Trustee of a provider named in the paper" });
        var other = await member.PostAsJsonAsync($"{Meeting}/declarations", new { agendaItemId = itemId, name = "Someone else", interest = "Made up" });

        own.StatusCode.Should().Be(HttpStatusCode.OK);
        other.StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await member.GetFromJsonAsync<MeetingDetails>(Meeting))!.Declarations.Should().ContainSingle().Which.Name.Should().Be("LDIB member for NHS England");
    }

    [Fact]
    public async Task ShouldAnswerExactlyAsForAnUnknownId_WhenAnotherBoardsDraftPaperOrOpenDecisionIsAskedFor()
    {
        await using var api = BoardDeskApi.OnFreshData(_folder);
        var operatorClient = await api.OperatorClientAsync();
        await PrepareMeetingAsync(operatorClient);
        (await operatorClient.PostAsJsonAsync("/api/papers", new
        {
            id = "nqb-draft",
            boardId = "nqb",
            content = new { title = "NQB draft", purpose = "ForDiscussion", author = "Secretariat", sponsoringOrganisationId = "cqc", summary = "A summary.", body = "1. A paragraph." },
        })).EnsureSuccessStatusCode();
        (await operatorClient.PostAsJsonAsync("/api/boards/nqb/decisions", new
        {
            decisionId = "nqb-procedure",
            closesAt = DateTimeOffset.UtcNow.AddHours(1),
            motion = "The board agrees its work plan.",
            method = "SimpleMajority",
            ballot = "Named",
            unit = "Organisation",
        })).EnsureSuccessStatusCode();
        var secretary = await api.TokenClientAsync("ldib-secretary");
        var member = await api.TokenClientAsync("ldib-member");

        async Task<(HttpStatusCode Status, string? Detail)> AnswerAsync(HttpClient client, HttpMethod method, string path, object? body = null)
        {
            using var request = new HttpRequestMessage(method, path) { Content = body is null ? null : JsonContent.Create(body) };
            using var response = await client.SendAsync(request);
            var text = await response.Content.ReadAsStringAsync();
            var detail = System.Text.Json.JsonDocument.Parse(text).RootElement.TryGetProperty("detail", out var d) ? d.GetString() : null;
            var errors = System.Text.Json.JsonDocument.Parse(text).RootElement.TryGetProperty("errors", out var e) ? e.ToString() : null;
            return (response.StatusCode, detail ?? errors);
        }

        var calls = new (HttpClient Client, HttpMethod Method, string Hidden, string Unknown, object? Body)[]
        {
            (secretary, HttpMethod.Get, "/api/papers/nqb-draft/history", "/api/papers/no-such-paper/history", null),
            (secretary, HttpMethod.Post, "/api/papers/nqb-draft/submit", "/api/papers/no-such-paper/submit", null),
            (secretary, HttpMethod.Post, "/api/papers/nqb-draft/publish", "/api/papers/no-such-paper/publish", null),
            (member, HttpMethod.Get, "/api/papers/nqb-draft/history", "/api/papers/no-such-paper/history", null),
            (secretary, HttpMethod.Get, "/api/decisions/nqb-procedure/history", "/api/decisions/no-such-decision/history", null),
            (member, HttpMethod.Get, "/api/decisions/nqb-procedure/history", "/api/decisions/no-such-decision/history", null),
            (member, HttpMethod.Get, "/api/decisions/nqb-procedure", "/api/decisions/no-such-decision", null),
        };
        foreach (var (client, method, hidden, unknown, body) in calls)
        {
            var forHidden = await AnswerAsync(client, method, hidden, body);
            var forUnknown = await AnswerAsync(client, method, unknown, body);
            forHidden.Status.Should().Be(HttpStatusCode.NotFound, $"{method} {hidden}");
            forHidden.Should().Be((forUnknown.Status, forUnknown.Detail?.Replace("no-such-paper", "nqb-draft").Replace("no-such-decision", "nqb-procedure")), $"{method} {hidden} answers as {unknown}");
        }

        var toHidden = await AnswerAsync(secretary, HttpMethod.Post, Meeting + "/agenda", new { title = "T", presenter = "P", minutes = 5, purpose = "ForDiscussion", part = "Public", paperId = "nqb-draft" });
        var toUnknown = await AnswerAsync(secretary, HttpMethod.Post, Meeting + "/agenda", new { title = "T", presenter = "P", minutes = 5, purpose = "ForDiscussion", part = "Public", paperId = "no-such-paper" });
        toHidden.Status.Should().Be(toUnknown.Status);
        toHidden.Detail.Should().Be(toUnknown.Detail!.Replace("no-such-paper", "nqb-draft")).And.NotContain("is for the board");
    }

    private static async Task PrepareMeetingAsync(HttpClient secretariat)
    {
        (await secretariat.PostAsJsonAsync("/api/boards/ldib/meetings", new { meetingId = "2016-01-20", startsAt = "10:00:00", endsAt = "12:00:00", location = "London" })).EnsureSuccessStatusCode();
        foreach (var (id, title, part) in new[] { ("open-paper", "Open paper for the public", "Public"), ("closed-paper", "Confidential: provider failure regime", "Private") })
        {
            (await secretariat.PostAsJsonAsync("/api/papers", new
            {
                id,
                boardId = "ldib",
                meetingId = "2016-01-20",
                content = new { title, purpose = "ForDiscussion", author = "Secretariat", sponsoringOrganisationId = "monitor", summary = "A summary.", body = "1. A paragraph." },
            })).EnsureSuccessStatusCode();
            (await secretariat.PostAsJsonAsync($"{Meeting}/agenda", new { title, presenter = "Secretariat", minutes = 10, purpose = "ForDiscussion", part, paperId = id })).EnsureSuccessStatusCode();
        }

        (await secretariat.PostAsync($"{Meeting}/agenda/publish", null)).EnsureSuccessStatusCode();
        foreach (var id in new[] { "open-paper", "closed-paper" })
        {
            foreach (var step in new[] { "submit", "approve", "publish" })
            {
                (await secretariat.PostAsync($"/api/papers/{id}/{step}", null)).EnsureSuccessStatusCode();
            }
        }
    }
}

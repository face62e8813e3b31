using BoardDesk.Actions;
using System.Net;
using System.Net.Http.Json;
using BoardDesk.Meetings;
using BoardDesk.Persistence;

namespace BoardDesk.Server.Tests.Decisions;

/// <summary>
/// The LDIB on the sample data: a member account for each voting member organisation, and the meeting of
/// 23 October 2015 with its attendance, a decision item, and a declaration of interest on it.
/// </summary>
internal sealed class LdibBoard(BoardDeskApi api)
{
    /// <summary>Settings that let a test sign in many accounts and cast many ballots from one address.</summary>
    public static IReadOnlyDictionary<string, string?> Settings { get; } = new Dictionary<string, string?>
    {
        ["BoardDesk:SignInAttemptsPerMinute"] = "10000",
        ["BoardDesk:BallotsPerMinute"] = "100000",
    };

    public const string MeetingId = "2015-10-23";

    /// <summary>The agenda item the decisions are taken under.</summary>
    public int ItemId { get; private set; }

    public HttpClient Operator { get; private set; } = null!;

    /// <summary>Clients of the account holding each voting organisation's seat, by organisation id.</summary>
    public Dictionary<string, HttpClient> Voters { get; } = new(StringComparer.Ordinal);

    public static async Task<T> ReadAsync<T>(HttpResponseMessage response, HttpStatusCode expected = HttpStatusCode.OK)
    {
        var text = await response.Content.ReadAsStringAsync();
        response.StatusCode.Should().Be(expected, $"{response.RequestMessage?.Method} {response.RequestMessage?.RequestUri} answered {text}");
        return System.Text.Json.JsonSerializer.Deserialize<T>(text, JournalJson.Options)!;
    }

    public static async Task<T> PostAsync<T>(HttpClient client, string path, object? body, HttpStatusCode expected = HttpStatusCode.OK) =>
        await ReadAsync<T>(await client.PostAsJsonAsync(path, body, JournalJson.Options), expected);

    public static async Task<T> GetAsync<T>(HttpClient client, string path) => await ReadAsync<T>(await client.GetAsync(path));

    /// <summary>Records an action on the LDIB from a minute item, owned by <paramref name="owner"/> for <paramref name="organisation"/>.</summary>
    public static Task<ActionDetails> CreateActionAsync(HttpClient client, string id, string description, string organisation, DateOnly due, string owner = "ldib-lead") =>
        PostAsync<ActionDetails>(client, "/api/boards/ldib/actions", new
        {
            actionId = id,
            description,
            owner = new { person = owner, organisationId = organisation },
            dueOn = due,
            source = new { kind = "MinuteItem", reference = "2015-10-23#5" },
        }, HttpStatusCode.Created);

    /// <summary>Creates the member and deputy accounts, links each to its place on the board, and signs everyone in.</summary>
    public async Task SignInAsync()
    {
        Operator = await api.OperatorClientAsync();
        var admin = await api.SignedInClientAsync("admin");
        await CreateAndLinkAccountsAsync(admin);
        foreach (var (organisation, user) in Holders)
        {
            Voters[organisation] = await api.TokenClientAsync(user);
            Deputies[organisation] = await api.TokenClientAsync($"deputy-{organisation}");
        }

        Chair = Voters["monitor"];
    }

    /// <summary>The sample chair's client (who holds Monitor's seat): opens and closes votes.</summary>
    public HttpClient Chair { get; private set; } = null!;

    /// <summary>Clients of the deputy each voting organisation's member has, by organisation id.</summary>
    public Dictionary<string, HttpClient> Deputies { get; } = new(StringComparer.Ordinal);

    /// <summary>The client of the person named: the organisation's deputy for a deputy's name, its member otherwise.</summary>
    public HttpClient ClientFor(string organisation, string person) =>
        person.EndsWith(" deputy", StringComparison.Ordinal) ? Deputies[organisation] : Voters[organisation];

    /// <summary>The account holding each voting organisation's seat: the sample ones for NHS England and Monitor (the chair).</summary>
    public static IReadOnlyDictionary<string, string> Holders { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["nhs-england"] = "ldib-member",
        ["monitor"] = "ldib-chair",
        ["nhs-tda"] = "voter-nhs-tda",
        ["hee"] = "voter-hee",
        ["phe"] = "voter-phe",
        ["cqc"] = "voter-cqc",
    };

    /// <summary>
    /// Creates an account for each voting seat without a sample one, and one for each member's first deputy
    /// (<c>deputy-{organisation}</c>), and records on the board which account holds which place.
    /// </summary>
    public static async Task CreateAndLinkAccountsAsync(HttpClient admin, string password = BoardDeskApi.SamplePassword)
    {
        foreach (var (organisation, user) in Holders)
        {
            foreach (var (account, name) in new[] { (user, $"LDIB member for {organisation}"), ($"deputy-{organisation}", $"LDIB deputy for {organisation}") })
            {
                if (account.StartsWith("ldib-", StringComparison.Ordinal))
                {
                    continue;
                }

                (await admin.PostAsJsonAsync("/api/accounts", new { userName = account, displayName = name, password })).EnsureSuccessStatusCode();
                (await admin.PostAsJsonAsync($"/api/accounts/{account}/roles", new { boardId = "ldib", role = "Member", organisationId = organisation })).EnsureSuccessStatusCode();
            }
        }

        var board = await admin.GetFromJsonAsync<BoardDesk.Boards.BoardDetails>("/api/boards/ldib", JournalJson.Options);
        var members = board!.Members.Select(m => Holders.TryGetValue(m.OrganisationId, out var holder) && m.Voting
            ? m with { UserName = holder, DeputyUserNames = new Dictionary<string, string> { [m.Deputies[0]] = $"deputy-{m.OrganisationId}" } }
            : m).ToList();
        (await admin.PutAsJsonAsync("/api/boards/ldib", new BoardDesk.Boards.DefineBoard
        {
            Name = board.Name,
            TermsOfReference = board.TermsOfReference,
            Members = members,
            Secretariat = board.Secretariat,
            Quorum = board.Quorum,
            PaperDeadlineDays = board.PaperDeadlineDays,
        }, JournalJson.Options)).EnsureSuccessStatusCode();
    }

    /// <summary>
    /// Schedules the meeting of 23 October 2015 with a decision item; every voting member attends (NHS TDA through
    /// its deputy), and the HEE representative declares an interest in the item.
    /// </summary>
    public async Task HoldMeetingAsync()
    {
        const string meeting = $"/api/boards/ldib/meetings/{MeetingId}";
        await PostAsync<MeetingDetails>(Operator, "/api/boards/ldib/meetings", new { meetingId = MeetingId, startsAt = "10:00:00", endsAt = "12:30:00", location = "Wellington House" }, HttpStatusCode.Created);
        var details = await PostAsync<MeetingDetails>(Operator, $"{meeting}/agenda", new
        {
            title = "Hosting of the intensive support teams",
            presenter = "NHS Trust Development Authority representative",
            minutes = 20,
            purpose = "ForDecision",
            part = "Public",
        });
        ItemId = details.Agenda[^1].Id;
        await PostAsync<MeetingDetails>(Operator, $"{meeting}/agenda/publish", null);
        details = await ReadAsync<MeetingDetails>(await Operator.PutAsJsonAsync($"{meeting}/attendance", new
        {
            attendees = new object[]
            {
                new { name = "NHS England representative", kind = "Present" },
                new { name = "Monitor representative", kind = "Present" },
                new { name = "NHS Trust Development Authority deputy", kind = "Deputy", deputyFor = "NHS Trust Development Authority representative" },
                new { name = "Health Education England representative", kind = "Present" },
                new { name = "Public Health England representative", kind = "Present" },
                new { name = "Care Quality Commission representative", kind = "Present" },
                new { name = "Department of Health representative", kind = "Present" },
            },
        }));
        details.Quorum!.Met.Should().BeTrue();
        await PostAsync<MeetingDetails>(Operator, $"{meeting}/declarations", new
        {
            agendaItemId = ItemId,
            name = "Health Education England representative",
            interest = "HEE would host one of the teams.",
            action = "Left the room for the vote.",
        });
    }
}

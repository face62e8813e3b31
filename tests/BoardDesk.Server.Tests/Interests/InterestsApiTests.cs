using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using BoardDesk.Interests;
using BoardDesk.Meetings;
using BoardDesk.Persistence;
using BoardDesk.Testing;

namespace BoardDesk.Server.Tests.Interests;

/// <summary>
/// The registers of interests through the HTTP API as the sample accounts: ldib-member (NHS England's seat),
/// ldib-chair (Monitor's seat, the chair), ldib-secretary, ldib-observer and anonymous visitors.
/// </summary>
public sealed class InterestsApiTests : IDisposable
{
    private const string MemberRegister = "/api/people/ldib-member/interests";
    private readonly TemporaryFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task ShouldLetOnlyTheMemberEditTheirRegisterTheSecretariatReadItAndAnonymousSeeOnlyThePublishedRegister_WhenEachRoleTries()
    {
        await using var api = BoardDeskApi.OnFreshData(_folder);
        var member = await api.TokenClientAsync("ldib-member");
        var secretary = await api.TokenClientAsync("ldib-secretary");
        var observer = await api.TokenClientAsync("ldib-observer");
        var anonymous = api.CreateClient();

        await Ok(await member.PostAsJsonAsync(MemberRegister, new { category = "NonFinancialProfessional", description = "Member of HEE's leadership advisory group.", organisationId = "hee", role = "Adviser", from = "2015-04-01" }));
        await Ok(await member.PostAsJsonAsync(MemberRegister, new { category = "Financial", description = "Retainer from a coaching supplier.", companyName = "Confidential Coaching Ltd", from = "2015-06-01", published = false, withheldBecause = "CommercialConfidentiality" }));
        var register = Read<InterestRegisterDetails>(await Ok(await member.PostAsJsonAsync("/api/people/ldib-member/gifts", new { offeredBy = "A conference organiser", description = "Dinner after the King's Fund summit", estimatedValue = 60, on = "2015-07-09", accepted = true })));

        var secretaryReads = Read<InterestRegisterDetails>(await Ok(await secretary.GetAsync(MemberRegister)));
        var secretaryWrites = await secretary.PostAsJsonAsync(MemberRegister, new { category = "Financial", description = "Written by someone else.", companyName = "X", from = "2015-01-01" });
        var memberOnChair = await member.GetAsync("/api/people/ldib-chair/interests");
        var memberWritesChair = await member.PostAsJsonAsync("/api/people/ldib-chair/interests", new { category = "Financial", description = "Not mine.", companyName = "X", from = "2015-01-01" });
        var observerReads = await observer.GetAsync(MemberRegister);
        var observerUnknown = await observer.GetAsync("/api/people/no-such-person/interests");
        var anonymousReads = await anonymous.GetAsync(MemberRegister);
        var published = await anonymous.GetAsync("/api/boards/ldib/register-of-interests");
        var csv = await anonymous.GetAsync("/api/boards/ldib/register-of-interests?format=csv");
        var xlsx = await anonymous.GetAsync("/api/boards/ldib/register-of-interests?format=xlsx");
        var badFormat = await anonymous.GetAsync("/api/boards/ldib/register-of-interests?format=doc");

        register.Interests.Should().HaveCount(2);
        register.Gifts.Should().ContainSingle();
        secretaryReads.Should().BeEquivalentTo(register, "the secretariat sees everything the member declared");
        secretaryWrites.StatusCode.Should().Be(HttpStatusCode.Forbidden, "a member edits only their own register");
        memberOnChair.StatusCode.Should().Be(HttpStatusCode.NotFound);
        memberWritesChair.StatusCode.Should().Be(HttpStatusCode.NotFound);
        observerReads.StatusCode.Should().Be(observerUnknown.StatusCode, "another's register answers as one that does not exist").And.Be(HttpStatusCode.NotFound);
        anonymousReads.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        // The sample chair's invented declarations are on the register too; these are the member's.
        var lines = Read<List<JsonElement>>(await Ok(published)).Where(l => l.GetProperty("person").GetString() == "NHS England representative").ToList();
        lines.Select(l => (l.GetProperty("kind").GetString(), l.GetProperty("description").GetString(), l.GetProperty("withheld").GetString())).Should().Equal(
            ("Interest", "Member of HEE's leadership advisory group.", null),
            ("Interest", "Withheld", "Commercial confidentiality"),
            ("Gift or hospitality", "Dinner after the King's Fund summit", null));
        lines[0].GetProperty("concerning").GetString().Should().Be("Health Education England");
        lines[0].GetProperty("dates").GetString().Should().Be("From 1 April 2015");
        var text = await published.Content.ReadAsStringAsync() + await csv.Content.ReadAsStringAsync();
        text.Should().NotContain("Confidential Coaching").And.NotContain("Retainer").And.NotContain("2015-06-01").And.NotContain("1 June 2015");
        (await csv.Content.ReadAsStringAsync()).Should().Contain("NHS England representative,NHS England,Interest,,Withheld,,,,,Commercial confidentiality");
        xlsx.Content.Headers.ContentType!.MediaType.Should().Be("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        badFormat.StatusCode.Should().Be(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task ShouldRefuseNamingTheFieldsAndChangeNothing_WhenAnEntryIsInvalidOrANilReturnContradictsTheRegister()
    {
        await using var api = BoardDeskApi.OnFreshData(_folder);
        var member = await api.TokenClientAsync("ldib-member");
        await Ok(await member.PostAsJsonAsync("/api/people/ldib-member/returns", new { nil = true }));
        await Ok(await member.PostAsJsonAsync(MemberRegister, new { category = "Indirect", description = "My partner works for CQC.", organisationId = "cqc", role = "Partner is an inspector", from = "2015-01-01" }));
        var before = await api.CountEventsAsync();

        var invalid = await member.PostAsJsonAsync(MemberRegister, new { category = "Indirect", description = "", organisationId = "no-such-body", from = "2015-01-01", published = false });
        var nil = await member.PostAsJsonAsync("/api/people/ldib-member/returns", new { nil = true });

        invalid.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await ClockedServer.ProblemAsync(invalid)).Errors.Keys.Should().BeEquivalentTo(["description", "organisationId", "withheldBecause"]);
        nil.StatusCode.Should().Be(HttpStatusCode.Conflict);
        (await nil.Content.ReadAsStringAsync()).Should().Contain("holds 1 current interest");
        (await api.CountEventsAsync()).Should().Be(before);
        var register = Read<InterestRegisterDetails>(await Ok(await member.GetAsync(MemberRegister)));
        register.Returns.Should().ContainSingle(r => r.Nil, "the nil return made while the register was empty stands");
    }

    [Fact]
    public async Task ShouldShowEachMemberTheirOwnConflictAndDeclareItInOneStep_WhenTheSecretariatPublishesAnAgendaConcerningTheirInterest()
    {
        await using var api = BoardDeskApi.OnFreshData(_folder);
        var member = await api.TokenClientAsync("ldib-member");
        var chair = await api.TokenClientAsync("ldib-chair");
        var secretary = await api.TokenClientAsync("ldib-secretary");
        await Ok(await member.PostAsJsonAsync(MemberRegister, new { category = "NonFinancialProfessional", description = "Member of HEE's leadership advisory group.", organisationId = "hee", from = "2015-04-01" }));
        await Ok(await chair.PostAsJsonAsync("/api/people/ldib-chair/interests", new { category = "NonFinancialPersonal", description = "Trustee of a leadership charity.", companyName = "Leaders Trust", from = "2015-04-01" }));
        const string meeting = "/api/boards/ldib/meetings/2016-01-15-interests";
        await Ok(await secretary.PostAsJsonAsync("/api/boards/ldib/meetings", new { meetingId = "2016-01-15-interests", startsAt = "10:00:00", endsAt = "12:00:00", location = "Skipton House, London" }));
        var agenda = Read<MeetingDetails>(await Ok(await secretary.PostAsJsonAsync($"{meeting}/agenda", new { title = "Trainee leadership scheme", purpose = "ForDecision" })));
        var item = agenda.Agenda[^1].Id;
        var badConcern = await secretary.PutAsJsonAsync($"{meeting}/agenda/{item}/concerns", new { concerns = new object[] { new { kind = "Organisation", id = "no-such-body" } } });
        await Ok(await secretary.PutAsJsonAsync($"{meeting}/agenda/{item}/concerns", new { concerns = new object[] { new { kind = "Organisation", id = "hee" }, new { kind = "Company", name = "Leaders Trust" } } }));
        await Ok(await secretary.PostAsync($"{meeting}/agenda/publish", null));

        var all = Read<List<ProposedConflict>>(await Ok(await secretary.GetAsync($"{meeting}/proposed-conflicts")));
        var mine = Read<List<ProposedConflict>>(await Ok(await member.GetAsync($"{meeting}/proposed-conflicts")));
        var othersConflict = await member.PostAsJsonAsync($"{meeting}/proposed-conflicts/declare", new { agendaItemId = item, interestId = 1, personId = "ldib-chair" });
        var declared = Read<MeetingDetails>(await Ok(await member.PostAsJsonAsync($"{meeting}/proposed-conflicts/declare", new { agendaItemId = item, interestId = 1 })));
        var twice = await member.PostAsJsonAsync($"{meeting}/proposed-conflicts/declare", new { agendaItemId = item, interestId = 1 });
        var declaration = declared.Declarations.Should().ContainSingle().Subject;
        var memberManages = await member.PostAsJsonAsync($"{meeting}/declarations/{declaration.Id}/management", new { management = "MayTakePart" });
        var noDecision = await chair.PostAsJsonAsync($"{meeting}/declarations/{declaration.Id}/management", new { note = "?" });
        var managed = Read<MeetingDetails>(await Ok(await chair.PostAsJsonAsync($"{meeting}/declarations/{declaration.Id}/management", new { management = "TakesNoPartInTheVote" })));

        badConcern.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        all.Select(c => c.PersonId).Distinct().Should().BeEquivalentTo(["ldib-member", "ldib-chair"]);
        mine.Should().ContainSingle().Which.Explanation.Should().Be("You declared a non-financial professional interest in Health Education England; item 5 concerns Health Education England.");
        othersConflict.StatusCode.Should().Be(HttpStatusCode.NotFound, "a member declares only their own conflicts");
        declaration.Should().BeEquivalentTo(new { AgendaItemId = item, Name = "NHS England representative", PersonId = "ldib-member", InterestId = (int?)1, Interest = "Non-financial professional interest: Member of HEE's leadership advisory group." });
        twice.StatusCode.Should().Be(HttpStatusCode.Conflict);
        memberManages.StatusCode.Should().Be(HttpStatusCode.Forbidden, "the chair decides how an interest is managed");
        noDecision.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await ClockedServer.ProblemAsync(noDecision)).Errors.Should().ContainKey("management");
        managed.Declarations.Single().Should().BeEquivalentTo(new { Management = (DeclarationManagement?)DeclarationManagement.TakesNoPartInTheVote, ManagedBy = "ldib-chair", Recuses = true });
    }

    [Fact]
    public async Task ShouldShowTheSampleChairsPublishedEntriesAndOnlyTheReasonOfTheWithheldOne_WhenAnyoneOpensThePublicRegisterPage()
    {
        await using var api = BoardDeskApi.OnFreshData(_folder);
        var anonymous = api.CreateClient();

        var page = await anonymous.GetAsync("/boards/ldib/register-of-interests");
        var chair = Read<InterestRegisterDetails>(await Ok(await (await api.TokenClientAsync("ldib-chair")).GetAsync("/api/people/ldib-chair/interests")));

        page.StatusCode.Should().Be(HttpStatusCode.OK);
        var html = await page.Content.ReadAsStringAsync();
        html.Should().Contain("Honorary visiting fellow").And.Contain("Withheld").And.Contain("privacy").And.Contain("Two tickets to the Wimbledon championships");
        chair.Interests.Should().Contain(i => i.Description.Contains("local offices"), "the chair's own register holds everything they declared");
        html.Should().NotContain("local offices").And.NotContain("Close family member");
    }

    private static async Task<HttpResponseMessage> Ok(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        response.IsSuccessStatusCode.Should().BeTrue($"{response.RequestMessage?.Method} {response.RequestMessage?.RequestUri} answered {(int)response.StatusCode}: {text}");
        return response;
    }

    private static T Read<T>(HttpResponseMessage response) =>
        JsonSerializer.Deserialize<T>(response.Content.ReadAsStream(), JournalJson.Options)!;
}

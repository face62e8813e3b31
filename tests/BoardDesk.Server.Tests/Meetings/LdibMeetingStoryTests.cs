using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using BoardDesk.Grains;
using BoardDesk.Meetings;
using BoardDesk.Papers;
using BoardDesk.Testing;

namespace BoardDesk.Server.Tests.Meetings;

/// <summary>
/// The LDIB meeting of 23 October 2015 built from the seeds through the HTTP API: agenda, the NILDS paper (seed
/// 004), attendance and quorum, declarations, the board pack, minutes approved at the next meeting and locked.
/// </summary>
public sealed class LdibMeetingStoryTests
{
    private const string Meeting = "/api/boards/ldib/meetings/2015-10-23";
    private const string NextMeeting = "/api/boards/ldib/meetings/2015-11-20";
    private const string Paper = "/api/papers/nilds-ldib-2015-10";

    [Fact]
    public async Task ShouldRunTheMeetingFromAgendaToLockedMinutes_WhenTheSecretariatDrivesItThroughTheApi()
    {
        await using var server = new ClockedServer(new DateTimeOffset(2015, 10, 1, 9, 0, 0, TimeSpan.Zero));
        await server.CreateSampleBoardsAsync();

        // Scheduled: the agenda starts with the four standing items.
        var meeting = await server.PostAsync<MeetingDetails>("/api/boards/ldib/meetings",
            new { meetingId = "2015-10-23", startsAt = "10:00:00", endsAt = "12:30:00", location = "Wellington House, 133-155 Waterloo Road, London" }, HttpStatusCode.Created);
        meeting.Status.Should().Be(MeetingStatus.Planned);
        meeting.Agenda.Select(i => i.Standing).Should().Equal(
            StandingItem.WelcomeAndApologies, StandingItem.DeclarationsOfInterest, StandingItem.MinutesOfLastMeeting, StandingItem.MattersArising);

        // The NILDS paper (seed 004) is drafted for the meeting; publishing a draft is refused and changes nothing.
        var sample = NildsSample.Load();
        var paper = await server.PostAsync<PaperDetails>("/api/papers", new { id = "nilds-ldib-2015-10", boardId = "ldib", meetingId = "2015-10-23", content = sample.Content }, HttpStatusCode.Created);
        paper.Status.Should().Be(PaperStatus.Draft);
        var refused = await server.SendRawAsync(HttpMethod.Post, $"{Paper}/publish");
        refused.StatusCode.Should().Be(HttpStatusCode.Conflict);
        (await refused.Content.ReadAsStringAsync()).Should().Contain("the paper is a draft");
        (await server.GetAsync<PaperDetails>(Paper)).Should().BeEquivalentTo(paper);

        // A second version corrects the summary; the two compare line by line.
        paper = await server.PostAsync<PaperDetails>($"{Paper}/versions", new { content = sample.Content with { Summary = sample.Content.Summary + " It asks the Board to discuss a single strategy." }, note = "Summary states the ask." });
        paper.CurrentVersion.Should().Be(2);
        var comparison = await server.GetAsync<PaperComparison>($"{Paper}/compare?from=1&to=2");
        comparison.Added.Should().Be(1);
        comparison.Removed.Should().Be(1);
        comparison.Lines.Single(l => l.Kind == DiffLineKind.Added).Text.Should().EndWith("discuss a single strategy.");

        // The agenda: the paper in public, and a confidential item in private; then published.
        await server.PostAsync<MeetingDetails>($"{Meeting}/agenda", new
        {
            title = "National improvement and leadership development strategy (NILDS)",
            presenter = "Suzie Bailey, Development Director (Monitor)",
            minutes = 40,
            purpose = "ForDiscussion",
            part = "Public",
            paperId = "nilds-ldib-2015-10",
        });
        await server.PostAsync<MeetingDetails>($"{Meeting}/agenda", new
        {
            title = "Hosting of the intensive support teams (confidential)",
            presenter = "NHS Trust Development Authority representative",
            minutes = 20,
            purpose = "ForDecision",
            part = "Private",
        });
        meeting = await server.PostAsync<MeetingDetails>($"{Meeting}/agenda/publish");
        meeting.Status.Should().Be(MeetingStatus.AgendaPublished);
        meeting.Agenda.Should().HaveCount(6);
        var nildsItem = meeting.Agenda.Single(i => i.PaperId == "nilds-ldib-2015-10");
        nildsItem.Number.Should().Be(5);

        // Submitted on 14 October, before the deadline of 16 October (seven days before); approved and published.
        server.Clock.Now = new DateTimeOffset(2015, 10, 14, 16, 0, 0, TimeSpan.Zero);
        paper = await server.PostAsync<PaperDetails>($"{Paper}/submit");
        paper.Late.Should().BeFalse();
        paper.Deadline.Should().Be(new DateOnly(2015, 10, 16));
        await server.PostAsync<PaperDetails>($"{Paper}/approve");
        paper = await server.PostAsync<PaperDetails>($"{Paper}/publish");
        paper.Status.Should().Be(PaperStatus.Published);

        // The meeting day: attendance, quorum, a declaration of interest.
        server.Clock.Now = new DateTimeOffset(2015, 10, 23, 9, 0, 0, TimeSpan.Zero);
        meeting = await server.PutAsync<MeetingDetails>($"{Meeting}/attendance", new
        {
            attendees = new object[]
            {
                new { name = "NHS England representative", kind = "Present" },
                new { name = "Monitor representative", kind = "Present" },
                new { name = "NHS Trust Development Authority deputy", kind = "Deputy", deputyFor = "NHS Trust Development Authority representative" },
                new { name = "Health Education England representative", kind = "Present" },
                new { name = "Public Health England representative", kind = "Apologies" },
                new { name = "Care Quality Commission representative", kind = "Apologies" },
                new { name = "Department of Health representative", kind = "Present" },
                new { name = "Suzie Bailey", kind = "InAttendance", organisationId = "monitor" },
            },
        });
        meeting.Quorum!.Met.Should().BeTrue();
        meeting.Quorum.OrganisationsRepresented.Should().BeEquivalentTo(["nhs-england", "monitor", "nhs-tda", "hee"]);
        meeting.Quorum.ChairOrViceChairPresent.Should().BeTrue();
        meeting = await server.PostAsync<MeetingDetails>($"{Meeting}/declarations", new
        {
            agendaItemId = nildsItem.Id,
            name = "Health Education England representative",
            interest = "HEE hosts the NHS Leadership Academy, whose programmes the strategy covers.",
            action = "Took part in the discussion.",
        });
        meeting.Declarations.Should().ContainSingle(d => d.AgendaItemId == nildsItem.Id);

        // The board pack: cover, agenda, the paper with numbered paragraphs; the public pack leaves out the private item.
        var publicPack = await server.Client.GetStringAsync($"{Meeting}/pack");
        publicPack.Should().Contain("Board pack").And.Contain("Agenda").And.Contain("Developing the national improvement and leadership development strategy(ies) (NILDS)");
        publicPack.Should().Contain("id=\"para-11\"").And.Contain("Suzie Bailey").And.Contain("<link rel=\"stylesheet\" href=\"/board-pack.css\">");
        (await server.Client.GetStringAsync("/board-pack.css")).Should().Contain("counter(page)", "the pages are numbered when printed");
        publicPack.Should().NotContain("intensive support teams");
        publicPack.IndexOf("<h1>Agenda</h1>", StringComparison.Ordinal).Should().BeLessThan(publicPack.IndexOf("id=\"para-1\"", StringComparison.Ordinal));
        var fullPack = await server.Client.GetStringAsync($"{Meeting}/pack?audience=full");
        fullPack.Should().Contain("Hosting of the intensive support teams (confidential)").And.Contain("Part 2: in private");

        var pdf = await server.SendRawAsync(HttpMethod.Get, $"{Meeting}/pack.pdf");
        if (Chromium.MustTest)
        {
            Chromium.Require();
            await ClockedServer.ExpectAsync(pdf, HttpStatusCode.OK);
            pdf.Content.Headers.ContentType!.MediaType.Should().Be("application/pdf");
            var bytes = await pdf.Content.ReadAsByteArrayAsync();
            Encoding.ASCII.GetString(bytes, 0, 5).Should().Be("%PDF-");
            PdfPages.Count(bytes).Should().BeGreaterThanOrEqualTo(3, "a cover, the agenda and the paper each start a page");
        }
        else
        {
            pdf.StatusCode.Should().Be(HttpStatusCode.ServiceUnavailable);
            (await pdf.Content.ReadAsStringAsync()).Should().Contain("Chromium");
        }

        // Held; minutes drafted from the agenda.
        meeting = await server.PostAsync<MeetingDetails>($"{Meeting}/held");
        meeting.Status.Should().Be(MeetingStatus.Held);
        meeting = await server.PutAsync<MeetingDetails>($"{Meeting}/minutes", new
        {
            items = new object[]
            {
                new { agendaItemId = 1, discussion = "The Chair welcomed members. Apologies were received from PHE and CQC." },
                new
                {
                    agendaItemId = nildsItem.Id,
                    discussion = "The Board discussed the proposal for a single national strategy for improvement and leadership development.",
                    decisions = new[] { "The Board agreed that a single national strategy for improvement and leadership development be developed, aligned with the national quality strategy." },
                    actions = new[] { new { description = "Bring an outline of the strategy to the next meeting.", owner = "Development Director, Monitor", dueOn = "2015-11-20" } },
                },
            },
        });
        meeting.Status.Should().Be(MeetingStatus.MinutesDrafted);
        meeting.Minutes!.Items.Should().HaveCount(6, "the minutes follow the agenda, one entry per item");
        meeting.Minutes.Locked.Should().BeFalse();

        // Re-used "for information" to the NQB.
        var nqb = await server.PostAsync<PaperDetails>($"{Paper}/reuse", new { id = "nilds-nqb-2015-11", boardId = "nqb", purpose = "ForInformation", summary = sample.NqbSummary }, HttpStatusCode.Created);
        nqb.DerivedFromPaperId.Should().Be("nilds-ldib-2015-10");
        nqb.Content.Purpose.Should().Be(AgendaPurpose.ForInformation);
        nqb.Content.Summary.Should().StartWith("This paper is for the NQB's information.");

        // The next meeting: its agenda carries the action into matters arising and approves the minutes.
        server.Clock.Now = new DateTimeOffset(2015, 11, 2, 9, 0, 0, TimeSpan.Zero);
        var next = await server.PostAsync<MeetingDetails>("/api/boards/ldib/meetings",
            new { meetingId = "2015-11-20", startsAt = "10:00:00", endsAt = "12:00:00", link = "https://meet.example.org/ldib" }, HttpStatusCode.Created);
        next.PreviousMeetingId.Should().Be("2015-10-23");
        next = await server.PostAsync<MeetingDetails>($"{NextMeeting}/agenda/publish");
        next.Agenda.Single(i => i.Standing == StandingItem.MattersArising).CarriedActions
            .Should().ContainSingle(a => a.Owner == "Development Director, Monitor" && a.AgreedAtMeetingId == "2015-10-23");
        var nextPack = await server.Client.GetStringAsync($"{NextMeeting}/pack");
        nextPack.Should().Contain("Minutes of the meeting of 23 October 2015").And.Contain("Bring an outline of the strategy to the next meeting.");

        server.Clock.Now = new DateTimeOffset(2015, 11, 20, 10, 15, 0, TimeSpan.Zero);
        var early = await server.SendRawAsync(HttpMethod.Post, $"{NextMeeting}/approve-previous-minutes");
        early.StatusCode.Should().Be(HttpStatusCode.Conflict);
        (await early.Content.ReadAsStringAsync()).Should().Contain("needs a quorate meeting");
        next = await server.PutAsync<MeetingDetails>($"{NextMeeting}/attendance", new
        {
            attendees = new[] { "NHS England", "Monitor", "Health Education England", "Public Health England", "Care Quality Commission" }
                .Select(o => new { name = $"{o} representative", kind = "Present" }),
        });
        next.Quorum!.Met.Should().BeTrue();
        next = await server.PostAsync<MeetingDetails>($"{NextMeeting}/approve-previous-minutes");
        next.ApprovedMinutesOfMeetingId.Should().Be("2015-10-23");
        meeting = await server.GetAsync<MeetingDetails>(Meeting);
        meeting.Status.Should().Be(MeetingStatus.MinutesApproved);
        meeting.Minutes!.ApprovedAtMeetingId.Should().Be("2015-11-20");

        // Approved minutes are locked: editing them answers 409 with the reason and changes nothing.
        var edit = await server.SendRawAsync(HttpMethod.Put, $"{Meeting}/minutes", new { items = new[] { new { agendaItemId = 1, discussion = "Rewritten." } } });
        edit.StatusCode.Should().Be(HttpStatusCode.Conflict);
        (await edit.Content.ReadAsStringAsync()).Should().Contain("locked");
        (await server.GetAsync<MeetingDetails>(Meeting)).Should().BeEquivalentTo(meeting);

        // Every change is in the items' histories, and both meetings are in the board's calendar.
        var history = await server.GetAsync<RecordedChange[]>($"{Meeting}/history");
        history.Select(h => h.Change).Should().ContainInOrder(
            "MeetingScheduled", "AgendaItemAdded", "AgendaPublished", "AttendanceRecorded", "InterestDeclared", "MeetingHeld", "MinutesDrafted", "MinutesApproved");
        (await server.GetAsync<RecordedChange[]>($"{Paper}/history")).Select(h => h.Change).Should().Equal(
            "PaperCreated", "PaperRevised", "PaperSubmitted", "PaperApprovedForCirculation", "PaperPublished");
        var page = await server.Client.GetStringAsync("/boards/ldib/meetings/2015-10-23");
        page.Should().Contain("Quorate: 4 member organisations").And.Contain("Minutes (approved at the meeting of 20 November 2015)").And.Contain("/papers/nilds-ldib-2015-10");
        (await server.Client.GetStringAsync("/boards")).Should().Contain("National Leadership Development and Improvement Board").And.Contain("/boards/ldib/meetings/2015-11-20");
        var calendar = await server.Client.GetStringAsync("/api/boards/ldib/calendar.ics");
        calendar.Should().Contain("UID:ldib-2015-10-23@").And.Contain("UID:ldib-2015-11-20@").And.Contain("DTSTART:20151023T090000Z");
    }

    [Fact]
    public async Task ShouldShowTheMeetingOf23October2015HeldWithItsPaperAndApprovedMinutes_WhenAFreshServerLoadsTheStory()
    {
        using var folder = new TemporaryFolder();
        await using var api = BoardDeskApi.OnFreshData(folder, BoardDesk.Server.Tests.Recommendations.Ldib2015StoryTests.Story);
        var client = await api.OperatorClientAsync();

        var meeting = await client.GetOkAsync<MeetingDetails>(Meeting);
        meeting.Status.Should().Be(MeetingStatus.MinutesApproved);
        meeting.Minutes!.ApprovedAtMeetingId.Should().Be("2015-11-20");
        meeting.Quorum!.Met.Should().BeTrue();
        meeting.Attendance.Should().Contain(a => a.Name == "NHS Trust Development Authority deputy" && a.Kind == AttendanceKind.Deputy);
        meeting.Agenda.Where(i => i.Standing is null).Select(i => (i.Number, i.Title, i.Purpose, i.PaperId)).Should().Equal(
            (5, "National improvement and leadership development strategy (NILDS)", AgendaPurpose.ForDiscussion, "nilds-ldib-2015-10"),
            (6, "Commissioning of improvement capability programmes (Smith review recommendation 9)", AgendaPurpose.ForDecision, (string?)null),
            (7, "Hosting of the intensive support teams (confidential)", AgendaPurpose.ForDiscussion, (string?)null));
        meeting.Declarations.Should().ContainSingle(d => d.AgendaItemId == 5 && d.Name == "Health Education England representative");
        meeting.Minutes.Items.Single(i => i.AgendaItemId == 5).Actions.Should().ContainSingle(a => a.DueOn == new DateOnly(2015, 11, 20));

        // Each change on its own date, by the account that would have made it.
        var history = await client.GetOkAsync<RecordedChange[]>($"{Meeting}/history");
        history.Select(h => (h.Change, BoardDesk.UkTime.DateOf(h.RecordedAt))).Should().ContainInOrder(
            ("MeetingScheduled", new DateOnly(2015, 10, 1)), ("AgendaPublished", new DateOnly(2015, 10, 9)), ("AttendanceRecorded", new DateOnly(2015, 10, 23)),
            ("InterestDeclared", new DateOnly(2015, 10, 23)), ("MeetingHeld", new DateOnly(2015, 10, 23)), ("MinutesDrafted", new DateOnly(2015, 10, 27)),
            ("MinutesApproved", new DateOnly(2015, 11, 20)));
        history.Single(h => h.Change == "InterestDeclared").User.Should().Be("ldib-hee");

        var paper = await client.GetOkAsync<PaperDetails>(Paper);
        paper.Status.Should().Be(PaperStatus.Published);
        paper.Content.Purpose.Should().Be(AgendaPurpose.ForDiscussion);
        paper.Late.Should().BeFalse();
        var nqb = await client.GetOkAsync<PaperDetails>("/api/papers/nilds-nqb-2015-11");
        (nqb.BoardId, nqb.DerivedFromPaperId, nqb.Content.Purpose, nqb.Status).Should().Be(("nqb", "nilds-ldib-2015-10", AgendaPurpose.ForInformation, PaperStatus.Published));
        (await client.GetOkAsync<MeetingDetails>("/api/boards/nqb/meetings/2015-11-26")).Status.Should().Be(MeetingStatus.MinutesDrafted);

        // The decision carried at the meeting, and the actions that follow the board's decisions, with owners and progress.
        var decision = (await client.GetFromJsonAsync<BoardDesk.Decisions.DecisionDetails>("/api/decisions/ldib-2015-10-23-item-6", ClockedServer.Json))!;
        decision.Outcome.Should().Be(BoardDesk.Decisions.DecisionOutcome.Carried);
        decision.Ballots.Select(b => b.CastBy).Should().BeEquivalentTo("Monitor representative", "NHS England representative", "NHS Trust Development Authority deputy", "Health Education England representative");
        BoardDesk.UkTime.DateOf(decision.ClosedAt!.Value).Should().Be(new DateOnly(2015, 10, 23));
        var december = (await client.GetFromJsonAsync<BoardDesk.Decisions.DecisionDetails>("/api/decisions/ldib-2015-12-11-item-5", ClockedServer.Json))!;
        december.Recused.Should().Equal("Health Education England representative");
        var succession = (await client.GetFromJsonAsync<BoardDesk.Actions.ActionDetails>("/api/actions/ldib-2015-11-20-item-5-3", ClockedServer.Json))!;
        succession.Description.Should().Be("NHS Improvement to establish succession plan for top 200 leaders.");
        succession.Owner.Should().Be(new BoardDesk.Actions.ActionOwner("ldib-lead", "nhs-improvement"));
        succession.Notes.Should().HaveCount(2);
        ((await client.GetFromJsonAsync<BoardDesk.Actions.ActionDetails>("/api/actions/ldib-2015-10-23-outline", ClockedServer.Json))!).ClosedAtMeetingId.Should().Be("2015-11-20");
        var messenger = (await client.GetFromJsonAsync<BoardDesk.Actions.ActionLogPage>("/api/boards/nqb/actions?pageSize=50", ClockedServer.Json))!;
        messenger.Entries.Select(a => a.SourceReference).Should().BeEquivalentTo(Enumerable.Range(1, 7).Select(n => $"messenger-2022/{n}"));
    }

    [Fact]
    public async Task ShouldFlagThePaperLate_WhenSubmittedAfterTheBoardsDeadline()
    {
        await using var server = new ClockedServer(new DateTimeOffset(2015, 10, 1, 9, 0, 0, TimeSpan.Zero));
        await server.CreateSampleBoardsAsync();
        await server.PostAsync<MeetingDetails>("/api/boards/ldib/meetings", new { meetingId = "2015-10-23", startsAt = "10:00:00", endsAt = "12:30:00", location = "London" }, HttpStatusCode.Created);
        await server.PostAsync<PaperDetails>("/api/papers", new { id = "nilds-ldib-2015-10", boardId = "ldib", meetingId = "2015-10-23", content = NildsSample.Load().Content }, HttpStatusCode.Created);

        server.Clock.Now = new DateTimeOffset(2015, 10, 17, 8, 0, 0, TimeSpan.Zero);
        var paper = await server.PostAsync<PaperDetails>($"{Paper}/submit");

        paper.Late.Should().BeTrue();
        paper.Deadline.Should().Be(new DateOnly(2015, 10, 16));
        (await server.Client.GetStringAsync($"{Meeting}/pack")).Should().NotContain("Late paper", "the paper is not on the agenda");
    }

    /// <summary>The NILDS paper of seed 004, from the samples folder.</summary>
    private sealed record NildsSample(PaperContent Content, string NqbSummary)
    {
        public static NildsSample Load()
        {
            var folder = Path.Combine(RepositoryPaths.Root, "samples", "ldib-2015");
            using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(folder, "nilds-paper.json")));
            var root = json.RootElement;
            string Text(string name) => root.GetProperty(name).GetString()!;
            return new NildsSample(
                new PaperContent
                {
                    Title = Text("title"),
                    Purpose = Enum.Parse<AgendaPurpose>(Text("purpose")),
                    Author = Text("author"),
                    AuthorTitle = Text("authorTitle"),
                    SponsoringOrganisationId = Text("sponsoringOrganisationId"),
                    Date = DateOnly.Parse(Text("date"), System.Globalization.CultureInfo.InvariantCulture),
                    Summary = Text("summary"),
                    Body = File.ReadAllText(Path.Combine(folder, Text("bodyFile"))),
                    Recommendations = root.GetProperty("recommendations").EnumerateArray().Select(r => r.GetString()!).ToList(),
                    References = root.GetProperty("references").EnumerateArray().Select(r => r.GetString()!).ToList(),
                },
                Text("nqbSummary"));
        }
    }
}

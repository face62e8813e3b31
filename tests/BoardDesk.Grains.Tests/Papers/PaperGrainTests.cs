using BoardDesk.Grains;
using BoardDesk.Meetings;
using BoardDesk.Notifications;
using BoardDesk.Papers;
using BoardDesk.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace BoardDesk.Grains.Tests.Papers;

public sealed class PaperGrainTests : IAsyncLifetime
{
    private readonly TemporaryFolder _folder = new();
    private readonly ManualClock _clock = new(new DateTimeOffset(2015, 10, 1, 9, 0, 0, TimeSpan.Zero));
    private GrainHost _host = null!;

    public async Task InitializeAsync()
    {
        _host = await GrainHost.StartAsync(_folder.File("grains.db"), services: s => s.AddKeyedSingleton<TimeProvider>(BoardDeskClock.Key, _clock));
        await LdibSamples.CreateBoardsAsync(_host.Grains);
        await Meeting("2015-10-23").ScheduleAsync(new ScheduleMeeting { StartsAt = new TimeOnly(10, 0), EndsAt = new TimeOnly(12, 30), Location = "London" });
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        _folder.Dispose();
    }

    [Theory]
    [InlineData("2015-10-16T22:59:00Z", false)] // 23:59 BST on the deadline day
    [InlineData("2015-10-16T23:00:00Z", true)] // midnight BST: the 17th in the UK
    [InlineData("2015-10-22T09:00:00Z", true)]
    public async Task ShouldFlagLateness_WhenSubmittedAroundTheSevenDayDeadline(string submittedAt, bool late)
    {
        var paper = await CreateAsync("nilds");
        _clock.Now = DateTimeOffset.Parse(submittedAt, System.Globalization.CultureInfo.InvariantCulture);

        var submitted = await paper.SubmitAsync();

        submitted.Deadline.Should().Be(new DateOnly(2015, 10, 16));
        submitted.Late.Should().Be(late);
        submitted.Status.Should().Be(PaperStatus.Submitted);
    }

    [Fact]
    public async Task ShouldRefuseAndChangeNothing_WhenADraftIsPublished()
    {
        var paper = await CreateAsync("nilds");
        var before = await paper.GetAsync();

        var publish = () => paper.PublishAsync();

        (await publish.Should().ThrowAsync<RuleViolationException>()).WithMessage("Cannot publish the paper: the paper is a draft*");
        (await paper.GetAsync()).Should().BeEquivalentTo(before);
        (await paper.GetHistoryAsync()).Select(h => h.Change).Should().Equal("PaperCreated");
    }

    [Fact]
    public async Task ShouldRunTheWholeWorkflow_WhenEachStepFollowsTheLast()
    {
        var paper = await CreateAsync("nilds");

        await paper.SubmitAsync();
        await paper.ApproveForCirculationAsync();
        var published = await paper.PublishAsync();

        published.Status.Should().Be(PaperStatus.Published);
        await paper.Invoking(p => p.WithdrawAsync(new WithdrawPaper("Too late"))).Should().ThrowAsync<RuleViolationException>();
        await paper.Invoking(p => p.ReviseAsync(new RevisePaper { Content = published.Content with { Title = "New" } })).Should().ThrowAsync<RuleViolationException>()
            .WithMessage("*published*");
    }

    [Fact]
    public async Task ShouldKeepEveryVersionAndCompareAnyTwo_WhenThePaperIsRevised()
    {
        var paper = await CreateAsync("nilds");
        var first = (await paper.GetAsync()).Content;
        await paper.ReviseAsync(new RevisePaper { Content = first with { Body = first.Body + "\n\n12. A new paragraph." }, Note = "Adds paragraph 12." });
        await paper.ReviseAsync(new RevisePaper { Content = first with { Title = "A new title" }, Note = "Retitled." });

        var details = await paper.GetAsync();
        var oneToThree = await paper.CompareAsync(1, 3);
        var oneToTwo = await paper.CompareAsync(1, 2);
        var threeToOne = await paper.CompareAsync(3, 1);

        details.Versions.Select(v => v.Note).Should().Equal("First version.", "Adds paragraph 12.", "Retitled.");
        (await paper.GetVersionAsync(1)).Content.Should().BeEquivalentTo(first);
        oneToThree.Lines.Where(l => l.Kind != DiffLineKind.Unchanged).Select(l => l.Text).Should().Equal($"Title: {first.Title}", "Title: A new title");
        oneToTwo.Added.Should().Be(2, "a blank line and the new paragraph");
        oneToTwo.Removed.Should().Be(0);
        threeToOne.Added.Should().Be(1);
        await paper.Invoking(p => p.CompareAsync(1, 4)).Should().ThrowAsync<NotFoundException>();
        await paper.Invoking(p => p.ReviseAsync(new RevisePaper { Content = first with { Title = "A new title" } })).Should().ThrowAsync<RuleViolationException>()
            .WithMessage("The revision changes nothing.");
    }

    [Fact]
    public async Task ShouldCopyTheContentForTheNqb_WhenThePaperIsReusedForInformation()
    {
        var source = await CreateAsync("nilds-ldib");

        var reused = await _host.Grains.GetGrain<IPaperGrain>("nilds-nqb").ReuseAsync(new ReusePaper
        {
            SourcePaperId = "nilds-ldib",
            BoardId = "nqb",
            Purpose = AgendaPurpose.ForInformation,
            Summary = "This paper is for the NQB's information.",
        });

        reused.BoardId.Should().Be("nqb");
        reused.DerivedFromPaperId.Should().Be("nilds-ldib");
        reused.Status.Should().Be(PaperStatus.Draft);
        reused.Content.Should().BeEquivalentTo((await source.GetAsync()).Content with { Purpose = AgendaPurpose.ForInformation, Summary = "This paper is for the NQB's information." });
    }

    [Fact]
    public async Task ShouldNameEveryBadField_WhenThePaperIsInvalid()
    {
        var content = new PaperFaker().Generate() with { Title = " ", SponsoringOrganisationId = "no-such-organisation", Body = new string('x', PaperGrain.MaxBodyLength + 1) };

        var create = () => _host.Grains.GetGrain<IPaperGrain>("bad").CreateAsync(new CreatePaper { BoardId = "ldib", MeetingId = "2015-12-01", Content = content });

        (await create.Should().ThrowAsync<ValidationException>()).Which.Errors.Keys.Should()
            .BeEquivalentTo("content.title", "content.sponsoringOrganisationId", "content.body", "meetingId");
        await _host.Grains.GetGrain<IPaperGrain>("bad").Invoking(p => p.GetAsync()).Should().ThrowAsync<NotFoundException>();
    }

    [Fact]
    public async Task ShouldKeepTheBytesAndRefuseOversizedFiles_WhenFilesAreAttached()
    {
        var paper = await CreateAsync("nilds");
        var bytes = "%PDF-1.4 annex"u8.ToArray();

        var details = await paper.AddAttachmentAsync(new AddAttachment { FileName = "annex-a.pdf", ContentType = "application/pdf", Content = bytes });
        var attachment = await paper.GetAttachmentAsync(details.Attachments.Single().Id);

        attachment.Content.Should().Equal(bytes);
        attachment.Info.Sha256.Should().HaveLength(64);
        await paper.Invoking(p => p.AddAttachmentAsync(new AddAttachment { FileName = "big.pdf", ContentType = "application/pdf", Content = new byte[PaperGrain.MaxAttachmentBytes + 1] }))
            .Should().ThrowAsync<ValidationException>();
        await paper.Invoking(p => p.AddAttachmentAsync(new AddAttachment { FileName = "../etc/passwd", ContentType = "text/plain", Content = bytes }))
            .Should().ThrowAsync<ValidationException>();
        await paper.Invoking(p => p.AddAttachmentAsync(new AddAttachment { FileName = "ANNEX-A.pdf", ContentType = "application/pdf", Content = bytes }))
            .Should().ThrowAsync<ConflictException>();
    }

    [Fact]
    public async Task ShouldRecordNoticesToTheAuthor_WhenTheDeadlineNearsAndWhenItPassesWithThePaperStillADraft()
    {
        // The deadline of the meeting of 23 October is 16 October; the author is reminded at 09:00 (UK) on 13 October.
        _clock.Now = new DateTimeOffset(2015, 10, 13, 7, 59, 58, TimeSpan.Zero);
        IPaperGrain draft;
        using (ActingUser.Begin("ldib-lead"))
        {
            draft = await CreateAsync("nilds");
        }

        var due = await WaitForNoticeAsync(NotificationKind.PaperDue);
        due.UserNames.Should().Equal("ldib-lead");
        due.Subject.Should().Be("Paper due by 16 October 2015 for the meeting of 23 October 2015");
        due.Link.Should().Be("/papers/nilds");
        (await draft.GetAsync()).Status.Should().Be(PaperStatus.Draft, "a reminder changes nothing of the paper");

        // Another paper begun just before midnight in the UK after the deadline day, still a draft at midnight: late.
        _clock.Now = new DateTimeOffset(2015, 10, 16, 22, 59, 58, TimeSpan.Zero);
        IPaperGrain latecomer;
        using (ActingUser.Begin("ldib-member"))
        {
            latecomer = await CreateAsync("nilds-annex");
        }

        _clock.Now = new DateTimeOffset(2015, 10, 16, 23, 0, 1, TimeSpan.Zero);
        var late = await WaitForNoticeAsync(NotificationKind.PaperLate);
        late.UserNames.Should().Equal("ldib-member");
        late.Link.Should().Be("/papers/nilds-annex");
        late.Summary.Should().Contain("was due on 16 October 2015 and has not been submitted").And.NotContain((await latecomer.GetAsync()).Content.Title, "no paper's content is emailed");
        (await draft.GetHistoryAsync()).Select(h => h.Change).Should().Equal("PaperCreated");
    }

    private async Task<Notice> WaitForNoticeAsync(NotificationKind kind)
    {
        var outbox = _host.Grains.GetGrain<INotificationOutboxGrain>(NotificationOutboxGrain.OutboxKey);
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            if ((await outbox.GetWorkAsync(DateTimeOffset.MaxValue, 100)).ToAddress.FirstOrDefault(n => n.Kind == kind) is { } notice)
            {
                return notice;
            }

            DateTime.UtcNow.Should().BeBefore(deadline, $"a {kind} notice should reach the outbox within 30 seconds");
            await Task.Delay(50);
        }
    }

    private IMeetingGrain Meeting(string id) => _host.Grains.GetGrain<IMeetingGrain>($"ldib/{id}");

    private async Task<IPaperGrain> CreateAsync(string id)
    {
        var paper = _host.Grains.GetGrain<IPaperGrain>(id);
        await paper.CreateAsync(new CreatePaper { BoardId = "ldib", MeetingId = "2015-10-23", Content = new PaperFaker().Generate() });
        return paper;
    }
}

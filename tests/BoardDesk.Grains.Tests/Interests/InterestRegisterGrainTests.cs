using BoardDesk.Grains;
using BoardDesk.Interests;
using BoardDesk.Notifications;
using BoardDesk.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace BoardDesk.Grains.Tests.Interests;

public sealed class InterestRegisterGrainTests : IAsyncLifetime
{
    private readonly TemporaryFolder _folder = new();
    private readonly ManualClock _clock = new(new DateTimeOffset(2015, 10, 1, 9, 0, 0, TimeSpan.Zero));
    private GrainHost _host = null!;

    public async Task InitializeAsync()
    {
        _host = await GrainHost.StartAsync(_folder.File("grains.db"), services: s => s.AddKeyedSingleton<TimeProvider>(BoardDeskClock.Key, _clock));
        await LdibSamples.CreateBoardsAsync(_host.Grains);
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        _folder.Dispose();
    }

    [Fact]
    public async Task ShouldRecordANilReturnAnsweringTheBoardsRequest_WhenThePersonHasNothingToDeclare()
    {
        var cycle = _host.Grains.GetGrain<IInterestCycleGrain>("ldib");
        var asked = await cycle.RequestAppointmentReturnsAsync();
        var askedAgain = await cycle.RequestAppointmentReturnsAsync();

        await Register("ldib-observer-free").Invoking(r => r.MakeReturnAsync(nil: false)).Should().ThrowAsync<RuleViolationException>().WithMessage("*make a nil return*");
        var nil = await Register("ldib-member").MakeReturnAsync(nil: true);
        var returns = await cycle.GetReturnsAsync();

        asked.AskedOnAppointment.Should().BeEquivalentTo(["ldib-member", "ldib-tda", "ldib-tda-deputy", "ldib-chair", "ldib-hee", "ldib-phe", "ldib-cqc", "ldib-dh"], "every seat and appointed deputy linked to an account, once each");
        askedAgain.Should().BeEquivalentTo(asked, "a person is asked on appointment once");
        nil.Returns.Should().ContainSingle().Which.Should().BeEquivalentTo(new { Nil = true, CurrentInterests = 0 });
        nil.Requests.Should().ContainSingle().Which.Should().BeEquivalentTo(new { BoardId = "ldib", Reason = ReturnReason.Appointment, DueOn = new DateOnly(2015, 10, 29), ReturnedAt = nil.Returns[0].MadeAt });
        returns.Single(r => r.PersonId == "ldib-member").Should().BeEquivalentTo(new { Name = "NHS England representative", Outstanding = (ReturnRequest?)null, Overdue = false });
        returns.Single(r => r.PersonId == "ldib-chair").Should().BeEquivalentTo(new { Name = "Monitor representative", LastReturn = (InterestReturn?)null, Overdue = false });
    }

    [Fact]
    public async Task ShouldRefuseANilReturnAndChangeNothing_WhenTheRegisterHoldsACurrentInterest()
    {
        var register = Register("ldib-member");
        await register.RecordInterestAsync(new RecordInterest { Category = InterestCategory.Financial, Description = "Shares in a consultancy.", CompanyName = "Acme Consulting", From = new DateOnly(2015, 1, 1) });
        var before = await register.GetAsync();

        await register.Invoking(r => r.MakeReturnAsync(nil: true)).Should().ThrowAsync<RuleViolationException>().WithMessage("*holds 1 current interest*");
        (await register.GetAsync()).Should().BeEquivalentTo(before);

        await register.EndInterestAsync(1, new DateOnly(2015, 9, 30));
        (await register.MakeReturnAsync(nil: true)).Returns.Should().ContainSingle(r => r.Nil, "once the interest ended there is nothing current to declare");
    }

    [Fact]
    public async Task ShouldMarkTheRequestOverdueAndShowItToTheSecretariat_WhenItsDateHasPassedWithoutAReturn()
    {
        // The board asked on 1 October for a return due on 29 October; it is now 2 December and none came.
        _clock.Now = new DateTimeOffset(2015, 12, 2, 9, 0, 0, TimeSpan.Zero);
        await Register("ldib-chair").RequestReturnAsync(new RequestReturn { BoardId = "ldib", Reason = ReturnReason.Appointment, DueOn = new DateOnly(2015, 10, 29) });
        await Register("ldib-member").RequestReturnAsync(new RequestReturn { BoardId = "ldib", Reason = ReturnReason.Appointment, DueOn = new DateOnly(2015, 12, 30) });

        await WaitUntilAsync(async () => (await Register("ldib-chair").GetAsync()).Requests.Single().Overdue);
        var returns = await _host.Grains.GetGrain<IInterestCycleGrain>("ldib").GetReturnsAsync();
        var history = await Register("ldib-chair").GetHistoryAsync();
        await Register("ldib-chair").MakeReturnAsync(nil: true);

        returns.Where(r => r.Overdue).Select(r => r.PersonId).Should().Equal("ldib-chair");
        returns.Single(r => r.PersonId == "ldib-member").Outstanding!.DueOn.Should().Be(new DateOnly(2015, 12, 30), "not yet due");
        history.Select(h => h.Change).Should().Contain("InterestReturnOverdue");
        (await Register("ldib-chair").GetAsync()).Requests.Single().Overdue.Should().BeFalse("a return, however late, answers the request");
    }

    [Fact]
    public async Task ShouldRecordANoticeToThePerson_WhenADeclarationIsAskedForAndWhenItBecomesOverdue()
    {
        _clock.Now = new DateTimeOffset(2015, 12, 2, 9, 0, 0, TimeSpan.Zero);
        await Register("ldib-chair").RequestReturnAsync(new RequestReturn { BoardId = "ldib", Reason = ReturnReason.Appointment, DueOn = new DateOnly(2015, 10, 29) });

        await WaitUntilAsync(async () => (await Register("ldib-chair").GetAsync()).Requests.Single().Overdue);
        var notices = (await _host.Grains.GetGrain<INotificationOutboxGrain>(NotificationOutboxGrain.OutboxKey).GetWorkAsync(DateTimeOffset.MaxValue, 100)).ToAddress
            .Where(n => n.Kind == NotificationKind.DeclarationsDue).ToList();

        notices.Select(n => n.Subject).Should().Equal("Declaration of interests due by 29 October 2015", "Overdue: your declaration of interests was due on 29 October 2015");
        notices.Should().OnlyContain(n => n.UserNames.SequenceEqual(new[] { "ldib-chair" }) && n.BoardId == "ldib" && n.Link == "/interests");
        (await Register("ldib-chair").GetHistoryAsync()).Select(h => h.Change).Should().Equal("InterestReturnRequested", "InterestReturnOverdue");
    }

    [Fact]
    public async Task ShouldRefuseNamingEveryField_WhenAnEntryIsInvalid()
    {
        var register = Register("ldib-member");

        var refused = await register.Invoking(r => r.RecordInterestAsync(new RecordInterest
        {
            Category = (InterestCategory)9,
            OrganisationId = "no-such-body",
            From = new DateOnly(2015, 5, 1),
            To = new DateOnly(2015, 4, 1),
            Published = false,
        })).Should().ThrowAsync<ValidationException>();
        var gift = await register.Invoking(r => r.RecordGiftAsync(new RecordGift { Description = "Dinner", EstimatedValue = -1 })).Should().ThrowAsync<ValidationException>();

        refused.Which.Errors.Keys.Should().BeEquivalentTo(["category", "description", "organisationId", "to", "withheldBecause"]);
        gift.Which.Errors.Keys.Should().BeEquivalentTo(["offeredBy", "estimatedValue", "on"]);
        (await register.GetHistoryAsync()).Should().BeEmpty();
    }

    [Fact]
    public async Task ShouldAskEveryMemberYearly_WhenTheBoardSetsItsDate()
    {
        _clock.Now = new DateTimeOffset(2016, 4, 1, 12, 0, 0, TimeSpan.Zero);
        var cycle = _host.Grains.GetGrain<IInterestCycleGrain>("ldib");

        var set = await cycle.SetAnnualDateAsync(new AnnualReturnDate { Month = 4, Day = 1 });
        // The cycle records next year's date once it has asked everyone.
        await WaitUntilAsync(async () => (await cycle.GetAsync()).NextAnnualRequestOn == new DateOnly(2017, 4, 1));

        set.NextAnnualRequestOn.Should().Be(new DateOnly(2016, 4, 1));
        foreach (var person in new[] { "ldib-member", "ldib-chair" })
        {
            (await Register(person).GetAsync()).Requests.Should().ContainSingle(r => r.Reason == ReturnReason.Annual && r.DueOn == new DateOnly(2016, 4, 29));
        }

        await cycle.Invoking(c => c.SetAnnualDateAsync(new AnnualReturnDate { Month = 2, Day = 30 })).Should().ThrowAsync<ValidationException>();
    }

    private IInterestRegisterGrain Register(string personId) => _host.Grains.GetGrain<IInterestRegisterGrain>(personId);

    private static async Task WaitUntilAsync(Func<Task<bool>> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!await condition())
        {
            DateTime.UtcNow.Should().BeBefore(deadline, "the condition should hold within 30 seconds");
            await Task.Delay(50);
        }
    }
}

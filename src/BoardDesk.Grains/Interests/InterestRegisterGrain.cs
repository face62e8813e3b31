using BoardDesk.Grains;
using BoardDesk.Notifications;
using BoardDesk.Organisations;
using BoardDesk.Persistence;
using Microsoft.Extensions.Logging;

namespace BoardDesk.Interests;

/// <summary>
/// A person's standing register of interests, gifts and hospitality. It calls nobody but the organisations' documents
/// (to check an organisation named exists); meetings and a board's cycle read it. A request for a return registers a
/// reminder for the day after its due date, which marks the request overdue if no return came. The person is emailed
/// (<see cref="NotificationKind.DeclarationsDue"/>) when a return is asked for and when it becomes overdue.
/// </summary>
[GrainType("interest-register")]
public sealed class InterestRegisterGrain(ReadModels readModels, ILogger<InterestRegisterGrain> logger) : JournaledGrain<InterestRegisterState, InterestRegisterEvent>, IInterestRegisterGrain, IReminderHandler
{
    /// <summary>The reminder that marks unanswered requests overdue.</summary>
    public const string OverdueReminder = "interest-return-overdue";

    /// <summary>The most entries of each kind one register holds.</summary>
    public const int MaxEntries = 500;

    private GrainNotices<InterestRegisterState, InterestRegisterEvent>? _notices;

    /// <summary>Records this register's notices and hands them to the outbox.</summary>
    private GrainNotices<InterestRegisterState, InterestRegisterEvent> Notices => _notices ??= new(this, state => state.PendingNotices, ids => new InterestRegisterNoticesHandedOver(ids), logger);

    /// <inheritdoc />
    protected override object? ReadModel => State == InterestRegisterState.Empty ? null : Details();

    /// <inheritdoc />
    public async Task<InterestRegisterDetails> RecordInterestAsync(RecordInterest command)
    {
        var errors = new FieldErrors();
        if (!Enum.IsDefined(command.Category))
        {
            errors.Add("category", $"'{command.Category}' is not a category: Financial, NonFinancialProfessional, NonFinancialPersonal or Indirect.");
        }

        var description = errors.Text("description", command.Description, 2000, required: true);
        var company = errors.Text("companyName", command.CompanyName, 300);
        var role = errors.Text("role", command.Role, 300);
        var management = errors.Text("management", command.Management, 2000);
        var organisationId = command.OrganisationId?.Trim();
        if (string.IsNullOrEmpty(organisationId))
        {
            organisationId = null;
            if (company.Length == 0)
            {
                errors.Add("organisationId", "Name the organisation concerned, or the company, supplier or person in companyName.");
            }
        }
        else if (await readModels.FindAsync<OrganisationDetails>(organisationId) is null)
        {
            errors.Add("organisationId", $"There is no organisation '{organisationId}'.");
        }

        if (command.From == default)
        {
            errors.Add("from", "Give the date the interest began.");
        }

        if (command.To is { } to && to < command.From)
        {
            errors.Add("to", "An interest ends on or after the date it began.");
        }

        CheckPublication(errors, command.Published, command.WithheldBecause);
        errors.ThrowIfAny();
        EnsureRoom(State.Interests.Count);
        Raise(new InterestRecorded(new InterestEntry
        {
            Id = State.Interests.Count + 1,
            Category = command.Category,
            Description = description,
            OrganisationId = organisationId,
            CompanyName = company.Length == 0 ? null : company,
            Role = role,
            From = command.From,
            To = command.To,
            Management = management,
            Published = command.Published,
            WithheldBecause = command.Published ? null : command.WithheldBecause,
            DeclaredAt = Time.GetUtcNow(),
        }));
        return Details();
    }

    /// <inheritdoc />
    public Task<InterestRegisterDetails> EndInterestAsync(int interestId, DateOnly endedOn)
    {
        var interest = State.Interests.Find(i => i.Id == interestId) ?? throw new NotFoundException($"There is no interest {interestId} on the register of '{Key}'.");
        if (interest.To is { } to)
        {
            throw new RuleViolationException($"The interest ended on {to:d MMMM yyyy} already.");
        }

        if (endedOn < interest.From)
        {
            throw new ValidationException("endedOn", $"The interest began on {interest.From:d MMMM yyyy}; it cannot end before.");
        }

        Raise(new InterestEnded(interestId, endedOn));
        return Task.FromResult(Details());
    }

    /// <inheritdoc />
    public Task<InterestRegisterDetails> RecordGiftAsync(RecordGift command)
    {
        var errors = new FieldErrors();
        var offeredBy = errors.Text("offeredBy", command.OfferedBy, 300, required: true);
        var description = errors.Text("description", command.Description, 2000, required: true);
        if (command.EstimatedValue is < 0 or > 1_000_000)
        {
            errors.Add("estimatedValue", "An estimated value is between £0 and £1,000,000.");
        }

        if (command.On == default)
        {
            errors.Add("on", "Give the date it was offered.");
        }

        CheckPublication(errors, command.Published, command.WithheldBecause);
        errors.ThrowIfAny();
        EnsureRoom(State.Gifts.Count);
        Raise(new GiftRecorded(new GiftOrHospitality
        {
            Id = State.Gifts.Count + 1,
            OfferedBy = offeredBy,
            Description = description,
            EstimatedValue = command.EstimatedValue,
            On = command.On,
            Accepted = command.Accepted,
            Published = command.Published,
            WithheldBecause = command.Published ? null : command.WithheldBecause,
            DeclaredAt = Time.GetUtcNow(),
        }));
        return Task.FromResult(Details());
    }

    /// <inheritdoc />
    public Task<InterestRegisterDetails> MakeReturnAsync(bool nil)
    {
        var today = UkTime.DateOf(Time.GetUtcNow());
        var current = State.Interests.Count(i => i.CurrentOn(today));
        if (nil && current > 0)
        {
            throw new RuleViolationException($"A nil return says there is nothing to declare, but the register holds {current} current interest{(current == 1 ? "" : "s")}; end them first, or make a return.");
        }

        if (!nil && current == 0)
        {
            throw new RuleViolationException("The register holds no current interest: make a nil return.");
        }

        Raise(new InterestReturnMade(new InterestReturn { MadeAt = Time.GetUtcNow(), Nil = nil, CurrentInterests = current }));
        if (State.Requests.All(r => r.ReturnedAt is not null))
        {
            UnregisterReminder(OverdueReminder);
        }

        return Task.FromResult(Details());
    }

    /// <inheritdoc />
    public async Task<InterestRegisterDetails> RequestReturnAsync(RequestReturn command)
    {
        if (!Slug.IsValid(command.BoardId))
        {
            throw new ValidationException("boardId", "A board id is a lowercase slug.");
        }

        if (!Enum.IsDefined(command.Reason))
        {
            throw new ValidationException("reason", $"'{command.Reason}' is not a reason for a return.");
        }

        if (State.Requests.Any(r => r.ReturnedAt is null && r.BoardId == command.BoardId && r.Reason == command.Reason))
        {
            return Details();
        }

        Raise(new InterestReturnRequested(new ReturnRequest { BoardId = command.BoardId, Reason = command.Reason, DueOn = command.DueOn, RequestedAt = Time.GetUtcNow() }));
        ScheduleOverdueCheck();
        await NotifyAsync([DeclarationsNotice(
            command.BoardId,
            $"Declaration of interests due by {command.DueOn:d MMMM yyyy}",
            $"You are asked for your {Describe(command.Reason)} declaration of interests, gifts and hospitality by {command.DueOn:d MMMM yyyy}. Make it in BoardDesk, or make a nil return if there is nothing to declare.",
            0)]);
        return Details();
    }

    /// <summary>Marks every unanswered request whose date has passed overdue, then waits for the next due date.</summary>
    public async Task ReceiveReminderAsync(string reminderName, DateTimeOffset dueAt)
    {
        if (await Notices.TryReceiveReminderAsync(reminderName))
        {
            return;
        }

        if (reminderName != OverdueReminder)
        {
            return;
        }

        var today = UkTime.DateOf(Time.GetUtcNow());
        var overdue = State.Requests.Where(r => r.ReturnedAt is null && r.OverdueSince is null && r.DueOn < today).ToList();
        foreach (var request in overdue)
        {
            Raise(new InterestReturnOverdue(request.BoardId, request.Reason, request.DueOn, Time.GetUtcNow()));
        }

        ScheduleOverdueCheck();
        if (overdue.Count > 0)
        {
            await NotifyAsync([.. overdue.Select((request, i) => DeclarationsNotice(
                request.BoardId,
                $"Overdue: your declaration of interests was due on {request.DueOn:d MMMM yyyy}",
                $"Your {Describe(request.Reason)} declaration of interests, gifts and hospitality was due on {request.DueOn:d MMMM yyyy} and has not been made. Make it in BoardDesk, or a nil return if there is nothing to declare.",
                i))]);
        }
    }

    /// <inheritdoc />
    public Task<InterestRegisterDetails> GetAsync() => Task.FromResult(Details());

    /// <inheritdoc />
    public async Task<IReadOnlyList<RecordedChange>> GetHistoryAsync() =>
        (await ReadJournalAsync()).Where(e => e.Event is not (InterestRegisterNoticesRecorded or InterestRegisterNoticesHandedOver)).ToRecordedChanges();

    private static string Describe(ReturnReason reason) => reason == ReturnReason.Annual ? "annual" : "on-appointment";

    /// <summary>A notice to this register's person; <paramref name="index"/> tells apart several recorded in one change.</summary>
    private Notice DeclarationsNotice(string boardId, string subject, string summary, int index) => new()
    {
        Id = index == 0 ? NoticeHandOver.IdOf(JournalId, Version + 1, NotificationKind.DeclarationsDue) : $"{NoticeHandOver.IdOf(JournalId, Version + 1, NotificationKind.DeclarationsDue)}#{index}",
        Kind = NotificationKind.DeclarationsDue,
        BoardId = boardId,
        Audience = NoticeAudience.People,
        UserNames = [Key],
        Subject = subject,
        Summary = summary,
        Link = "/interests",
        RecordedAt = Time.GetUtcNow(),
    };

    /// <summary>Records notices in this change's commit (with the reminder that hands them over if this call cannot), then hands them over.</summary>
    private Task NotifyAsync(IReadOnlyList<Notice> notices) => Notices.RecordAndHandOverAsync(new InterestRegisterNoticesRecorded(notices));

    private void ScheduleOverdueCheck()
    {
        // The day after the earliest due date not yet found overdue: a return due on a date may be made all that day.
        if (State.Requests.Where(r => r.ReturnedAt is null && r.OverdueSince is null).Select(r => (DateOnly?)r.DueOn).Min() is { } due)
        {
            RegisterOrUpdateReminder(OverdueReminder, UkTime.At(due.AddDays(1), TimeOnly.MinValue));
        }
        else
        {
            UnregisterReminder(OverdueReminder);
        }
    }

    private static void CheckPublication(FieldErrors errors, bool published, WithholdingReason? withheldBecause)
    {
        if (!published && withheldBecause is null)
        {
            errors.Add("withheldBecause", "An entry kept off the published register says why: PersonalSafety, CommercialConfidentiality, ThirdPartyPrivacy or Other.");
        }
        else if (withheldBecause is { } reason && !Enum.IsDefined(reason))
        {
            errors.Add("withheldBecause", $"'{reason}' is not a reason for withholding an entry.");
        }
    }

    private static void EnsureRoom(int count)
    {
        if (count >= MaxEntries)
        {
            throw new RuleViolationException($"A register holds at most {MaxEntries} entries of each kind.");
        }
    }

    private InterestRegisterDetails Details() => new()
    {
        PersonId = Key,
        Interests = State.Interests,
        Gifts = State.Gifts,
        Returns = State.Returns,
        Requests = State.Requests,
        Version = Version,
    };
}

using BoardDesk.Boards;
using BoardDesk.Grains;
using BoardDesk.Interests;
using BoardDesk.Organisations;
using BoardDesk.Notifications;
using BoardDesk.Persistence;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace BoardDesk.Meetings;

/// <summary>
/// A meeting of a board. It moves only forward: planned, agenda published, held, minutes drafted, minutes approved
/// (by a later meeting, which locks them), or cancelled before it is held. It reads the board (for the quorum) and
/// the previous meeting (for matters arising and the approval of its minutes); neither ever calls it back. Approving
/// the previous minutes is recorded here with a resume reminder before the earlier meeting is touched, so that it
/// finishes by itself if the process dies in between.
/// </summary>
[GrainType("meeting")]
public sealed class MeetingGrain(ReadModels readModels, IOptions<MeetingOptions> options, ILogger<MeetingGrain> logger)
    : JournaledGrain<MeetingState, MeetingEvent>, IMeetingGrain, IReminderHandler
{
    /// <summary>The reminder, registered with the intent to approve the previous minutes, that finishes the approval after a crash.</summary>
    public const string ResumeApprovalReminder = "resume-previous-minutes-approval";

    /// <summary>The most items an agenda may hold.</summary>
    public const int MaxAgendaItems = 40;

    private string BoardId => Key[..Key.IndexOf('/')];

    private string MeetingId => Key[(Key.IndexOf('/') + 1)..];

    private GrainNotices<MeetingState, MeetingEvent>? _notices;

    /// <summary>Records this meeting's notices and hands them to the outbox.</summary>
    private GrainNotices<MeetingState, MeetingEvent> Notices => _notices ??= new(this, state => state.PendingNotices, ids => new MeetingNoticesHandedOver(ids), logger);

    /// <inheritdoc />
    protected override object? ReadModel => State.Exists ? Details() : null;

    /// <inheritdoc />
    // 2: the state counts its calendar changes, which snapshots of version 1 lack.
    protected override int SnapshotVersion => 2;

    /// <inheritdoc />
    public async Task<MeetingDetails> ScheduleAsync(ScheduleMeeting command)
    {
        var date = DateFromKey();
        var errors = new FieldErrors();
        var (location, link) = ValidTimeAndPlace(command, errors);
        errors.ThrowIfAny();
        if (State.Exists)
        {
            throw new ConflictException($"The meeting '{MeetingId}' of board '{BoardId}' exists already.");
        }

        var board = await GrainFactory.GetGrain<IBoardGrain>(BoardId).GetAsync();
        var previous = (await readModels.AllAsync<MeetingDetails>())
            .Where(m => m.BoardId == BoardId && string.CompareOrdinal(m.MeetingId, MeetingId) < 0 && m.Status != MeetingStatus.Cancelled)
            .MaxBy(m => m.MeetingId, StringComparer.Ordinal);
        var chair = board.Chair ?? "Chair";
        AgendaItem Standing(int id, StandingItem kind, string title, string presenter, int minutes, AgendaPurpose purpose) =>
            new() { Id = id, Title = title, Presenter = presenter, Minutes = minutes, Purpose = purpose, Part = AgendaPart.Public, Standing = kind };
        Raise(new MeetingScheduled(board.Name, date, command.StartsAt, command.EndsAt, NullIfEmpty(location), NullIfEmpty(link), previous?.MeetingId,
        [
            Standing(1, StandingItem.WelcomeAndApologies, "Welcome and apologies", chair, 5, AgendaPurpose.ForInformation),
            Standing(2, StandingItem.DeclarationsOfInterest, "Declarations of interest", chair, 5, AgendaPurpose.ForInformation),
            Standing(3, StandingItem.MinutesOfLastMeeting, previous is null ? "Minutes of the last meeting" : $"Minutes of the last meeting ({previous.Date.ToString("d MMMM yyyy", System.Globalization.CultureInfo.GetCultureInfo("en-GB"))})", chair, 5, AgendaPurpose.ForDecision),
            Standing(4, StandingItem.MattersArising, "Matters arising and action log", board.Secretariat.Length > 0 ? board.Secretariat : "Secretariat", 10, AgendaPurpose.ForAssurance),
        ]));
        await CarryMattersArisingAsync();
        await NotifyAsync(InvitationNotice(NotificationKind.MeetingInvitation));
        return Details();
    }

    /// <inheritdoc />
    public async Task<MeetingDetails> AddAgendaItemAsync(AddAgendaItem command)
    {
        EnsureAgendaOpen();
        var errors = new FieldErrors();
        var title = errors.Text("title", command.Title, 300, required: true);
        var presenter = errors.Text("presenter", command.Presenter, 200);
        if (command.Minutes is < 1 or > 240)
        {
            errors.Add("minutes", "An item is allowed between 1 and 240 minutes.");
        }

        if (!Enum.IsDefined(command.Purpose))
        {
            errors.Add("purpose", $"'{command.Purpose}' is not a purpose.");
        }

        if (!Enum.IsDefined(command.Part))
        {
            errors.Add("part", $"'{command.Part}' is not a part of the meeting.");
        }

        if (command.PaperId is not null && !Slug.IsValid(command.PaperId))
        {
            errors.Add("paperId", "A paper id is a lowercase slug.");
        }

        var concerns = await CleanConcernsAsync(errors, command.Concerns ?? []);
        errors.ThrowIfAny();
        if (State.Agenda.Count >= MaxAgendaItems)
        {
            throw new RuleViolationException($"An agenda holds at most {MaxAgendaItems} items.");
        }

        if (command.PaperId is not null && State.Agenda.Any(i => i.PaperId == command.PaperId))
        {
            throw new ConflictException($"The paper '{command.PaperId}' is on the agenda already.");
        }

        Raise(new AgendaItemAdded(new AgendaItem
        {
            Id = State.NextItemId,
            Title = title,
            Presenter = presenter,
            Minutes = command.Minutes,
            Purpose = command.Purpose,
            Part = command.Part,
            PaperId = command.PaperId,
            Concerns = concerns,
        }));
        return Details();
    }

    /// <inheritdoc />
    public Task<MeetingDetails> MoveAgendaItemAsync(int itemId, int position)
    {
        EnsureAgendaOpen();
        var item = OrdinaryItem(itemId);
        var first = State.Agenda.Count(i => i.Standing is not null) + 1;
        if (position < first || position > State.Agenda.Count)
        {
            throw new ValidationException("position", $"Business items move between positions {first} and {State.Agenda.Count}; the standing items come first.");
        }

        Raise(new AgendaItemMoved(item.Id, position));
        return Task.FromResult(Details());
    }

    /// <inheritdoc />
    public Task<MeetingDetails> RemoveAgendaItemAsync(int itemId)
    {
        EnsureAgendaOpen();
        Raise(new AgendaItemRemoved(OrdinaryItem(itemId).Id));
        return Task.FromResult(Details());
    }

    /// <inheritdoc />
    public async Task<MeetingDetails> PublishAgendaAsync()
    {
        EnsureAgendaOpen();
        await CarryMattersArisingAsync();
        Raise(new AgendaPublished());
        await NotifyAsync(new Notice
        {
            Id = NoticeHandOver.IdOf(JournalId, Version, NotificationKind.PackPublished),
            Kind = NotificationKind.PackPublished,
            BoardId = BoardId,
            Audience = NoticeAudience.MembersAndDeputies,
            Subject = $"{State.BoardName}: the board pack for {State.Date:d MMMM yyyy} is published",
            Summary = $"The agenda and papers for the meeting of {State.BoardName} on {State.Date:d MMMM yyyy} at {State.StartsAt:HH:mm} are published.",
            Link = MeetingPath,
            RecordedAt = Time.GetUtcNow(),
        });
        return Details();
    }

    /// <inheritdoc />
    public async Task<MeetingDetails> RecordAttendanceAsync(RecordAttendance command)
    {
        EnsureStatus("record attendance", MeetingStatus.AgendaPublished, MeetingStatus.Held);
        var attendees = command.Attendees ?? [];
        if (attendees.Count > 200)
        {
            throw new ValidationException("attendees", "At most 200 lines of attendance.");
        }

        var board = await GrainFactory.GetGrain<IBoardGrain>(BoardId).GetAsync();
        QuorumCalculator.Validate(board.Members, attendees);
        var cleaned = attendees.Select(a => Clean(a, board.Members)).ToList();
        Raise(new AttendanceRecorded(cleaned, QuorumCalculator.Assess(board.Quorum, board.Members, cleaned)));
        return Details();
    }

    /// <inheritdoc />
    public Task<MeetingDetails> DeclareInterestAsync(DeclareInterest command)
    {
        EnsureStatus("record a declaration of interest", MeetingStatus.AgendaPublished, MeetingStatus.Held);
        var errors = new FieldErrors();
        var name = errors.Text("name", command.Name, 200, required: true);
        var interest = errors.Text("interest", command.Interest, 2000, required: true);
        var action = errors.Text("action", command.Action, 1000);
        if (State.Agenda.All(i => i.Id != command.AgendaItemId))
        {
            errors.Add("agendaItemId", $"There is no agenda item {command.AgendaItemId}.");
        }

        var personId = errors.Text("personId", command.PersonId, 100);
        errors.ThrowIfAny();
        if (command.InterestId is { } interestId
            && State.Declarations.Any(d => d.AgendaItemId == command.AgendaItemId && d.InterestId == interestId && string.Equals(d.PersonId, personId, StringComparison.OrdinalIgnoreCase)))
        {
            throw new ConflictException($"{name} has declared this interest against item {Number(command.AgendaItemId)} already.");
        }

        Raise(new InterestDeclared(new Declaration
        {
            Id = State.Declarations.Count + 1,
            AgendaItemId = command.AgendaItemId,
            Name = name,
            Interest = interest,
            Action = action,
            PersonId = personId.Length == 0 ? null : personId,
            InterestId = command.InterestId,
        }));
        return Task.FromResult(Details());
    }

    /// <inheritdoc />
    public async Task<MeetingDetails> SetConcernsAsync(int itemId, IReadOnlyList<ItemConcern> concerns)
    {
        EnsureStatus("change what an item concerns", MeetingStatus.Planned, MeetingStatus.AgendaPublished);
        if (State.Agenda.All(i => i.Id != itemId))
        {
            throw new NotFoundException($"There is no agenda item {itemId}.");
        }

        var errors = new FieldErrors();
        var cleaned = await CleanConcernsAsync(errors, concerns ?? []);
        errors.ThrowIfAny();
        if (!cleaned.SequenceEqual(State.Agenda.Single(i => i.Id == itemId).Concerns))
        {
            Raise(new AgendaItemConcernsSet(itemId, cleaned));
        }

        return Details();
    }

    /// <inheritdoc />
    public Task<MeetingDetails> ManageDeclarationAsync(ManageDeclaration command)
    {
        EnsureStatus("record how a declaration is managed", MeetingStatus.AgendaPublished, MeetingStatus.Held);
        var errors = new FieldErrors();
        if (!Enum.IsDefined(command.Management))
        {
            errors.Add("management", $"'{command.Management}' is not a way of managing an interest: MayTakePart, TakesNoPartInTheVote, TakesNoPartInDiscussionOrVote or LeavesTheRoom.");
        }

        var note = errors.Text("note", command.Note, 1000);
        errors.ThrowIfAny();
        if (State.Declarations.Find(d => d.Id == command.DeclarationId) is null)
        {
            throw new NotFoundException($"There is no declaration {command.DeclarationId} at this meeting.");
        }

        Raise(new DeclarationManaged(command.DeclarationId, command.Management, note, BoardDesk.Grains.ActingUser.Name));
        return Task.FromResult(Details());
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<ProposedConflict>> GetProposedConflictsAsync()
    {
        EnsureExists();
        var board = await GrainFactory.GetGrain<IBoardGrain>(BoardId).GetAsync();
        var people = await Task.WhenAll(InterestCycleGrain.People(board).Select(async p =>
            (p.PersonId, p.Name, Register: await GrainFactory.GetGrain<IInterestRegisterGrain>(p.PersonId).GetAsync())));
        var matcher = new ConflictMatcher(await readModels.AllAsync<OrganisationDetails>());
        return matcher.Match(Details(), people);
    }

    /// <inheritdoc />
    public Task<MeetingDetails> MarkHeldAsync()
    {
        EnsureStatus("mark the meeting held", MeetingStatus.AgendaPublished);
        if (State.Quorum is null)
        {
            throw new RuleViolationException("Record the attendance before marking the meeting held.");
        }

        if (UkTime.DateOf(Time.GetUtcNow()) < State.Date)
        {
            throw new RuleViolationException($"The meeting is on {State.Date:yyyy-MM-dd}; it cannot be marked held before then.");
        }

        Raise(new MeetingHeld());
        return Task.FromResult(Details());
    }

    /// <inheritdoc />
    public Task<MeetingDetails> DraftMinutesAsync(DraftMinutes command)
    {
        EnsureMinutesOpen();
        EnsureStatus("draft minutes", MeetingStatus.Held, MeetingStatus.MinutesDrafted);
        var entries = command.Items ?? [];
        var errors = new FieldErrors();
        var cleaned = new List<MinuteEntry>();
        for (var i = 0; i < entries.Count; i++)
        {
            var entry = entries[i];
            var field = $"items[{i}]";
            if (entry is null)
            {
                errors.Add(field, "The item is empty.");
                continue;
            }

            if (State.Agenda.All(a => a.Id != entry.AgendaItemId))
            {
                errors.Add($"{field}.agendaItemId", $"There is no agenda item {entry.AgendaItemId}.");
            }
            else if (entries.Take(i).Any(e => e?.AgendaItemId == entry.AgendaItemId))
            {
                errors.Add($"{field}.agendaItemId", $"Agenda item {entry.AgendaItemId} is minuted twice.");
            }

            var discussion = errors.Text($"{field}.discussion", entry.Discussion, 20_000);
            var decisions = (entry.Decisions ?? []).Select((d, j) => errors.Text($"{field}.decisions[{j}]", d, 2000, required: true)).ToList();
            var actions = new List<ActionAgreed>();
            foreach (var (action, j) in (entry.Actions ?? []).Select((a, j) => (a, j)))
            {
                if (action is null)
                {
                    errors.Add($"{field}.actions[{j}]", "The action is empty.");
                    continue;
                }

                actions.Add(action with
                {
                    Description = errors.Text($"{field}.actions[{j}].description", action.Description, 2000, required: true),
                    Owner = errors.Text($"{field}.actions[{j}].owner", action.Owner, 200, required: true),
                    AgreedAtMeetingId = MeetingId,
                });
            }

            if (decisions.Count > 50 || actions.Count > 50)
            {
                errors.Add(field, "An item records at most 50 decisions and 50 actions.");
            }

            cleaned.Add(new MinuteEntry { AgendaItemId = entry.AgendaItemId, Discussion = discussion, Decisions = decisions, Actions = actions });
        }

        if (entries.Count == 0)
        {
            errors.Add("items", "Minute at least one agenda item.");
        }

        errors.ThrowIfAny();
        if (cleaned.Any(e => e.Decisions.Count > 0) && State.Quorum is { Met: false } quorum)
        {
            throw new RuleViolationException($"The meeting was not quorate, so it took no decisions; minute the discussion only. {quorum.Explanation}");
        }

        Raise(new MinutesDrafted(cleaned));
        return Task.FromResult(Details());
    }

    /// <inheritdoc />
    public Task<MeetingDetails> ApproveMinutesAsync(string approvingMeetingId)
    {
        EnsureExists();
        if (State.MinutesApprovedAt == approvingMeetingId)
        {
            return Task.FromResult(Details());
        }

        EnsureMinutesOpen();
        EnsureStatus("approve minutes", MeetingStatus.MinutesDrafted);
        if (string.CompareOrdinal(approvingMeetingId, MeetingId) <= 0)
        {
            throw new RuleViolationException("Minutes are approved at a later meeting of the board.");
        }

        Raise(new MinutesApproved(approvingMeetingId, Time.GetUtcNow()));
        return Task.FromResult(Details());
    }

    /// <inheritdoc />
    public async Task<MeetingDetails> ApprovePreviousMinutesAsync()
    {
        EnsureExists();
        if (State.ApprovedMinutesOf is not null)
        {
            return Details();
        }

        if (State.ApprovingMinutesOf is null)
        {
            await StartPreviousMinutesApprovalAsync();
        }

        if (await FinishPreviousMinutesApprovalAsync() is { } refusal)
        {
            // The abandonment is part of the record even though the command is refused.
            await ConfirmEventsAsync();
            throw new RuleViolationException(refusal);
        }

        return Details();
    }

    /// <summary>Finishes approving the previous minutes when the process died after recording the intent.</summary>
    public async Task ReceiveReminderAsync(string reminderName, DateTimeOffset dueAt)
    {
        if (await Notices.TryReceiveReminderAsync(reminderName))
        {
            return;
        }

        if (reminderName != ResumeApprovalReminder || State.ApprovingMinutesOf is not { } previousId)
        {
            return;
        }

        // Orleans delivers by the machine's clock; the approval is due by the domain clock (they differ in tests, and
        // a slow restart can deliver early). Before it is due, the reminder waits again.
        if (State.ApprovalResumeAt is { } resumeAt && Time.GetUtcNow() < resumeAt)
        {
            RegisterOrUpdateReminder(ResumeApprovalReminder, resumeAt);
            return;
        }

        logger.LogInformation("Meeting {Meeting} resumes approving the minutes of {Previous}", Key, previousId);
        if (await FinishPreviousMinutesApprovalAsync() is { } refusal)
        {
            logger.LogWarning("Meeting {Meeting} gave up approving the minutes of {Previous}: {Refusal}", Key, previousId, refusal);
        }
    }

    /// <inheritdoc />
    public async Task<MeetingDetails> RescheduleAsync(ScheduleMeeting command)
    {
        EnsureStatus("move the meeting", MeetingStatus.Planned, MeetingStatus.AgendaPublished);
        var errors = new FieldErrors();
        var (location, link) = ValidTimeAndPlace(command, errors);
        errors.ThrowIfAny();
        var moved = new MeetingRescheduled(command.StartsAt, command.EndsAt, NullIfEmpty(location), NullIfEmpty(link));
        if (moved.StartsAt == State.StartsAt && moved.EndsAt == State.EndsAt && moved.Location == State.Location && moved.Link == State.Link)
        {
            throw new RuleViolationException("The meeting is at those times and in that place already.");
        }

        var before = When();
        Raise(moved);
        var invitation = InvitationNotice(NotificationKind.MeetingInvitation);
        await NotifyAsync(invitation with
        {
            Subject = $"Moved: {State.BoardName}, meeting on {State.Date:d MMMM yyyy}",
            Summary = $"The meeting of {State.BoardName} on {before} has moved: it is now on {When()} (UK time), {State.Location ?? State.Link}.",
        });
        return Details();
    }

    /// <inheritdoc />
    public async Task<MeetingDetails> CancelAsync(CancelMeeting command)
    {
        EnsureStatus("cancel the meeting", MeetingStatus.Planned, MeetingStatus.AgendaPublished);
        var errors = new FieldErrors();
        var reason = errors.Text("reason", command.Reason, 1000, required: true);
        errors.ThrowIfAny();
        Raise(new MeetingCancelled(reason));
        await NotifyAsync(InvitationNotice(NotificationKind.MeetingCancelled));
        return Details();
    }

    /// <inheritdoc />
    public Task<MeetingDetails> GetAsync()
    {
        EnsureExists();
        return Task.FromResult(Details());
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<RecordedChange>> GetHistoryAsync()
    {
        EnsureExists();

        // The bookkeeping of email notices is the outbox's history, not the meeting's.
        return (await ReadJournalAsync()).Where(e => e.Event is not (MeetingNoticesRecorded or MeetingNoticesHandedOver)).ToRecordedChanges();
    }

    /// <summary>
    /// Checks that this meeting may approve the previous minutes, then records the intent with a resume reminder in one
    /// commit, before the earlier meeting is touched: from then on the approval finishes even if the process dies.
    /// </summary>
    private async Task StartPreviousMinutesApprovalAsync()
    {
        EnsureStatus("approve the previous meeting's minutes", MeetingStatus.AgendaPublished, MeetingStatus.Held);
        if (State.PreviousMeetingId is not { } previousId)
        {
            throw new RuleViolationException("This is the board's first meeting: there are no earlier minutes to approve.");
        }

        // Approving minutes is a decision of this meeting, so it needs this meeting's quorum.
        if (State.Quorum is not { Met: true })
        {
            throw new RuleViolationException(State.Quorum is null
                ? "Record this meeting's attendance first: approving minutes is a decision and needs a quorate meeting."
                : $"This meeting is not quorate, so it cannot approve minutes. {State.Quorum.Explanation}");
        }

        var previous = await PreviousMeeting(previousId).GetAsync();
        if (previous.Minutes?.ApprovedAtMeetingId is { } approvedAt)
        {
            throw new RuleViolationException(ApprovedElsewhere(previousId, approvedAt));
        }

        if (previous.Status != MeetingStatus.MinutesDrafted)
        {
            throw new RuleViolationException($"The minutes of {previousId} cannot be approved: that meeting is {previous.Status}, and minutes are approved once drafted.");
        }

        var rival = (await readModels.AllAsync<MeetingDetails>()).FirstOrDefault(m =>
            m.BoardId == BoardId && m.MeetingId != MeetingId && m.PreviousMeetingId == previousId && m.PreviousMinutesApproval == PreviousMinutesApproval.Pending);
        if (rival is not null)
        {
            throw new RuleViolationException($"The minutes of {previousId} are being approved at the meeting of {rival.MeetingId}; minutes are approved once.");
        }

        var resumeAt = Time.GetUtcNow() + options.Value.ResumeApprovalAfter;
        Raise(new PreviousMinutesApprovalStarted(previousId, resumeAt));
        RegisterOrUpdateReminder(ResumeApprovalReminder, resumeAt);
        await ConfirmEventsAsync();
        if (options.Value.PauseAfterApprovalStarted)
        {
            logger.LogWarning("Meeting {Meeting} paused after recording that it approves the minutes of {Previous} (PauseAfterApprovalStarted is set; for crash tests only)", Key, previousId);
            await Task.Delay(Timeout.Infinite);
        }
    }

    /// <summary>
    /// Approves the earlier meeting's minutes (which it does once for this meeting, however often asked), records the
    /// approval here and removes the resume reminder. If another meeting approved them first, records that this
    /// meeting gave up, and returns why.
    /// </summary>
    private async Task<string?> FinishPreviousMinutesApprovalAsync()
    {
        var previousId = State.ApprovingMinutesOf!;
        var previous = PreviousMeeting(previousId);
        UnregisterReminder(ResumeApprovalReminder);
        if ((await previous.GetAsync()).Minutes?.ApprovedAtMeetingId is { } approvedAt && approvedAt != MeetingId)
        {
            var refusal = ApprovedElsewhere(previousId, approvedAt);
            Raise(new PreviousMinutesApprovalAbandoned(previousId, refusal));
            return refusal;
        }

        await previous.ApproveMinutesAsync(MeetingId);
        Raise(new PreviousMinutesApproved(previousId));
        return null;
    }

    private static string ApprovedElsewhere(string previousId, string approvedAt) =>
        $"The minutes of {previousId} were approved at the meeting of {approvedAt}; minutes are approved once.";

    private IMeetingGrain PreviousMeeting(string previousId) => GrainFactory.GetGrain<IMeetingGrain>($"{BoardId}/{previousId}");

    private async Task CarryMattersArisingAsync()
    {
        if (State.PreviousMeetingId is not { } previousId)
        {
            return;
        }

        var previous = await PreviousMeeting(previousId).GetAsync();
        var actions = previous.Minutes?.Items.SelectMany(i => i.Actions).ToList() ?? [];
        var current = State.Agenda.First(i => i.Standing == StandingItem.MattersArising).CarriedActions;
        if (!actions.SequenceEqual(current))
        {
            Raise(new MattersArisingCarried(actions));
        }
    }

    private async Task<IReadOnlyList<ItemConcern>> CleanConcernsAsync(FieldErrors errors, IReadOnlyList<ItemConcern> concerns)
    {
        if (concerns.Count > 20)
        {
            errors.Add("concerns", "An item concerns at most 20 organisations, companies and people.");
            return [];
        }

        var cleaned = new List<ItemConcern>();
        for (var i = 0; i < concerns.Count; i++)
        {
            var field = $"concerns[{i}]";
            if (concerns[i] is not { } concern || !Enum.IsDefined(concern.Kind))
            {
                errors.Add(field, "A concern is an organisation, a company or a person.");
                continue;
            }

            var name = errors.Text($"{field}.name", concern.Name, 300);
            var id = concern.Id?.Trim();
            if (concern.Kind == ConcernKind.Organisation)
            {
                if (string.IsNullOrEmpty(id) || await readModels.FindAsync<OrganisationDetails>(id) is not { } organisation)
                {
                    errors.Add($"{field}.id", $"There is no organisation '{id}'.");
                    continue;
                }

                name = organisation.Name;
            }
            else if (name.Length == 0)
            {
                errors.Add($"{field}.name", "Name the company, supplier or person.");
                continue;
            }

            var clean = new ItemConcern { Kind = concern.Kind, Id = string.IsNullOrEmpty(id) ? null : id, Name = name };
            if (!cleaned.Contains(clean))
            {
                cleaned.Add(clean);
            }
        }

        return cleaned;
    }

    private int Number(int itemId) => State.Agenda.FindIndex(i => i.Id == itemId) + 1;

    private static Attendee Clean(Attendee attendee, IReadOnlyList<BoardMember> members)
    {
        var name = attendee.Name.Trim();
        var deputyFor = attendee.DeputyFor?.Trim();
        var member = members.FirstOrDefault(m => string.Equals(m.Name, attendee.Kind == AttendanceKind.Deputy ? deputyFor : name, StringComparison.OrdinalIgnoreCase));
        return attendee with { Name = name, DeputyFor = deputyFor, OrganisationId = member?.OrganisationId ?? attendee.OrganisationId };
    }

    private AgendaItem OrdinaryItem(int itemId)
    {
        var item = State.Agenda.Find(i => i.Id == itemId) ?? throw new NotFoundException($"There is no agenda item {itemId}.");
        return item.Standing is null
            ? item
            : throw new RuleViolationException($"'{item.Title}' is a standing item: it stays on every agenda, in its place.");
    }

    private void EnsureAgendaOpen()
    {
        EnsureStatus("change the agenda", MeetingStatus.Planned);
    }

    private void EnsureMinutesOpen()
    {
        EnsureExists();
        if (State.MinutesApprovedAt is { } approvedAt)
        {
            throw new RuleViolationException($"The minutes of {MeetingId} were approved at the meeting of {approvedAt} and are locked; they can no longer change.");
        }
    }

    private void EnsureStatus(string action, params MeetingStatus[] allowed)
    {
        EnsureExists();
        if (!allowed.Contains(State.Status))
        {
            throw new RuleViolationException(
                $"Cannot {action}: the meeting is {Describe(State.Status)}; that is possible only when it is {string.Join(" or ", allowed.Select(Describe))}.");
        }
    }

    private static string Describe(MeetingStatus status) => status switch
    {
        MeetingStatus.Planned => "planned",
        MeetingStatus.AgendaPublished => "agenda published",
        MeetingStatus.Held => "held",
        MeetingStatus.MinutesDrafted => "minutes drafted",
        MeetingStatus.MinutesApproved => "minutes approved",
        _ => "cancelled",
    };

    private void EnsureExists()
    {
        if (!State.Exists)
        {
            throw new NotFoundException($"Board '{BoardId}' has no meeting '{MeetingId}'.");
        }
    }

    private DateOnly DateFromKey()
    {
        var slash = Key.IndexOf('/');
        if (slash <= 0 || !Slug.IsValid(Key[..slash]) || MeetingIds.DateOf(Key[(slash + 1)..]) is not { } date)
        {
            throw new ValidationException("meetingId", "A meeting id is its date (2015-10-23), optionally followed by a hyphen and a lowercase suffix (2015-10-23-extra).");
        }

        return date;
    }

    private IReadOnlyList<Declaration> DeclarationsOn(int itemId) => State.Declarations.Where(d => d.AgendaItemId == itemId).ToList();

    private static string? NullIfEmpty(string value) => value.Length == 0 ? null : value;

    private string MeetingPath => $"/boards/{BoardId}/meetings/{MeetingId}";

    private string When() => $"{State.Date:dddd d MMMM yyyy}, {State.StartsAt:HH:mm} to {State.EndsAt:HH:mm}";

    /// <summary>Checks a meeting's times and place (a location, a link, or both); the trimmed location and link.</summary>
    private static (string Location, string Link) ValidTimeAndPlace(ScheduleMeeting command, FieldErrors errors)
    {
        if (command.EndsAt <= command.StartsAt)
        {
            errors.Add("endsAt", "A meeting ends after it starts.");
        }

        var location = errors.Text("location", command.Location, 300);
        var link = errors.Text("link", command.Link, 500);
        if (link.Length > 0 && !(Uri.TryCreate(link, UriKind.Absolute, out var uri) && uri.Scheme is "https" or "http"))
        {
            errors.Add("link", "A link is an absolute http or https address.");
        }

        if (location.Length == 0 && link.Length == 0)
        {
            errors.Add("location", "Give a place, a link, or both.");
        }

        return (location, link);
    }

    private Notice InvitationNotice(NotificationKind kind)
    {
        var when = When();
        var where = State.Location ?? State.Link ?? "";
        return new Notice
        {
            Id = NoticeHandOver.IdOf(JournalId, Version, kind),
            Kind = kind,
            BoardId = BoardId,
            Audience = NoticeAudience.MembersAndDeputies,
            Subject = kind == NotificationKind.MeetingCancelled
                ? $"Cancelled: {State.BoardName}, meeting of {State.Date:d MMMM yyyy}"
                : $"{State.BoardName}: meeting on {State.Date:d MMMM yyyy}",
            Summary = kind == NotificationKind.MeetingCancelled
                ? $"The meeting of {State.BoardName} on {when} is cancelled: {State.CancellationReason}"
                : $"{State.BoardName} meets on {when} (UK time), {where}.",
            Link = MeetingPath,
            Invitation = MeetingInvitation.Of(Details()),
            RecordedAt = Time.GetUtcNow(),
        };
    }

    /// <summary>Records notices in this change's commit (with the reminder that hands them over if this call cannot), then hands them over.</summary>
    private Task NotifyAsync(params Notice[] notices) => Notices.RecordAndHandOverAsync(new MeetingNoticesRecorded(notices));

    private MeetingDetails Details() => new()
    {
        BoardId = BoardId,
        MeetingId = MeetingId,
        BoardName = State.BoardName,
        Date = State.Date,
        StartsAt = State.StartsAt,
        EndsAt = State.EndsAt,
        Location = State.Location,
        Link = State.Link,
        Status = State.Status,
        Agenda = State.Agenda.Select((item, index) => item with { Number = index + 1 }).ToList(),
        Attendance = State.Attendance,
        Quorum = State.Quorum,
        Declarations = State.Declarations,
        Minutes = State.Status is MeetingStatus.MinutesDrafted or MeetingStatus.MinutesApproved
            ? new MeetingMinutes
            {
                Items = State.Agenda.Select((item, index) => State.Minutes.TryGetValue(item.Id, out var entry)
                    ? new MinutesItem { AgendaItemId = item.Id, Heading = $"{index + 1}. {item.Title}", Discussion = entry.Discussion, Decisions = entry.Decisions, Actions = entry.Actions, Declarations = DeclarationsOn(item.Id) }
                    : new MinutesItem { AgendaItemId = item.Id, Heading = $"{index + 1}. {item.Title}", Declarations = DeclarationsOn(item.Id) }).ToList(),
                ApprovedAtMeetingId = State.MinutesApprovedAt,
                ApprovedAt = State.MinutesApprovedOn,
            }
            : null,
        PreviousMeetingId = State.PreviousMeetingId,
        ApprovedMinutesOfMeetingId = State.ApprovedMinutesOf,
        PreviousMinutesApproval = State.ApprovedMinutesOf is not null ? PreviousMinutesApproval.Approved
            : State.ApprovingMinutesOf is not null ? PreviousMinutesApproval.Pending
            : PreviousMinutesApproval.NotStarted,
        CancellationReason = State.CancellationReason,
        Version = Version,
        CalendarSequence = State.Changes,
    };
}

using BoardDesk.Grains;
using BoardDesk.Meetings;
using BoardDesk.Notifications;
using BoardDesk.Organisations;
using BoardDesk.Persistence;
using Microsoft.Extensions.Logging;

namespace BoardDesk.Actions;

/// <summary>
/// One action agreed by a board. Owners update it; only the board closes it, at a held meeting of its own (matters
/// arising). Two reminders, rescheduled when it is deferred, raise in-app notifications to the owner: 14 days before
/// it is due, and the day after. Its owner is emailed when it is assigned, due soon, overdue (weekly while it stays
/// so) and closed; the board's secretariat when closure is proposed.
/// </summary>
[GrainType("action-item")]
public sealed class ActionItemGrain(ILogger<ActionItemGrain> logger) : JournaledGrain<ActionItemState, ActionItemEvent>, IActionItemGrain, IReminderHandler
{
    /// <summary>How often an overdue action's owner is reminded by email while it stays overdue.</summary>
    public static readonly TimeSpan OverdueRepeat = TimeSpan.FromDays(7);

    /// <summary>The longest description or note accepted.</summary>
    public const int MaxTextLength = 4000;

    /// <summary>How many days before the due date an action turns amber and its owner is reminded.</summary>
    public const int DueSoonDays = 14;

    private const string DueSoonReminder = "action-due-soon";
    private const string OverdueReminder = "action-overdue";

    private GrainNotices<ActionItemState, ActionItemEvent>? _notices;

    /// <summary>Records this action's notices and hands them to the outbox.</summary>
    private GrainNotices<ActionItemState, ActionItemEvent> Notices => _notices ??= new(this, state => state.PendingNotices, ids => new ActionNoticesHandedOver(ids), logger);

    /// <inheritdoc />
    protected override object? ReadModel => State.Created is null ? null : Details();

    /// <inheritdoc />
    public async Task<ActionDetails> CreateAsync(CreateAction command)
    {
        await RaiseCreatedAsync(command, effectId: null);
        return Details();
    }

    /// <inheritdoc />
    public async Task<ActionDetails> CreateFromEffectAsync(string effectId, CreateAction command)
    {
        if (!State.Effects.Contains(effectId))
        {
            await RaiseCreatedAsync(command, effectId);
        }

        return Details();
    }

    /// <inheritdoc />
    public async Task<ActionDetails> UpdateAsync(UpdateAction command)
    {
        EnsureOpen();
        var errors = new FieldErrors();
        var note = errors.Text("note", command?.Note, MaxTextLength, required: true);
        if (command?.Status is { } status && status is not (ActionStatus.InProgress or ActionStatus.ProposedForClosure))
        {
            errors.Add("status", "An update moves an action to InProgress or ProposedForClosure; only the board closes it, and deferring has its own request.");
        }

        errors.ThrowIfAny();
        var proposedBefore = State.Status == ActionStatus.ProposedForClosure;
        Raise(new ActionProgressNoted(new ActionNote(command!.On, note, BoardDesk.Grains.ActingUser.Name), command.Status ?? (State.Status == ActionStatus.Open ? ActionStatus.InProgress : State.Status)));
        if (State.Status == ActionStatus.ProposedForClosure && !proposedBefore)
        {
            await NotifyAsync(ActionNotice(
                NotificationKind.ActionProposedForClosure,
                NoticeAudience.Secretariat,
                $"Action proposed for closure: {Short(State.Created!.Description)}",
                $"{BoardDesk.Grains.ActingUser.Name} proposes that the board close the action '{State.Created.Description}', due on {State.DueOn:d MMMM yyyy}."));
        }

        return Details();
    }

    /// <inheritdoc />
    public Task<ActionDetails> DeferAsync(DeferAction command)
    {
        EnsureOpen();
        var errors = new FieldErrors();
        var reason = errors.Text("reason", command?.Reason, MaxTextLength, required: true);
        if (command is not null && command.DueOn <= State.DueOn)
        {
            errors.Add("dueOn", $"Deferring moves the due date later than {State.DueOn:yyyy-MM-dd}.");
        }

        errors.ThrowIfAny();
        Raise(new ActionDeferred(command!.DueOn, new ActionNote(DateOnly.FromDateTime(Time.GetUtcNow().UtcDateTime), $"Deferred to {command.DueOn:yyyy-MM-dd}: {reason}", BoardDesk.Grains.ActingUser.Name)));
        ScheduleReminders();
        return Task.FromResult(Details());
    }

    /// <inheritdoc />
    public async Task<ActionDetails> CloseAsync(CloseAction command)
    {
        var created = EnsureOpen();
        if (command is null || string.IsNullOrWhiteSpace(command.MeetingId))
        {
            throw new ValidationException("meetingId", "Name the meeting of the board that closes the action.");
        }

        var meeting = await GrainFactory.GetGrain<IMeetingGrain>($"{created.BoardId}/{command.MeetingId.Trim()}").GetAsync();
        if (meeting.Status is MeetingStatus.Planned or MeetingStatus.AgendaPublished or MeetingStatus.Cancelled)
        {
            throw new RuleViolationException($"Only the board closes an action, at a meeting it has held; the meeting of {meeting.Date:yyyy-MM-dd} is {meeting.Status}.");
        }

        if (meeting.Quorum?.Met != true)
        {
            throw new RuleViolationException("The meeting was not quorate, so it could not close actions.");
        }

        Raise(new ActionClosed(meeting.MeetingId, BoardDesk.Grains.ActingUser.Name));
        UnregisterReminder(DueSoonReminder);
        UnregisterReminder(OverdueReminder);
        await NotifyAsync(ActionNotice(
            NotificationKind.ActionClosed,
            NoticeAudience.People,
            $"Action closed: {Short(created.Description)}",
            $"The board closed the action '{created.Description}' at its meeting of {meeting.Date:d MMMM yyyy}."));
        return Details();
    }

    /// <inheritdoc />
    public Task<ActionDetails> GetAsync()
    {
        EnsureExists();
        return Task.FromResult(Details());
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<RecordedChange>> GetHistoryAsync()
    {
        EnsureExists();
        return (await ReadJournalAsync()).ToRecordedChanges();
    }

    /// <inheritdoc />
    public async Task ReceiveReminderAsync(string reminderName, DateTimeOffset dueAt)
    {
        if (await Notices.TryReceiveReminderAsync(reminderName))
        {
            return;
        }

        if (State.Created is not { } created || State.Status == ActionStatus.Closed)
        {
            return;
        }

        var overdue = reminderName == OverdueReminder;
        var kind = overdue ? "Overdue" : "DueSoon";
        if (!State.Notifications.Any(n => n.Kind == kind && n.DueOn == State.DueOn))
        {
            var text = overdue
                ? $"Action '{created.Description}' was due on {State.DueOn:d MMMM yyyy} and is overdue."
                : $"Action '{created.Description}' is due on {State.DueOn:d MMMM yyyy}.";
            Raise(new ActionNotificationRaised(new ActionNotification(Key, kind, State.DueOn, Time.GetUtcNow(), created.Owner.Person, text)));
        }
        else if (!overdue)
        {
            return;
        }

        if (overdue)
        {
            // The in-app notification is raised once; the email comes back every week while the action stays overdue.
            RegisterOrUpdateReminder(OverdueReminder, Time.GetUtcNow() + OverdueRepeat);
        }

        await NotifyAsync(overdue
            ? ActionNotice(NotificationKind.ActionOverdue, NoticeAudience.People, $"Overdue action: {Short(created.Description)}", $"The action '{created.Description}' was due on {State.DueOn:d MMMM yyyy} and is overdue. Note its progress, or propose closing it.")
            : ActionNotice(NotificationKind.ActionDueSoon, NoticeAudience.People, $"Action due on {State.DueOn:d MMMM yyyy}: {Short(created.Description)}", $"The action '{created.Description}' is due on {State.DueOn:d MMMM yyyy}."));
    }

    /// <summary>The RAG rating on a day: red when overdue, amber when due within 14 days, green otherwise or once closed.</summary>
    public static ActionRag RagOn(ActionDetails action, DateOnly today) =>
        action.Status == ActionStatus.Closed ? ActionRag.Green
        : action.DueOn < today ? ActionRag.Red
        : action.DueOn.DayNumber - today.DayNumber <= DueSoonDays ? ActionRag.Amber
        : ActionRag.Green;

    private async Task RaiseCreatedAsync(CreateAction command, string? effectId)
    {
        if (!Slug.IsValid(Key))
        {
            throw new ValidationException("id", "An action id is a lowercase slug.");
        }

        var errors = new FieldErrors();
        var description = errors.Text("description", command?.Description, MaxTextLength, required: true);
        errors.Text("owner.person", command?.Owner?.Person, 200, required: true);
        if (command?.Source is null || !Enum.IsDefined(command.Source.Kind) || string.IsNullOrWhiteSpace(command.Source.Reference))
        {
            errors.Add("source", "Name where the action came from: a minute item, a decision or a recommendation, and its id.");
        }

        errors.ThrowIfAny();
        if (State.Created is not null)
        {
            throw new ConflictException($"The action '{Key}' exists already.");
        }

        if (!await GrainQueries.ExistsAsync(() => GrainFactory.GetGrain<IOrganisationGrain>(command!.Owner.OrganisationId ?? "").GetAsync()))
        {
            throw new ValidationException("owner.organisationId", $"There is no organisation '{command!.Owner.OrganisationId}'.");
        }

        var owner = new ActionOwner(command!.Owner.Person.Trim(), command.Owner.OrganisationId);
        Raise(new ActionCreated(command.BoardId, description, owner, command.DueOn, command.Source!, Time.GetUtcNow(), effectId));
        ScheduleReminders();
        await NotifyAsync(ActionNotice(
            NotificationKind.ActionAssigned,
            NoticeAudience.People,
            $"Action assigned to you: {Short(description)}",
            $"The board assigned you the action '{description}', due on {command.DueOn:d MMMM yyyy}."));
    }

    private static string Short(string text) => text.Length <= 60 ? text : $"{text[..57].TrimEnd()}...";

    private Notice ActionNotice(NotificationKind kind, NoticeAudience audience, string subject, string summary) => new()
    {
        Id = NoticeHandOver.IdOf(JournalId, Version + 1, kind),
        Kind = kind,
        BoardId = State.Created!.BoardId,
        Audience = audience,
        UserNames = audience == NoticeAudience.People ? [State.Created.Owner.Person] : [],
        Subject = subject,
        Summary = summary,
        Link = $"/actions/{Key}",
        RecordedAt = Time.GetUtcNow(),
    };

    /// <summary>Records notices in this change's commit (with the reminder that hands them over if this call cannot), then hands them over.</summary>
    private Task NotifyAsync(Notice notice) => Notices.RecordAndHandOverAsync(new ActionNoticesRecorded([notice]));

    private void ScheduleReminders()
    {
        var due = new DateTimeOffset(State.DueOn.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        RegisterOrUpdateReminder(DueSoonReminder, due.AddDays(-DueSoonDays));
        RegisterOrUpdateReminder(OverdueReminder, due.AddDays(1));
    }

    private ActionCreated EnsureExists() => State.Created ?? throw new NotFoundException($"There is no action '{Key}'.");

    private ActionCreated EnsureOpen()
    {
        var created = EnsureExists();
        return State.Status == ActionStatus.Closed
            ? throw new RuleViolationException($"The action was closed by the board at its meeting {State.ClosedAtMeetingId}; it changes no more.")
            : created;
    }

    private ActionDetails Details()
    {
        var created = State.Created!;
        return new ActionDetails
        {
            Id = Key,
            BoardId = created.BoardId,
            Description = created.Description,
            Owner = created.Owner,
            DueOn = State.DueOn,
            OriginalDueOn = created.DueOn,
            Source = created.Source,
            Status = State.Status,
            Notes = State.Notes,
            ClosedAtMeetingId = State.ClosedAtMeetingId,
            Notifications = State.Notifications,
            Version = Version,
        };
    }
}

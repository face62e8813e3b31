using System.Security.Cryptography;
using System.Text.RegularExpressions;
using BoardDesk.Boards;
using BoardDesk.Grains;
using BoardDesk.Meetings;
using BoardDesk.Notifications;
using BoardDesk.Organisations;
using BoardDesk.Persistence;
using Microsoft.Extensions.Logging;

namespace BoardDesk.Papers;

/// <summary>
/// A paper to a board. Its content is versioned (every revision kept, any two comparable); its workflow runs draft,
/// submitted, approved for circulation, published, with withdrawal possible until then. It reads its board, its
/// meeting and, when re-used, its source paper; none of them calls a paper. Two reminders email its author, the
/// account that created it: <see cref="DueSoonDays"/> days before its meeting's paper deadline while it is still a
/// draft, and the day after the deadline if it is still not submitted (late).
/// </summary>
[GrainType("paper")]
public sealed partial class PaperGrain(ILogger<PaperGrain> logger) : JournaledGrain<PaperState, PaperEvent>, IPaperGrain, IReminderHandler
{
    /// <summary>How many days before the board's paper deadline the author of a paper not yet submitted is reminded.</summary>
    public const int DueSoonDays = 3;

    private const string DueSoonReminder = "paper-due-soon";
    private const string LateReminder = "paper-late";
    private static readonly TimeOnly ReminderTime = new(9, 0);

    /// <summary>The most versions a paper keeps.</summary>
    public const int MaxVersions = 100;

    /// <summary>The largest body, in characters.</summary>
    public const int MaxBodyLength = 100_000;

    /// <summary>The most attachments a paper holds.</summary>
    public const int MaxAttachments = 10;

    /// <summary>The largest attachment, in bytes.</summary>
    public const int MaxAttachmentBytes = 512 * 1024;

    /// <summary>The most bytes of attachments a paper holds in all.</summary>
    public const int MaxAttachmentTotalBytes = 2 * 1024 * 1024;

    private PaperContent Current => State.Versions[^1].Content;

    private GrainNotices<PaperState, PaperEvent>? _notices;

    /// <summary>Records this paper's notices and hands them to the outbox.</summary>
    private GrainNotices<PaperState, PaperEvent> Notices => _notices ??= new(this, state => state.PendingNotices, ids => new PaperNoticesHandedOver(ids), logger);

    /// <inheritdoc />
    protected override object? ReadModel => State.Exists ? Details() : null;

    /// <inheritdoc />
    public async Task<PaperDetails> CreateAsync(CreatePaper command)
    {
        EnsureValidKey();
        var errors = new FieldErrors();
        var content = await ValidContentAsync(command.Content, errors, "content.");
        var (boardId, meetingId) = await ValidTargetAsync(command.BoardId, command.MeetingId, errors);
        errors.ThrowIfAny();
        EnsureNew();
        Raise(new PaperCreated(boardId, meetingId, content, null, Time.GetUtcNow(), ActingUser.Name));
        await ScheduleDeadlineRemindersAsync();
        return Details();
    }

    /// <inheritdoc />
    public async Task<PaperDetails> ReuseAsync(ReusePaper command)
    {
        EnsureValidKey();
        var errors = new FieldErrors();
        if (!Slug.IsValid(command.SourcePaperId) || command.SourcePaperId == Key)
        {
            throw new ValidationException("sourcePaperId", "Name another paper, by its id.");
        }

        if (!Enum.IsDefined(command.Purpose))
        {
            errors.Add("purpose", $"'{command.Purpose}' is not a purpose.");
        }

        var summary = command.Summary is null ? null : errors.Text("summary", command.Summary, 5000);
        var (boardId, meetingId) = await ValidTargetAsync(command.BoardId, command.MeetingId, errors);
        errors.ThrowIfAny();
        EnsureNew();
        var source = await GrainFactory.GetGrain<IPaperGrain>(command.SourcePaperId).GetAsync();
        var content = source.Content with { Purpose = command.Purpose, Summary = summary ?? source.Content.Summary };
        Raise(new PaperCreated(boardId, meetingId, content, source.Id, Time.GetUtcNow(), ActingUser.Name));
        await ScheduleDeadlineRemindersAsync();
        return Details();
    }

    /// <inheritdoc />
    public async Task<PaperDetails> ReviseAsync(RevisePaper command)
    {
        EnsureStatus("revise the paper", PaperStatus.Draft, PaperStatus.Submitted);
        var errors = new FieldErrors();
        var content = await ValidContentAsync(command.Content, errors, "content.");
        var note = errors.Text("note", command.Note, 1000);
        errors.ThrowIfAny();
        if (State.Versions.Count >= MaxVersions)
        {
            throw new RuleViolationException($"A paper keeps at most {MaxVersions} versions; start a new paper.");
        }

        if (TextLines(content).SequenceEqual(TextLines(Current)))
        {
            throw new RuleViolationException("The revision changes nothing.");
        }

        Raise(new PaperRevised(content, note, Time.GetUtcNow(), ActingUser.Name));
        return Details();
    }

    /// <inheritdoc />
    public async Task<PaperDetails> SubmitAsync()
    {
        EnsureStatus("submit the paper", PaperStatus.Draft);
        if (State.MeetingId is not { } meetingId)
        {
            throw new RuleViolationException("The paper names no meeting; a paper is submitted for a meeting.");
        }

        var meeting = await GrainFactory.GetGrain<IMeetingGrain>($"{State.BoardId}/{meetingId}").GetAsync();
        if (meeting.Status is not (MeetingStatus.Planned or MeetingStatus.AgendaPublished))
        {
            throw new RuleViolationException($"The meeting of {meetingId} is {meeting.Status}; papers are submitted to meetings still to be held.");
        }

        var board = await GrainFactory.GetGrain<IBoardGrain>(State.BoardId).GetAsync();
        var deadline = meeting.Date.AddDays(-board.PaperDeadlineDays);
        var now = Time.GetUtcNow();
        Raise(new PaperSubmitted(now, deadline, UkTime.DateOf(now) > deadline));
        return Details();
    }

    /// <inheritdoc />
    public Task<PaperDetails> ApproveForCirculationAsync()
    {
        EnsureStatus("approve the paper for circulation", PaperStatus.Submitted);
        Raise(new PaperApprovedForCirculation());
        return Task.FromResult(Details());
    }

    /// <inheritdoc />
    public Task<PaperDetails> PublishAsync()
    {
        EnsureStatus("publish the paper", PaperStatus.ApprovedForCirculation);
        Raise(new PaperPublished());
        return Task.FromResult(Details());
    }

    /// <inheritdoc />
    public Task<PaperDetails> WithdrawAsync(WithdrawPaper command)
    {
        EnsureStatus("withdraw the paper", PaperStatus.Draft, PaperStatus.Submitted, PaperStatus.ApprovedForCirculation);
        var errors = new FieldErrors();
        var reason = errors.Text("reason", command.Reason, 1000, required: true);
        errors.ThrowIfAny();
        Raise(new PaperWithdrawn(reason));
        return Task.FromResult(Details());
    }

    /// <inheritdoc />
    public Task<PaperDetails> AddAttachmentAsync(AddAttachment command)
    {
        EnsureStatus("attach a file", PaperStatus.Draft, PaperStatus.Submitted);
        var errors = new FieldErrors();
        var fileName = errors.Text("fileName", command.FileName, 200, required: true);
        if (fileName.IndexOfAny(['/', '\\']) >= 0 || fileName.Any(char.IsControl) || fileName is "." or "..")
        {
            errors.Add("fileName", "A file name has no folders and no control characters.");
        }

        var contentType = command.ContentType?.Trim().ToLowerInvariant() ?? "";
        if (!MediaType().IsMatch(contentType))
        {
            errors.Add("contentType", "A media type such as application/pdf.");
        }

        var content = command.Content ?? [];
        if (content.Length == 0 || content.Length > MaxAttachmentBytes)
        {
            errors.Add("content", $"An attachment has between 1 byte and {MaxAttachmentBytes / 1024} KiB.");
        }

        errors.ThrowIfAny();
        if (State.Attachments.Count >= MaxAttachments || State.Attachments.Sum(a => a.Info.Size) + content.Length > MaxAttachmentTotalBytes)
        {
            throw new RuleViolationException($"A paper holds at most {MaxAttachments} attachments and {MaxAttachmentTotalBytes / (1024 * 1024)} MiB in all.");
        }

        if (State.Attachments.Any(a => string.Equals(a.Info.FileName, fileName, StringComparison.OrdinalIgnoreCase)))
        {
            throw new ConflictException($"The paper already has an attachment called '{fileName}'.");
        }

        var info = new AttachmentInfo
        {
            Id = (State.Attachments.Count + 1).ToString(System.Globalization.CultureInfo.InvariantCulture),
            FileName = fileName,
            ContentType = contentType,
            Size = content.Length,
            Sha256 = Convert.ToHexStringLower(SHA256.HashData(content)),
            AddedAt = Time.GetUtcNow(),
        };
        Raise(new AttachmentAdded(info, content));
        return Task.FromResult(Details());
    }

    /// <inheritdoc />
    public Task<AttachmentContent> GetAttachmentAsync(string attachmentId)
    {
        EnsureExists();
        return Task.FromResult(State.Attachments.Find(a => a.Info.Id == attachmentId)
            ?? throw new NotFoundException($"The paper '{Key}' has no attachment '{attachmentId}'."));
    }

    /// <inheritdoc />
    public Task<PaperVersion> GetVersionAsync(int number)
    {
        EnsureExists();
        return Task.FromResult(VersionOf(number, "version"));
    }

    /// <inheritdoc />
    public Task<PaperComparison> CompareAsync(int fromVersion, int toVersion)
    {
        EnsureExists();
        var from = VersionOf(fromVersion, "from");
        var to = VersionOf(toVersion, "to");
        var lines = LineDiff.Compute(TextLines(from.Content), TextLines(to.Content));
        return Task.FromResult(new PaperComparison
        {
            FromVersion = fromVersion,
            ToVersion = toVersion,
            Added = lines.Count(l => l.Kind == DiffLineKind.Added),
            Removed = lines.Count(l => l.Kind == DiffLineKind.Removed),
            Lines = lines,
        });
    }

    /// <inheritdoc />
    public Task<PaperDetails> GetAsync()
    {
        EnsureExists();
        return Task.FromResult(Details());
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<RecordedChange>> GetHistoryAsync()
    {
        EnsureExists();
        return (await ReadJournalAsync()).Where(e => e.Event is not (PaperNoticesRecorded or PaperNoticesHandedOver)).ToRecordedChanges();
    }

    /// <summary>The content as lines of text, in a fixed order, for comparing versions.</summary>
    private static List<string> TextLines(PaperContent content)
    {
        var lines = new List<string>
        {
            $"Title: {content.Title}",
            $"Purpose: {content.Purpose}",
            $"Author: {content.Author}{(content.AuthorTitle.Length > 0 ? ", " + content.AuthorTitle : "")}",
            $"Sponsoring organisation: {content.SponsoringOrganisationId}",
            $"Date: {content.Date:yyyy-MM-dd}",
            "",
            "Summary",
        };
        lines.AddRange(SplitLines(content.Summary));
        lines.Add("");
        lines.Add("Body");
        lines.AddRange(SplitLines(content.Body));
        lines.Add("");
        lines.Add("Recommendations");
        lines.AddRange(content.Recommendations.Select((r, i) => $"{i + 1}. {r}"));
        lines.Add("");
        lines.Add("References");
        lines.AddRange(content.References.Select((r, i) => $"{i + 1}. {r}"));
        return lines;
    }

    private static string[] SplitLines(string text) => text.Length == 0 ? [] : text.ReplaceLineEndings("\n").Split('\n');

    private PaperVersion VersionOf(int number, string field) =>
        number >= 1 && number <= State.Versions.Count
            ? State.Versions[number - 1]
            : throw new NotFoundException($"The paper '{Key}' has no version {number} ({field}); it has versions 1 to {State.Versions.Count}.");

    private async Task<PaperContent> ValidContentAsync(PaperContent? content, FieldErrors errors, string prefix)
    {
        if (content is null)
        {
            errors.Add("content", "The content is required.");
            return new PaperContent { Title = "", Author = "", SponsoringOrganisationId = "" };
        }

        var title = errors.Text(prefix + "title", content.Title, 300, required: true);
        var author = errors.Text(prefix + "author", content.Author, 200, required: true);
        var authorTitle = errors.Text(prefix + "authorTitle", content.AuthorTitle, 200);
        var summary = errors.Text(prefix + "summary", content.Summary, 5000);
        var body = content.Body ?? "";
        if (body.Length > MaxBodyLength)
        {
            errors.Add(prefix + "body", $"At most {MaxBodyLength} characters.");
        }

        if (!Enum.IsDefined(content.Purpose))
        {
            errors.Add(prefix + "purpose", $"'{content.Purpose}' is not a purpose.");
        }

        var recommendations = (content.Recommendations ?? []).Select((r, i) => errors.Text($"{prefix}recommendations[{i}]", r, 2000, required: true)).ToList();
        var references = (content.References ?? []).Select((r, i) => errors.Text($"{prefix}references[{i}]", r, 2000, required: true)).ToList();
        if (recommendations.Count > 30)
        {
            errors.Add(prefix + "recommendations", "At most 30 recommendations.");
        }

        if (references.Count > 100)
        {
            errors.Add(prefix + "references", "At most 100 references.");
        }

        if (!Slug.IsValid(content.SponsoringOrganisationId))
        {
            errors.Add(prefix + "sponsoringOrganisationId", "An organisation id is a lowercase slug (for example monitor).");
        }
        else if (!await GrainQueries.ExistsAsync(() => GrainFactory.GetGrain<IOrganisationGrain>(content.SponsoringOrganisationId).GetAsync()))
        {
            errors.Add(prefix + "sponsoringOrganisationId", $"There is no organisation '{content.SponsoringOrganisationId}'.");
        }

        return content with
        {
            Title = title,
            Author = author,
            AuthorTitle = authorTitle,
            Summary = summary,
            Body = body.ReplaceLineEndings("\n"),
            Recommendations = recommendations,
            References = references,
        };
    }

    /// <inheritdoc />
    public async Task ReceiveReminderAsync(string reminderName, DateTimeOffset dueAt)
    {
        if (await Notices.TryReceiveReminderAsync(reminderName))
        {
            return;
        }

        if (reminderName is not (DueSoonReminder or LateReminder) || State.Status != PaperStatus.Draft || await DeadlineAsync() is not { } target)
        {
            return;
        }

        var (meeting, deadline) = target;
        var today = UkTime.DateOf(Time.GetUtcNow());
        var late = reminderName == LateReminder;
        if (late ? today <= deadline : today < deadline.AddDays(-DueSoonDays))
        {
            // The meeting moved later since the reminder was set: wait for the new deadline.
            await ScheduleDeadlineRemindersAsync();
            return;
        }

        var kind = late ? NotificationKind.PaperLate : NotificationKind.PaperDue;
        if ((!late && today > deadline) || State.Reminded.Contains(PaperState.RemindedKey(kind, deadline)))
        {
            return;
        }

        var meetingDay = $"{meeting.Date:dddd d MMMM yyyy}";
        await NotifyAsync(kind, deadline, late
            ? ($"Late paper: the deadline for the meeting of {meeting.Date:d MMMM yyyy} has passed", $"Your paper for the board's meeting on {meetingDay} was due on {deadline:d MMMM yyyy} and has not been submitted. Submit it as soon as you can, or tell the secretariat.")
            : ($"Paper due by {deadline:d MMMM yyyy} for the meeting of {meeting.Date:d MMMM yyyy}", $"Your paper for the board's meeting on {meetingDay} is due by {deadline:d MMMM yyyy}, the board's paper deadline. It is still a draft: submit it in BoardDesk by then."));
    }

    /// <summary>The paper's meeting and its paper deadline, as they are now; null for no meeting, or one no longer to be held.</summary>
    private async Task<(MeetingDetails Meeting, DateOnly Deadline)?> DeadlineAsync()
    {
        if (State.MeetingId is not { } meetingId)
        {
            return null;
        }

        var meeting = await GrainFactory.GetGrain<IMeetingGrain>($"{State.BoardId}/{meetingId}").GetAsync();
        if (meeting.Status is not (MeetingStatus.Planned or MeetingStatus.AgendaPublished))
        {
            return null;
        }

        var board = await GrainFactory.GetGrain<IBoardGrain>(State.BoardId).GetAsync();
        return (meeting, meeting.Date.AddDays(-board.PaperDeadlineDays));
    }

    /// <summary>Sets the two reminders of the paper deadline, those still ahead: due soon, and late (the day after).</summary>
    private async Task ScheduleDeadlineRemindersAsync()
    {
        if (await DeadlineAsync() is not { Deadline: var deadline })
        {
            return;
        }

        var dueSoon = UkTime.At(deadline.AddDays(-DueSoonDays), ReminderTime);
        if (dueSoon > Time.GetUtcNow())
        {
            RegisterOrUpdateReminder(DueSoonReminder, dueSoon);
        }

        // A paper begun after its deadline is late from the start, and its author knows: no reminder then.
        var late = UkTime.At(deadline.AddDays(1), TimeOnly.MinValue);
        if (late > Time.GetUtcNow())
        {
            RegisterOrUpdateReminder(LateReminder, late);
        }
    }

    /// <summary>Records a notice to the author in this change's commit (with the reminder that hands it over if this call cannot), then hands it over.</summary>
    private async Task NotifyAsync(NotificationKind kind, DateOnly deadline, (string Subject, string Summary) text)
    {
        var notice = new Notice
        {
            Id = NoticeHandOver.IdOf(JournalId, Version + 1, kind),
            Kind = kind,
            BoardId = State.BoardId,
            Audience = NoticeAudience.People,
            UserNames = [State.Versions[0].RevisedBy],
            Subject = text.Subject,
            Summary = text.Summary,
            Link = $"/papers/{Key}",
            RecordedAt = Time.GetUtcNow(),
        };
        await Notices.RecordAndHandOverAsync(new PaperNoticesRecorded([notice], deadline));
    }

    private async Task<(string BoardId, string? MeetingId)> ValidTargetAsync(string? boardId, string? meetingId, FieldErrors errors)
    {
        if (!Slug.IsValid(boardId))
        {
            errors.Add("boardId", "A board id is a lowercase slug (for example ldib).");
            return ("", null);
        }

        if (!await GrainQueries.ExistsAsync(() => GrainFactory.GetGrain<IBoardGrain>(boardId).GetAsync()))
        {
            errors.Add("boardId", $"There is no board '{boardId}'.");
            return (boardId, null);
        }

        if (meetingId is null)
        {
            return (boardId, null);
        }

        if (MeetingIds.DateOf(meetingId) is null || !await GrainQueries.ExistsAsync(() => GrainFactory.GetGrain<IMeetingGrain>($"{boardId}/{meetingId}").GetAsync()))
        {
            errors.Add("meetingId", $"Board '{boardId}' has no meeting '{meetingId}'.");
        }

        return (boardId, meetingId);
    }

    private void EnsureValidKey()
    {
        if (!Slug.IsValid(Key))
        {
            throw new ValidationException("id", "A paper id is a lowercase slug of letters, digits and single hyphens, at most 64 characters.");
        }
    }

    private void EnsureNew()
    {
        if (State.Exists)
        {
            throw new ConflictException($"The paper '{Key}' exists already.");
        }
    }

    private void EnsureExists()
    {
        if (!State.Exists)
        {
            throw new NotFoundException($"There is no paper '{Key}'.");
        }
    }

    private void EnsureStatus(string action, params PaperStatus[] allowed)
    {
        EnsureExists();
        if (!allowed.Contains(State.Status))
        {
            throw new RuleViolationException(
                $"Cannot {action}: the paper is {Describe(State.Status)}; that is possible only when it is {string.Join(" or ", allowed.Select(Describe))}.");
        }
    }

    private static string Describe(PaperStatus status) => status switch
    {
        PaperStatus.Draft => "a draft",
        PaperStatus.Submitted => "submitted",
        PaperStatus.ApprovedForCirculation => "approved for circulation",
        PaperStatus.Published => "published",
        _ => "withdrawn",
    };

    private PaperDetails Details() => new()
    {
        Id = Key,
        BoardId = State.BoardId,
        MeetingId = State.MeetingId,
        Status = State.Status,
        Content = Current,
        CurrentVersion = State.Versions.Count,
        Versions = State.Versions.Select(v => new PaperVersionInfo(v.Number, v.RevisedAt, v.RevisedBy, v.Note)).ToList(),
        Attachments = State.Attachments.Select(a => a.Info).ToList(),
        SubmittedAt = State.SubmittedAt,
        Deadline = State.Deadline,
        Late = State.Late,
        DerivedFromPaperId = State.DerivedFromPaperId,
        WithdrawalReason = State.WithdrawalReason,
        Version = Version,
    };

    [GeneratedRegex("^[a-z0-9][a-z0-9!#$&^_.+-]{0,63}/[a-z0-9][a-z0-9!#$&^_.+-]{0,63}$")]
    private static partial Regex MediaType();
}

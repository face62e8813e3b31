using BoardDesk.Actions;
using BoardDesk.Boards;
using BoardDesk.Grains;
using BoardDesk.Meetings;
using BoardDesk.Notifications;
using BoardDesk.Operations;
using BoardDesk.Organisations;
using BoardDesk.Papers;
using BoardDesk.Recommendations;
using BoardDesk.Persistence;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace BoardDesk.Decisions;

/// <summary>
/// One decision of a board: at a meeting's agenda item, or by written procedure with a closing time. The grain keeps
/// the voting rules (who is eligible, recusal for a declared interest, quorum at opening and closing, one ballot per
/// holder) and computes the outcome once. A secret ballot's choice goes into the grain's sealed box in the commit
/// that puts its holder on the roll, so it survives a restart but cannot be found again: it is final once cast.
/// A carried decision's effects are the plan of an
/// <see cref="OperationGrain{TState, TEvent, TEffect}"/>: recorded with the outcome and a resume reminder before any
/// is applied, then applied to their owning grains exactly once, finished after a crash by the reminder.
/// Calls go down only: to the board, the meeting, recommendations, organisation changes and actions.
/// </summary>
[GrainType("decision")]
public sealed class DecisionGrain(IOptions<OperationOptions> options, ILogger<DecisionGrain> logger)
    : OperationGrain<DecisionState, DecisionEvent, DecisionEffect>(options, logger), IDecisionGrain, IReminderHandler
{
    /// <summary>The reminder that closes a written procedure at its deadline.</summary>
    public const string DeadlineReminder = "close-written-procedure";

    /// <summary>The reminder, a day before a written procedure closes, that tells those who may vote.</summary>
    public const string ClosingSoonReminder = "written-procedure-closing-soon";

    /// <summary>How long before a written procedure closes its voters are reminded.</summary>
    public static readonly TimeSpan ClosingSoonNotice = TimeSpan.FromDays(1);

    /// <summary>The longest motion accepted.</summary>
    public const int MaxMotionLength = 4000;

    private GrainNotices<DecisionState, DecisionEvent>? _notices;

    /// <summary>Records this decision's notices and hands them to the outbox.</summary>
    private GrainNotices<DecisionState, DecisionEvent> Notices => _notices ??= new(this, state => state.PendingNotices, ids => new DecisionNoticesHandedOver(ids), logger);

    /// <inheritdoc />
    protected override object? ReadModel => State.Proposal is null ? null : Details();

    /// <inheritdoc />
    protected override OperationProgress<DecisionEffect> Progress => State.Progress;

    /// <inheritdoc />
    public async Task<DecisionDetails> ProposeAsync(string boardId, ProposeDecision command)
    {
        if (State.Proposal is not null)
        {
            throw new ConflictException($"The decision '{Key}' exists already.");
        }

        var errors = new FieldErrors();
        var motion = errors.Text("motion", command.Motion, MaxMotionLength, required: true);
        if (!Enum.IsDefined(command.Method))
        {
            errors.Add("method", $"'{command.Method}' is not a method.");
        }

        if (!Enum.IsDefined(command.Ballot))
        {
            errors.Add("ballot", $"'{command.Ballot}' is not a kind of ballot.");
        }

        if (!Enum.IsDefined(command.Unit))
        {
            errors.Add("unit", $"'{command.Unit}' is not a voting unit.");
        }

        var written = command.MeetingId is null;
        if (written && command.ClosesAt is null)
        {
            errors.Add("closesAt", "A written procedure (no meetingId) needs the time voting closes.");
        }

        if (written && command.AgendaItemId is not null)
        {
            errors.Add("agendaItemId", "An agenda item belongs to a meeting; give meetingId too.");
        }

        if (!written && command.ClosesAt is not null)
        {
            errors.Add("closesAt", "A vote at a meeting is closed by the chair; closesAt is for written procedures.");
        }

        if (!written && command.AgendaItemId is null)
        {
            errors.Add("agendaItemId", "Name the agenda item the decision is taken under.");
        }

        if (command.ClosesAt is { } closes && closes <= Time.GetUtcNow())
        {
            errors.Add("closesAt", "The closing time has passed already.");
        }

        if (command.PaperIds is null || command.PaperIds.Any(p => !Slug.IsValid(p)))
        {
            errors.Add("paperIds", "Each paper id is a lowercase slug.");
        }

        if (command.Effects is null || command.Effects.Any(e => e is null))
        {
            errors.Add("effects", "An effect is empty.");
        }

        errors.ThrowIfAny();
        var board = await GrainFactory.GetGrain<IBoardGrain>(boardId).GetAsync();
        if (!written)
        {
            var meeting = await GrainFactory.GetGrain<IMeetingGrain>($"{board.Id}/{command.MeetingId}").GetAsync();
            if (meeting.Agenda.All(a => a.Id != command.AgendaItemId))
            {
                throw new ValidationException("agendaItemId", $"The meeting has no agenda item {command.AgendaItemId}.");
            }
        }

        foreach (var paperId in command.PaperIds!)
        {
            var paper = await GrainQueries.ExistsAsync(() => GrainFactory.GetGrain<IPaperGrain>(paperId).GetAsync())
                ? await GrainFactory.GetGrain<IPaperGrain>(paperId).GetAsync()
                : null;
            if (paper?.BoardId != board.Id)
            {
                throw new ValidationException("paperIds", $"There is no paper '{paperId}' of this board.");
            }
        }

        var effects = new List<DecisionEffect>();
        for (var i = 0; i < command.Effects!.Count; i++)
        {
            var effect = command.Effects[i] with { EffectId = $"{Key}/{i + 1}" };
            await CheckEffectAsync(effect, $"effects[{i}]");
            effects.Add(effect);
        }

        Raise(new DecisionProposed(board.Id, command.MeetingId, command.AgendaItemId, command.ClosesAt, motion, command.PaperIds!, command.Method, command.Ballot, command.Unit, effects, BoardDesk.Grains.ActingUser.Name));
        return Details();
    }

    /// <inheritdoc />
    public async Task<DecisionDetails> OpenAsync()
    {
        var proposal = EnsureExists();
        if (State.Status != DecisionStatus.Proposed)
        {
            throw new RuleViolationException($"Voting can open only on a proposed decision; this one is {State.Status}.");
        }

        var board = await GrainFactory.GetGrain<IBoardGrain>(proposal.BoardId).GetAsync();
        var electorate = await ElectorateAsync(proposal, board);
        if (!electorate.Quorum.Met)
        {
            throw new RuleViolationException($"Voting cannot open: the meeting is not quorate without those recused. {electorate.Quorum.Explanation}");
        }

        if (proposal.ClosesAt is { } closesAt)
        {
            if (closesAt <= Time.GetUtcNow())
            {
                throw new RuleViolationException("The written procedure's closing time has passed.");
            }

            RegisterOrUpdateReminder(DeadlineReminder, closesAt);
            if (closesAt - ClosingSoonNotice > Time.GetUtcNow())
            {
                RegisterOrUpdateReminder(ClosingSoonReminder, closesAt - ClosingSoonNotice);
            }
        }

        Raise(new DecisionVotingOpened(electorate.Voters, electorate.Recused, electorate.Quorum.Explanation, board.Quorum.MinimumOrganisations, Time.GetUtcNow()));
        var deadline = proposal.ClosesAt is { } closes ? $" Voting closes on {UkTime.Describe(closes)} (UK time)." : "";
        await NotifyAsync(VoteNotice(NotificationKind.VoteOpened, $"{board.Name}: vote open", $"Voting has opened on a decision of {board.Name}.{deadline}"));
        return Details();
    }

    /// <inheritdoc />
    public Task<DecisionDetails> CastBallotAsync(CastBallot ballot)
    {
        var proposal = EnsureExists();
        if (ballot is null || string.IsNullOrWhiteSpace(ballot.Voter))
        {
            throw new ValidationException("voter", "Name the member or deputy casting the ballot.");
        }

        if (!Enum.IsDefined(ballot.Choice))
        {
            throw new ValidationException("choice", $"'{ballot.Choice}' is not a choice.");
        }

        if (proposal.Method == DecisionMethod.Consensus)
        {
            throw new RuleViolationException("A consensus decision has no ballots: the chair records the consensus when closing.");
        }

        if (State.Status != DecisionStatus.Open)
        {
            throw new RuleViolationException($"Ballots are cast only while voting is open; this decision is {State.Status}.");
        }

        var voter = ballot.Voter.Trim();
        if (State.Recused.Contains(voter, StringComparer.OrdinalIgnoreCase))
        {
            throw new RuleViolationException($"'{voter}' declared an interest in this item and is recused from the vote.");
        }

        var eligible = State.Voters.FirstOrDefault(v => string.Equals(v.Person, voter, StringComparison.OrdinalIgnoreCase))
            ?? throw new RuleViolationException($"'{voter}' is not eligible to vote on this decision.");
        if (proposal.Ballot == BallotKind.Named)
        {
            // The same voter's same choice again (a retry after a timeout) changes nothing, so it is not journaled
            // again; a different choice replaces the ballot, as before.
            if (State.Ballots.TryGetValue(eligible.Unit, out var cast)
                && cast.Choice == ballot.Choice
                && string.Equals(cast.CastBy, eligible.Person, StringComparison.OrdinalIgnoreCase))
            {
                return Task.FromResult(Details());
            }

            Raise(new DecisionBallotCast(eligible.Unit, eligible.Person, ballot.Choice));
        }
        else
        {
            if (State.Sealed.Contains(eligible.Unit))
            {
                throw new RuleViolationException($"The secret ballot for '{eligible.Unit}' has been cast already, and a secret ballot cannot be changed once cast: it is stored with nothing that links it to its voter, so it cannot be found again.");
            }

            Seal(ballot.Choice.ToString());
            Raise(new DecisionSecretVoteRecorded(eligible.Unit, Sealed: true));
        }

        return Task.FromResult(Details());
    }

    /// <inheritdoc />
    public async Task<DecisionDetails> CloseAsync(CloseVoting command)
    {
        var proposal = EnsureExists();
        if (State.Status == DecisionStatus.Closed)
        {
            throw new RuleViolationException($"Voting closed already; the outcome ({State.Closure!.Outcome}) does not change.");
        }

        if (State.Status != DecisionStatus.Open)
        {
            throw new RuleViolationException("Voting has not opened.");
        }

        if (command.CastingVote is { } casting && (!Enum.IsDefined(casting) || casting == VoteChoice.Abstain))
        {
            throw new ValidationException("castingVote", "A casting vote is For or Against.");
        }

        if (proposal.Method == DecisionMethod.Consensus && command.Consensus is null)
        {
            throw new ValidationException("consensus", "Record whether the board reached consensus.");
        }

        if (proposal.Method != DecisionMethod.Consensus && command.Consensus is not null)
        {
            throw new ValidationException("consensus", "Consensus is recorded only for a consensus decision.");
        }

        await CloseNowAsync(proposal, command);
        return Details();
    }

    /// <inheritdoc />
    public Task<DecisionDetails> GetAsync()
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

    /// <summary>Closes a written procedure at its deadline; otherwise resumes effects interrupted by a crash.</summary>
    public new async Task ReceiveReminderAsync(string reminderName, DateTimeOffset dueAt)
    {
        if (await Notices.TryReceiveReminderAsync(reminderName))
        {
            return;
        }

        if (reminderName == ClosingSoonReminder)
        {
            if (State is { Status: DecisionStatus.Open, Proposal.ClosesAt: { } closesAt })
            {
                await NotifyAsync(VoteNotice(NotificationKind.VoteClosingSoon, "Vote closing soon", $"Voting on a written procedure closes on {UkTime.Describe(closesAt)} (UK time). If you have not voted yet, vote before then."));
            }

            return;
        }

        if (reminderName == DeadlineReminder)
        {
            if (State is { Status: DecisionStatus.Open, Proposal: { } proposal })
            {
                logger.LogInformation("Written procedure {Decision} closes at its deadline", Key);
                await CloseNowAsync(proposal, new CloseVoting());
            }

            return;
        }

        await base.ReceiveReminderAsync(reminderName, dueAt);
    }

    /// <inheritdoc />
    protected override DecisionEvent EffectApplied(string effectId) => new DecisionEffectApplied(effectId);

    /// <inheritdoc />
    protected override DecisionEvent EffectFailed(OperationFailure failure) => new DecisionEffectFailed(failure);

    /// <inheritdoc />
    protected override DecisionEvent Completed(DateTimeOffset at) => new DecisionEffectsCompleted(at);

    /// <inheritdoc />
    protected override async Task ApplyEffectAsync(DecisionEffect effect)
    {
        var proposal = State.Proposal!;
        switch (effect)
        {
            case SetRecommendationResponse or SetRecommendationOwner or SetRecommendationStatus:
                await GrainFactory.GetGrain<IRecommendationGrain>(RecommendationOf(effect)).ApplyDecisionAsync(Key, effect);
                break;
            case TransferFunctionEffect transfer:
                Finished(await GrainFactory.GetGrain<IOrganisationChangeGrain>(OperationId(effect)).TransferFunctionAsync(new TransferFunction(transfer.Function, transfer.FromId, transfer.ToId, transfer.EffectiveOn)));
                break;
            case MergeOrganisationsEffect merge:
                Finished(await GrainFactory.GetGrain<IOrganisationChangeGrain>(OperationId(effect)).MergeAsync(new MergeOrganisations(merge.SourceIds, merge.TargetId, merge.EffectiveOn)));
                break;
            case CreateActionEffect action:
                await GrainFactory.GetGrain<IActionItemGrain>(ActionId(effect)).CreateFromEffectAsync(effect.EffectId, new CreateAction
                {
                    BoardId = proposal.BoardId,
                    Description = action.Description,
                    Owner = action.Owner,
                    DueOn = action.DueOn,
                    Source = new ActionSource(ActionSourceKind.Decision, Key),
                });
                break;
        }
    }

    /// <summary>
    /// An organisation change counts as applied only once it has completed: one that stopped stops the decision's
    /// effects with its reason; one still retrying is asked again at the decision's next attempt (sending the same
    /// change under the same operation id answers it as it stands, it does not start it again).
    /// </summary>
    private static void Finished(OrganisationChangeDetails operation)
    {
        switch (operation.Status)
        {
            case OrganisationChangeStatus.Completed:
                return;
            case OrganisationChangeStatus.Failed:
                throw new RuleViolationException($"The organisation change '{operation.Id}' stopped: {operation.LastFailure?.Reason}");
            default:
                throw new OrganisationChangePendingException(operation.Id, operation.Progress);
        }
    }

    /// <summary>The id of the action an effect creates: the decision id and the effect's position.</summary>
    public static string ActionId(DecisionEffect effect) => effect.EffectId.Replace('/', '-');

    private static string OperationId(DecisionEffect effect) => $"decision-{ActionId(effect)}";

    private static string RecommendationOf(DecisionEffect effect) => effect switch
    {
        SetRecommendationResponse r => r.RecommendationId,
        SetRecommendationOwner o => o.RecommendationId,
        SetRecommendationStatus s => s.RecommendationId,
        _ => throw new ArgumentOutOfRangeException(nameof(effect)),
    };

    private async Task CloseNowAsync(DecisionProposed proposal, CloseVoting command)
    {
        var (count, lost) = proposal.Ballot == BallotKind.Secret
            ? await CountSecretBallotsAsync()
            : (new VoteCount(
                State.Ballots.Values.Count(b => b.Choice == VoteChoice.For),
                State.Ballots.Values.Count(b => b.Choice == VoteChoice.Against),
                State.Ballots.Values.Count(b => b.Choice == VoteChoice.Abstain)), 0);
        var quorum = await QuorumAtCloseAsync(proposal);
        var outcome = !quorum.Met ? DecisionOutcome.Inquorate : Outcome(proposal.Method, count, command);
        var castingUsed = outcome is DecisionOutcome.TiedCarriedOnCastingVote or DecisionOutcome.TiedLostOnCastingVote ? command.CastingVote : null;
        var closed = new DecisionVotingClosed(count, castingUsed, outcome, quorum.Explanation, lost, Time.GetUtcNow());
        UnregisterReminder(DeadlineReminder);
        UnregisterReminder(ClosingSoonReminder);

        // Recorded in the commit that closes the vote (with the plan of a carried decision's effects).
        RecordNotices(VoteNotice(NotificationKind.VoteOutcome, $"Vote outcome: {Describe(outcome)}", $"Voting has closed on a decision: {Describe(outcome)} ({count.For} for, {count.Against} against, {count.Abstain} abstaining)."));
        if (proposal.Ballot == BallotKind.Secret)
        {
            // Emptied in the commit that stores the counts: the box never outlives its vote, nor goes before it.
            EmptySealedBox();
        }

        if (DecisionState.IsCarried(outcome) && proposal.Effects.Count > 0)
        {
            await RunAsync(closed);
        }
        else
        {
            Raise(closed);
            await ConfirmEventsAsync();
        }

        await Notices.HandOverAsync();
    }

    private static string Describe(DecisionOutcome outcome) => outcome switch
    {
        DecisionOutcome.Carried => "carried",
        DecisionOutcome.NotCarried => "not carried",
        DecisionOutcome.Tied => "tied",
        DecisionOutcome.TiedCarriedOnCastingVote => "carried on the chair's casting vote",
        DecisionOutcome.TiedLostOnCastingVote => "lost on the chair's casting vote",
        DecisionOutcome.Inquorate => "not decided: the vote was not quorate",
        _ => outcome.ToString(),
    };

    private Notice VoteNotice(NotificationKind kind, string subject, string summary) => new()
    {
        Id = NoticeHandOver.IdOf(JournalId, Version + 1, kind),
        Kind = kind,
        BoardId = State.Proposal!.BoardId,
        Audience = NoticeAudience.MembersAndDeputies,
        Subject = subject,
        Summary = summary,
        Link = $"/decisions/{Key}",
        RecordedAt = Time.GetUtcNow(),
    };

    /// <summary>Records notices in this call's next commit, with the reminder that hands them over if this call cannot.</summary>
    private void RecordNotices(params Notice[] notices) => Notices.Record(new DecisionNoticesRecorded(notices));

    /// <summary>Records notices in this change's commit (with the reminder that hands them over if this call cannot), then hands them over.</summary>
    private Task NotifyAsync(params Notice[] notices) => Notices.RecordAndHandOverAsync(new DecisionNoticesRecorded(notices));

    /// <summary>
    /// Counts the sealed box. It must hold one choice for each holder whose roll entry sealed one; otherwise it was
    /// altered outside BoardDesk, and no count is stored. Roll entries from before choices were sealed are lost.
    /// </summary>
    private async Task<(VoteCount Count, int Lost)> CountSecretBallotsAsync()
    {
        var box = await CountSealedAsync();
        var count = new VoteCount(
            box.GetValueOrDefault(nameof(VoteChoice.For)),
            box.GetValueOrDefault(nameof(VoteChoice.Against)),
            box.GetValueOrDefault(nameof(VoteChoice.Abstain)));
        var sealedBallots = box.Values.Sum();
        if (sealedBallots != State.Sealed.Count || count.For + count.Against + count.Abstain != sealedBallots)
        {
            throw new InvalidOperationException($"The sealed ballot box of decision '{Key}' holds {sealedBallots} ballots where the roll has {State.Sealed.Count}: the store was altered, so the vote is not counted.");
        }

        return (count, State.Voted.Count - State.Sealed.Count);
    }

    private static DecisionOutcome Outcome(DecisionMethod method, VoteCount count, CloseVoting command)
    {
        var cast = count.For + count.Against;
        return method switch
        {
            DecisionMethod.Consensus => command.Consensus == true ? DecisionOutcome.Carried : DecisionOutcome.NotCarried,
            DecisionMethod.TwoThirds => cast > 0 && 3 * count.For >= 2 * cast ? DecisionOutcome.Carried : DecisionOutcome.NotCarried,
            DecisionMethod.Unanimity => count.For > 0 && count.Against == 0 ? DecisionOutcome.Carried : DecisionOutcome.NotCarried,
            _ when count.For > count.Against => DecisionOutcome.Carried,
            _ when count.For < count.Against => DecisionOutcome.NotCarried,
            _ => command.CastingVote switch
            {
                VoteChoice.For => DecisionOutcome.TiedCarriedOnCastingVote,
                VoteChoice.Against => DecisionOutcome.TiedLostOnCastingVote,
                _ => DecisionOutcome.Tied,
            },
        };
    }

    private sealed record Electorate(IReadOnlyList<EligibleVoter> Voters, IReadOnlyList<string> Recused, QuorumAssessment Quorum);

    /// <summary>
    /// Who may vote. At a meeting: voting members present in person, or the deputy present for them, less anyone who
    /// declared an interest in the item; the quorum is assessed without those recused. By written procedure: every
    /// voting member and their deputies, and the quorum asks for enough member organisations on the board.
    /// </summary>
    private async Task<Electorate> ElectorateAsync(DecisionProposed proposal, BoardDetails board)
    {
        var voting = board.Members.Where(m => m.Voting).ToList();
        if (proposal.MeetingId is null)
        {
            var everyone = voting
                .SelectMany(m => m.Deputies.Prepend(m.Name).Select(person => new EligibleVoter(person, UnitOf(proposal, m), m.OrganisationId)))
                .ToList();
            var organisations = voting.Select(m => m.OrganisationId).Distinct().ToList();
            var met = organisations.Count >= board.Quorum.MinimumOrganisations;
            return new Electorate(everyone, [], new QuorumAssessment
            {
                Met = met,
                OrganisationsRepresented = organisations,
                OrganisationsRequired = board.Quorum.MinimumOrganisations,
                Explanation = $"{(met ? "Quorate" : "Not quorate")}: written procedure to {organisations.Count} voting member organisations, {board.Quorum.MinimumOrganisations} of which must vote.",
            });
        }

        var meeting = await GrainFactory.GetGrain<IMeetingGrain>($"{proposal.BoardId}/{proposal.MeetingId}").GetAsync();
        if (meeting.Quorum is null)
        {
            throw new RuleViolationException("Record the meeting's attendance before voting opens.");
        }

        // The chair's decision on each declaration decides: only one who may take part keeps their vote.
        var declared = meeting.Declarations.Where(d => d.AgendaItemId == proposal.AgendaItemId && d.Recuses).Select(d => d.Name.Trim()).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var present = meeting.Attendance.Where(a => !declared.Contains(a.Name.Trim())).ToList();
        var voters = new List<EligibleVoter>();
        foreach (var attendee in present)
        {
            var member = attendee.Kind switch
            {
                AttendanceKind.Present => voting.FirstOrDefault(m => Same(m.Name, attendee.Name)),
                // Only a deputy the board appointed stands in: a name written into the attendance does not.
                AttendanceKind.Deputy => voting.FirstOrDefault(m => Same(m.Name, attendee.DeputyFor) && m.Deputies.Any(d => Same(d, attendee.Name))),
                _ => null,
            };
            if (member is not null)
            {
                voters.Add(new EligibleVoter(attendee.Name.Trim(), UnitOf(proposal, member), member.OrganisationId));
            }
        }

        var recused = meeting.Attendance.Select(a => a.Name.Trim()).Where(declared.Contains).ToList();
        return new Electorate(voters, recused, QuorumCalculator.Assess(board.Quorum, board.Members, present));
    }

    private async Task<QuorumAssessment> QuorumAtCloseAsync(DecisionProposed proposal)
    {
        if (proposal.MeetingId is not null)
        {
            var board = await GrainFactory.GetGrain<IBoardGrain>(proposal.BoardId).GetAsync();
            return (await ElectorateAsync(proposal, board)).Quorum;
        }

        var voted = State.Voters.Where(v => State.Voted.Contains(v.Unit)).Select(v => v.OrganisationId).Distinct().ToList();
        var met = proposal.Method == DecisionMethod.Consensus || voted.Count >= State.MinimumOrganisations;
        return new QuorumAssessment
        {
            Met = met,
            OrganisationsRepresented = voted,
            OrganisationsRequired = State.MinimumOrganisations,
            Explanation = $"{(met ? "Quorate" : "Not quorate")}: {voted.Count} member organisations voted of the {State.MinimumOrganisations} required.",
        };
    }

    private static string UnitOf(DecisionProposed proposal, BoardMember member) =>
        proposal.Unit == VotingUnit.Organisation ? member.OrganisationId : member.Name;

    private static bool Same(string a, string? b) => string.Equals(a.Trim(), b?.Trim(), StringComparison.OrdinalIgnoreCase);

    private async Task CheckEffectAsync(DecisionEffect effect, string field)
    {
        switch (effect)
        {
            case SetRecommendationResponse or SetRecommendationOwner or SetRecommendationStatus:
                await MustExistAsync(() => GrainFactory.GetGrain<IRecommendationGrain>(RecommendationOf(effect) ?? "").GetAsync(), field, $"There is no recommendation '{RecommendationOf(effect)}'.");
                if (effect is SetRecommendationOwner owner)
                {
                    await OrganisationMustExistAsync(owner.LeadOwner?.OrganisationId, field);
                }

                break;
            case TransferFunctionEffect transfer:
                await OrganisationMustExistAsync(transfer.FromId, field);
                await OrganisationMustExistAsync(transfer.ToId, field);
                if (string.IsNullOrWhiteSpace(transfer.Function))
                {
                    throw new ValidationException(field, "Name the function that moves.");
                }

                break;
            case MergeOrganisationsEffect merge:
                await OrganisationMustExistAsync(merge.TargetId, field);
                foreach (var source in merge.SourceIds ?? [])
                {
                    await OrganisationMustExistAsync(source, field);
                }

                break;
            case CreateActionEffect action:
                if (string.IsNullOrWhiteSpace(action.Description) || action.Description.Length > ActionItemGrain.MaxTextLength)
                {
                    throw new ValidationException(field, $"An action needs a description of at most {ActionItemGrain.MaxTextLength} characters.");
                }

                if (action.Owner is null || string.IsNullOrWhiteSpace(action.Owner.Person))
                {
                    throw new ValidationException(field, "An action needs an owner: a person and their organisation.");
                }

                await OrganisationMustExistAsync(action.Owner.OrganisationId, field);
                break;
        }
    }

    private Task OrganisationMustExistAsync(string? organisationId, string field) =>
        MustExistAsync(() => GrainFactory.GetGrain<IOrganisationGrain>(organisationId ?? "").GetAsync(), field, $"There is no organisation '{organisationId}'.");

    private static async Task MustExistAsync(Func<Task> get, string field, string message)
    {
        if (!await GrainQueries.ExistsAsync(get))
        {
            throw new ValidationException(field, message);
        }
    }

    private DecisionProposed EnsureExists() => State.Proposal ?? throw new NotFoundException($"There is no decision '{Key}'.");

    private DecisionDetails Details()
    {
        var proposal = State.Proposal!;
        return new DecisionDetails
        {
            Id = Key,
            BoardId = proposal.BoardId,
            MeetingId = proposal.MeetingId,
            AgendaItemId = proposal.AgendaItemId,
            ClosesAt = proposal.ClosesAt,
            Motion = proposal.Motion,
            PaperIds = proposal.PaperIds,
            Method = proposal.Method,
            Ballot = proposal.Ballot,
            Unit = proposal.Unit,
            Status = State.Status,
            EligibleUnits = [.. State.Voters.Select(v => v.Unit).Distinct()],
            Recused = State.Recused,
            QuorumAtOpen = State.QuorumAtOpen,
            QuorumAtClose = State.Closure?.Quorum,
            Ballots = proposal.Ballot == BallotKind.Named ? [.. State.Ballots.Values] : [],
            Voted = [.. State.Voted],
            Count = State.Closure?.Count,
            LostSecretBallots = State.Closure?.LostSecretBallots ?? 0,
            CastingVote = State.Closure?.CastingVote,
            Outcome = State.Closure?.Outcome,
            ClosedAt = State.Closure?.At,
            Effects = proposal.Effects,
            AppliedEffectIds = State.Progress.Applied,
            EffectsCompleted = State.Progress.Completed,
            EffectsProgress = State.Progress.Describe(),
            LastEffectFailure = State.Progress.LastFailure,
            Version = Version,
        };
    }
}

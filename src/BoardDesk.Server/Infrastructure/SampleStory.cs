using System.Text.Json;
using BoardDesk.Actions;
using BoardDesk.Decisions;
using BoardDesk.Grains;
using BoardDesk.Meetings;
using BoardDesk.Organisations;
using BoardDesk.Papers;
using BoardDesk.Recommendations;
using Microsoft.Extensions.Options;

namespace BoardDesk.Server.Infrastructure;

/// <summary>
/// Replays the 2015–16 story of the samples (<see cref="SampleLoad.Story"/>) through the grains as history, each
/// change on its own date and by the sample account that would have made it: the LDIB's meetings of October 2015 to
/// March 2016 with the NILDS paper, attendance, declarations, votes and minutes approved at the next meeting; the
/// paper for information to the NQB; the board's decisions and the actions that follow; the machinery-of-government
/// changes on their effective dates; the Messenger review's delivery plan as actions. The dates the seeds do not
/// give are marked in <c>samples/ldib-2015/README.md</c>.
/// <para>
/// Each step targets fixed ids and first asks whether its change is already there, so a replay interrupted by a
/// crash resumes where it stopped on the next start and never does a step twice; multi-grain changes (decisions'
/// effects, organisation changes) finish through their own operations.
/// </para>
/// </summary>
internal sealed class SampleStory(
    IGrainFactory grains,
    IOptions<BoardDeskOptions> options,
    [FromKeyedServices(BoardDeskClock.Key)] TimeProvider clock,
    ILogger<SampleStory> logger) : IHostedService
{
    private const string Ldib = "ldib";
    private const string Nqb = "nqb";
    private const string NildsPaper = "nilds-ldib-2015-10";
    private const string NildsNqbPaper = "nilds-nqb-2015-11";
    private const string Secretary = "ldib-secretary";
    private const string Chair = "ldib-chair";
    private const string Admin = "admin";

    private const string England = "NHS England representative";
    private const string Tda = "NHS Trust Development Authority representative";
    private const string TdaDeputy = "NHS Trust Development Authority deputy";
    private const string Monitor = "Monitor representative";
    private const string Hee = "Health Education England representative";
    private const string Phe = "Public Health England representative";
    private const string Cqc = "Care Quality Commission representative";
    private const string Dh = "Department of Health representative";

    private readonly List<Step> _steps = [];

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (options.Value.Samples != SampleLoad.Story)
        {
            return;
        }

        if (clock is not ReplayClock replay)
        {
            logger.LogWarning("The domain clock is not the server's own, so the sample story is not replayed: only the base samples are loaded.");
            return;
        }

        var nilds = await NildsAsync(cancellationToken);
        Build(nilds);
        var steps = _steps.OrderBy(s => s.At).ToList();
        if (await DoneAsync(steps[^1]))
        {
            return;
        }

        var run = 0;
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        foreach (var step in steps)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (await DoneAsync(step))
            {
                continue;
            }

            if (options.Value.PauseSamplesAfterSteps is { } pause && run >= pause)
            {
                logger.LogWarning("The sample story stops after {Steps} steps (BoardDesk:PauseSamplesAfterSteps, for crash tests)", run);
                return;
            }

            using (replay.At(step.At))
            using (ActingUser.Begin(step.By))
            {
                await step.Run();
            }

            run++;
        }

        logger.LogInformation(
            "Replayed the 2015-16 sample story as history: {Steps} of {Total} steps, {First} to {Last}, in {Seconds:0.0} s",
            run,
            steps.Count,
            UkTime.DateOf(steps[0].At).ToString("d MMMM yyyy", System.Globalization.CultureInfo.InvariantCulture),
            UkTime.DateOf(steps[^1].At).ToString("d MMMM yyyy", System.Globalization.CultureInfo.InvariantCulture),
            System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalSeconds);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>The steps, by subject; they are replayed in the order of their dates.</summary>
    private void Build(NildsSample nilds)
    {
        // 1 October 2015: strategic clinical networks are renamed clinical networks (Smith 11).
        Operation("sample-rename-clinical-networks", Uk(2015, 10, 1, 9, 45), Admin, o => o.RenameAsync("strategic-clinical-networks", new RenameOrganisation("Clinical networks", new DateOnly(2015, 10, 1))));

        // The LDIB meeting of 23 October 2015 (seed 004), with the NILDS paper for discussion.
        const string october = "2015-10-23";
        Schedule(Ldib, october, Uk(2015, 10, 1, 10, 0), Secretary, new TimeOnly(10, 0), new TimeOnly(12, 30), "Wellington House, 133-155 Waterloo Road, London", null);
        Add(Uk(2015, 10, 7, 14, 0), Secretary, () => Exists(() => Paper(NildsPaper).GetAsync()),
            () => Paper(NildsPaper).CreateAsync(new CreatePaper { BoardId = Ldib, MeetingId = october, Content = nilds.Content }));
        Item(Ldib, october, Uk(2015, 10, 8, 10, 0), new AddAgendaItem
        {
            Title = "National improvement and leadership development strategy (NILDS)",
            Presenter = "Suzie Bailey, Development Director (Monitor)",
            Minutes = 40,
            Purpose = AgendaPurpose.ForDiscussion,
            PaperId = NildsPaper,

            // The paper's sponsor, the body whose programmes the strategy covers and the body to host it: an interest
            // in any of them proposes a conflict on the item.
            Concerns = [Concerning("monitor"), Concerning("nhs-leadership-academy"), Concerning("hee")],
        });
        Item(Ldib, october, Uk(2015, 10, 8, 10, 5), new AddAgendaItem
        {
            Title = "Commissioning of improvement capability programmes (Smith review recommendation 9)",
            Presenter = Monitor,
            Minutes = 20,
            Purpose = AgendaPurpose.ForDecision,
        });
        Item(Ldib, october, Uk(2015, 10, 8, 10, 10), new AddAgendaItem
        {
            Title = "Hosting of the intensive support teams (confidential)",
            Presenter = Tda,
            Minutes = 20,
            Purpose = AgendaPurpose.ForDiscussion,
            Part = AgendaPart.Private,
        });
        PublishAgenda(Ldib, october, Uk(2015, 10, 9, 12, 0));
        PaperFlow(NildsPaper, Uk(2015, 10, 14, 16, 0), Secretary);
        Propose("ldib-2015-10-23-item-6", october, "Commissioning of improvement capability programmes", Uk(2015, 10, 16, 9, 0),
            "That responsibility for commissioning programmes to build improvement capability across the system move to NHS Improvement, rather than to the NHS Leadership Academy as originally proposed (Smith review recommendation 9).",
            [new SetRecommendationOwner { RecommendationId = "smith-2015/9", LeadOwner = new OwnerRef("nhs-improvement"), EffectiveOn = new DateOnly(2015, 11, 1) }]);
        Attendance(Ldib, october, Uk(2015, 10, 23, 10, 0),
            Present(England), Present(Monitor), new Attendee { Name = TdaDeputy, Kind = AttendanceKind.Deputy, DeputyFor = Tda },
            Present(Hee), Absent(Phe), Absent(Cqc), Present(Dh),
            new Attendee { Name = "Suzie Bailey", Kind = AttendanceKind.InAttendance, OrganisationId = "monitor" });
        Declare(Ldib, october, "National improvement and leadership development strategy", Uk(2015, 10, 23, 10, 5), "ldib-hee", Hee,
            "Health Education England is to host the NHS Leadership Academy, whose programmes the strategy covers.", "Took part in the discussion.");
        Manage(Ldib, october, Uk(2015, 10, 23, 10, 6), Hee, DeclarationManagement.MayTakePart, "The item is for discussion; no decision is taken under it.");
        Vote("ldib-2015-10-23-item-6", Uk(2015, 10, 23, 11, 10), (Chair, Monitor, VoteChoice.For), ("ldib-member", England, VoteChoice.For), ("ldib-tda-deputy", TdaDeputy, VoteChoice.For), ("ldib-hee", Hee, VoteChoice.For));
        Held(Ldib, october, Uk(2015, 10, 23, 12, 30));
        Minutes(Ldib, october, Uk(2015, 10, 27, 15, 0), new Dictionary<string, MinuteEntryText>
        {
            ["Welcome and apologies"] = new("The Chair welcomed members to the Board's first meeting. Apologies were received from Public Health England and the Care Quality Commission; the NHS Trust Development Authority was represented by its deputy."),
            ["Declarations of interest"] = new("The Health Education England representative declared an interest in item 5: Health Education England is to host the NHS Leadership Academy. They took part in the discussion."),
            ["National improvement and leadership development strategy"] = new(
                "Suzie Bailey presented the paper. The Board discussed the proposal for a single national strategy for improvement and leadership development, aligned with the national quality strategy.",
                ["The Board agreed that a single national strategy for improvement and leadership development be developed, aligned with the national quality strategy."],
                [new ActionAgreed { Description = "Bring an outline of the strategy to the next meeting.", Owner = "LDIB programme lead (Monitor)", DueOn = new DateOnly(2015, 11, 20) }]),
            ["Commissioning of improvement capability"] = new(
                "The Board considered recommendation 9 of the Smith review in the light of the government's response.",
                ["Carried: responsibility for commissioning programmes to build improvement capability across the system moves to NHS Improvement from 1 November 2015, rather than to the NHS Leadership Academy as originally proposed."]),
            ["Hosting of the intensive support teams"] = new("The Board discussed where the intensive support teams are best hosted once NHS Improving Quality ceases (Smith review recommendation 4)."),
        });
        Action("ldib-2015-10-23-outline", Ldib, Uk(2015, 10, 27, 15, 30), Secretary, "Bring an outline of the national improvement and leadership development strategy to the next meeting.",
            new ActionOwner("ldib-lead", "monitor"), new DateOnly(2015, 11, 20), new ActionSource(ActionSourceKind.MinuteItem, "2015-10-23#5"));

        // The same paper for information to the National Quality Board (seed 004).
        const string nqbMeeting = "2015-11-26";
        Schedule(Nqb, nqbMeeting, Uk(2015, 11, 2, 10, 0), "nqb-secretariat", new TimeOnly(10, 0), new TimeOnly(13, 0), "Skipton House, 80 London Road, London", null);
        Add(Uk(2015, 11, 2, 10, 30), "nqb-secretariat", () => Exists(() => Paper(NildsNqbPaper).GetAsync()),
            () => Paper(NildsNqbPaper).ReuseAsync(new ReusePaper { SourcePaperId = NildsPaper, BoardId = Nqb, MeetingId = nqbMeeting, Purpose = AgendaPurpose.ForInformation, Summary = nilds.NqbSummary }));
        Item(Nqb, nqbMeeting, Uk(2015, 11, 2, 11, 0), new AddAgendaItem
        {
            Title = "National improvement and leadership development strategy (for information)",
            Presenter = Monitor,
            Minutes = 15,
            Purpose = AgendaPurpose.ForInformation,
            PaperId = NildsNqbPaper,
        }, "nqb-secretariat");
        PublishAgenda(Nqb, nqbMeeting, Uk(2015, 11, 12, 12, 0), "nqb-secretariat");
        PaperFlow(NildsNqbPaper, Uk(2015, 11, 13, 10, 0), "nqb-secretariat");
        Attendance(Nqb, nqbMeeting, Uk(2015, 11, 26, 10, 0), Present(England), Present(Tda), Present(Monitor), Present(Hee), Present(Phe), Present(Cqc), Present(Dh));
        Held(Nqb, nqbMeeting, Uk(2015, 11, 26, 13, 0), "nqb-secretariat");
        Minutes(Nqb, nqbMeeting, Uk(2015, 11, 30, 15, 0), new Dictionary<string, MinuteEntryText>
        {
            ["Welcome and apologies"] = new("The Chair welcomed members. All member organisations were represented."),
            ["National improvement and leadership development strategy"] = new("The Board noted the plans for the national improvement and leadership development strategy, discussed by the national Leadership Development and Improvement Board on 23 October 2015, and that the work is aligned with the national quality strategy."),
        }, "nqb-secretariat");

        // Progress on the outline, then the meeting of 20 November 2015: talent management to NHS Improvement (Smith 13).
        UpdateAction("ldib-2015-10-23-outline", Uk(2015, 11, 10, 17, 0), "ldib-lead", "Outline drafted with colleagues from the NHS Trust Development Authority and Health Education England; on the agenda of 20 November.", ActionStatus.ProposedForClosure);
        const string november = "2015-11-20";
        Schedule(Ldib, november, Uk(2015, 11, 2, 9, 0), Secretary, new TimeOnly(10, 0), new TimeOnly(12, 0), null, "https://meet.example.org/ldib");
        Item(Ldib, november, Uk(2015, 11, 11, 10, 0), new AddAgendaItem
        {
            Title = "Talent management (Smith review recommendation 13)",
            Presenter = Tda,
            Minutes = 30,
            Purpose = AgendaPurpose.ForDecision,
        });
        Item(Ldib, november, Uk(2015, 11, 11, 10, 5), new AddAgendaItem
        {
            Title = "Outline of the national improvement and leadership development strategy",
            Presenter = "Suzie Bailey, Development Director (Monitor)",
            Minutes = 30,
            Purpose = AgendaPurpose.ForDiscussion,
        });
        PublishAgenda(Ldib, november, Uk(2015, 11, 12, 12, 0));
        Propose("ldib-2015-11-20-item-5", november, "Talent management", Uk(2015, 11, 13, 9, 0),
            "That responsibility for talent management move from the NHS Leadership Academy to NHS Improvement on 1 April 2016, the formal responsibility of the new jointly-led Monitor and NHS Trust Development Authority, and that NHS Improvement establish a succession plan for the top 200 leaders (Smith review recommendation 13).",
            [
                new TransferFunctionEffect { Function = "Talent management", FromId = "nhs-leadership-academy", ToId = "nhs-improvement", EffectiveOn = new DateOnly(2016, 4, 1) },
                new SetRecommendationOwner { RecommendationId = "smith-2015/13", LeadOwner = new OwnerRef("nhs-improvement"), EffectiveOn = new DateOnly(2016, 4, 1) },
                new CreateActionEffect { Description = "NHS Improvement to establish succession plan for top 200 leaders.", Owner = new ActionOwner("ldib-lead", "nhs-improvement"), DueOn = new DateOnly(2016, 9, 30) },
            ]);
        Attendance(Ldib, november, Uk(2015, 11, 20, 10, 0), Present(England), Present(Tda), Present(Monitor), Present(Hee), Present(Phe), Present(Cqc), Present(Dh));
        ApprovePrevious(Ldib, november, Uk(2015, 11, 20, 10, 5));
        Vote("ldib-2015-11-20-item-5", Uk(2015, 11, 20, 10, 40),
            (Chair, Monitor, VoteChoice.For), ("ldib-member", England, VoteChoice.For), ("ldib-tda", Tda, VoteChoice.For),
            ("ldib-hee", Hee, VoteChoice.For), ("ldib-phe", Phe, VoteChoice.For), ("ldib-cqc", Cqc, VoteChoice.Abstain));
        Held(Ldib, november, Uk(2015, 11, 20, 12, 0));
        CloseAction("ldib-2015-10-23-outline", november, Uk(2015, 11, 20, 12, 5));
        Minutes(Ldib, november, Uk(2015, 11, 24, 15, 0), new Dictionary<string, MinuteEntryText>
        {
            ["Welcome and apologies"] = new("The Chair welcomed members. All member organisations were represented."),
            ["Minutes of the last meeting"] = new("The minutes of the meeting of 23 October 2015 were approved."),
            ["Matters arising"] = new("The outline of the strategy was brought to this meeting (item 6); the action is closed."),
            ["Talent management"] = new(
                "The Board considered recommendation 13 of the Smith review and the government's decision that talent management become a formal responsibility of NHS Improvement.",
                ["Carried: responsibility for talent management moves from the NHS Leadership Academy to NHS Improvement on 1 April 2016; NHS Improvement is to establish a succession plan for the top 200 leaders."]),
            ["Outline of the national improvement"] = new("The Board discussed the outline and asked for the draft strategy in spring 2016."),
        });

        // The meeting of 11 December 2015: the NHS Leadership Academy to Health Education England (Smith 12, Rose).
        const string december = "2015-12-11";
        Schedule(Ldib, december, Uk(2015, 11, 25, 9, 0), Secretary, new TimeOnly(10, 0), new TimeOnly(12, 0), "Wellington House, 133-155 Waterloo Road, London", null);
        Item(Ldib, december, Uk(2015, 12, 1, 10, 0), new AddAgendaItem
        {
            Title = "NHS Leadership Academy: transfer to Health Education England (Smith review recommendation 12; Rose review)",
            Presenter = England,
            Minutes = 30,
            Purpose = AgendaPurpose.ForDecision,
        });
        PublishAgenda(Ldib, december, Uk(2015, 12, 2, 12, 0));
        Propose("ldib-2015-12-11-item-5", december, "NHS Leadership Academy: transfer", Uk(2015, 12, 3, 9, 0),
            "That the Board support the transfer of the NHS Leadership Academy from NHS England to Health Education England on 1 April 2016, as the government has announced (Smith review recommendation 12; Rose review), and that NHS England agree the transition plan with Health Education England.",
            [new CreateActionEffect { Description = "Agree the transition plan for the NHS Leadership Academy's move to Health Education England.", Owner = new ActionOwner("england-lead", "nhs-england"), DueOn = new DateOnly(2016, 3, 18) }]);
        Attendance(Ldib, december, Uk(2015, 12, 11, 10, 0), Present(England), Present(Tda), Present(Monitor), Present(Hee), Present(Phe), Present(Cqc), Absent(Dh));
        Declare(Ldib, december, "NHS Leadership Academy: transfer", Uk(2015, 12, 11, 10, 3), "ldib-hee", Hee,
            "Health Education England would host the NHS Leadership Academy.", "Did not vote on the item.");
        Manage(Ldib, december, Uk(2015, 12, 11, 10, 4), Hee, DeclarationManagement.TakesNoPartInTheVote);
        ApprovePrevious(Ldib, december, Uk(2015, 12, 11, 10, 5));
        Vote("ldib-2015-12-11-item-5", Uk(2015, 12, 11, 10, 45),
            (Chair, Monitor, VoteChoice.For), ("ldib-member", England, VoteChoice.For), ("ldib-tda", Tda, VoteChoice.For), ("ldib-phe", Phe, VoteChoice.For), ("ldib-cqc", Cqc, VoteChoice.For));
        Held(Ldib, december, Uk(2015, 12, 11, 12, 0));
        Minutes(Ldib, december, Uk(2015, 12, 15, 15, 0), new Dictionary<string, MinuteEntryText>
        {
            ["Welcome and apologies"] = new("The Chair welcomed members. Apologies were received from the Department of Health."),
            ["Declarations of interest"] = new("The Health Education England representative declared an interest in item 5 and did not vote on it."),
            ["Minutes of the last meeting"] = new("The minutes of the meeting of 20 November 2015 were approved."),
            ["NHS Leadership Academy: transfer"] = new(
                "The Board discussed the government's decision to move the NHS Leadership Academy from NHS England to Health Education England, set out in Lord Rose's review.",
                ["Carried: the Board supports the transfer of the NHS Leadership Academy to Health Education England on 1 April 2016; NHS England is to agree the transition plan with Health Education England."]),
        });

        // Progress in the new year, and the meeting of 18 March 2016.
        UpdateAction("ldib-2015-11-20-item-5-3", Uk(2016, 2, 15, 16, 0), "ldib-lead", "Scope agreed with the NHS Trust Development Authority's and Monitor's HR directors; the top 200 roles identified.", ActionStatus.InProgress);
        UpdateAction("ldib-2015-12-11-item-5-1", Uk(2016, 3, 1, 16, 0), "england-lead", "Transition plan agreed by NHS England and Health Education England; staff transfer on 1 April 2016.", ActionStatus.ProposedForClosure);
        const string march = "2016-03-18";
        Schedule(Ldib, march, Uk(2016, 3, 1, 9, 0), Secretary, new TimeOnly(10, 0), new TimeOnly(12, 0), "Wellington House, 133-155 Waterloo Road, London", null);
        Item(Ldib, march, Uk(2016, 3, 8, 10, 0), new AddAgendaItem
        {
            Title = "NHS Improving Quality: closure and the new homes of its teams (Smith review recommendations 4 and 6)",
            Presenter = Tda,
            Minutes = 20,
            Purpose = AgendaPurpose.ForInformation,
        });
        PublishAgenda(Ldib, march, Uk(2016, 3, 9, 12, 0));
        Attendance(Ldib, march, Uk(2016, 3, 18, 10, 0), Present(England), Present(Tda), Present(Monitor), Present(Hee), Absent(Phe), Present(Cqc), Present(Dh));
        ApprovePrevious(Ldib, march, Uk(2016, 3, 18, 10, 5));
        Held(Ldib, march, Uk(2016, 3, 18, 12, 0));
        CloseAction("ldib-2015-12-11-item-5-1", march, Uk(2016, 3, 18, 12, 5));
        Minutes(Ldib, march, Uk(2016, 3, 22, 15, 0), new Dictionary<string, MinuteEntryText>
        {
            ["Welcome and apologies"] = new("The Chair welcomed members. Apologies were received from Public Health England."),
            ["Minutes of the last meeting"] = new("The minutes of the meeting of 11 December 2015 were approved."),
            ["Matters arising"] = new("The transition plan for the NHS Leadership Academy is agreed; the action is closed."),
            ["NHS Improving Quality"] = new("The Board noted that NHS Improving Quality ceases on 31 March 2016: the intensive support teams move to NHS Improvement and NHS Interim Management and Support to NHS England."),
        });

        // The machinery-of-government changes on their effective dates (seed 000).
        Operation("sample-cease-nhs-iq", Uk(2016, 3, 31, 17, 0), Admin, o => o.CeaseAsync(new CeaseOrganisation("nhs-iq", new DateOnly(2016, 3, 31),
            [new FunctionSuccessor("Intensive support teams", "nhs-improvement"), new FunctionSuccessor("NHS Interim Management and Support", "nhs-england")], "nhs-improvement")));
        Operation("sample-merge-nhs-improvement", Uk(2016, 4, 1, 9, 0), Admin, o => o.MergeAsync(new MergeOrganisations(["monitor", "nhs-tda"], "nhs-improvement", new DateOnly(2016, 4, 1))));
        Operation("sample-transfer-leadership-academy", Uk(2016, 4, 1, 9, 30), Admin, o => o.TransferFunctionAsync(new TransferFunction("NHS Leadership Academy", "nhs-england", "hee", new DateOnly(2016, 4, 1))));

        UpdateAction("ldib-2015-11-20-item-5-3", Uk(2016, 6, 30, 16, 0), "ldib-lead", "Succession plan for the top 200 leaders drafted by NHS Improvement; to the Board in the autumn.", ActionStatus.InProgress);
        Progress("smith-2015/1", Uk(2016, 12, 15, 12, 0), Secretary, new RecordProgress(new DateOnly(2016, 12, 15),
            "Developing People - Improving Care, the national framework for improvement and leadership development, published by the national organisations.", ImplementationStatus.Complete, RagRating.Green, 100));

        // The Messenger review's delivery plan (seed 003), as actions of the NQB on the recommendations of 2022.
        var plan = new (int Number, string Action, DateOnly Due)[]
        {
            (1, "Design the national entry-level induction and the mid-career programme for managers across health and social care.", new DateOnly(2023, 3, 31)),
            (2, "Set the equal opportunity and fairness standards, and agree with CQC how its assessments look at EDI outcomes.", new DateOnly(2023, 3, 31)),
            (3, "Publish the unified core leadership and management standards for NHS managers, with the curriculum to meet them.", new DateOnly(2023, 9, 30)),
            (4, "Design the simplified, standard NHS appraisal system.", new DateOnly(2023, 9, 30)),
            (5, "Set up the career and talent management function for managers at regional level.", new DateOnly(2024, 3, 31)),
            (6, "Expand the Non-Executive Talent and Appointments team.", new DateOnly(2023, 3, 31)),
            (7, "Put in place the package of support and incentives for leaders taking on roles in challenged parts of the system.", new DateOnly(2024, 3, 31)),
        };
        foreach (var (number, description, due) in plan)
        {
            Action($"nqb-messenger-2022-{number}", Nqb, Uk(2022, 7, 1, 10, number), "nqb-secretariat", description,
                new ActionOwner("england-lead", "nhs-england"), due, new ActionSource(ActionSourceKind.Recommendation, $"messenger-2022/{number}"));
        }

        UpdateAction("nqb-messenger-2022-1", Uk(2022, 12, 1, 16, 0), "england-lead", "Induction designed with social care employers; the mid-career programme is being procured.", ActionStatus.InProgress);
        UpdateAction("nqb-messenger-2022-6", Uk(2023, 2, 1, 16, 0), "england-lead", "The Non-Executive Talent and Appointments team is recruiting.", ActionStatus.InProgress);
    }

    private void Schedule(string board, string meeting, DateTimeOffset at, string by, TimeOnly starts, TimeOnly ends, string? location, string? link) =>
        Add(at, by, () => Exists(() => Meeting(board, meeting).GetAsync()),
            () => Meeting(board, meeting).ScheduleAsync(new ScheduleMeeting { StartsAt = starts, EndsAt = ends, Location = location, Link = link }));

    private void Item(string board, string meeting, DateTimeOffset at, AddAgendaItem item, string by = Secretary) =>
        Add(at, by, async () => (await Meeting(board, meeting).GetAsync()).Agenda.Any(i => i.Title == item.Title),
            () => Meeting(board, meeting).AddAgendaItemAsync(item));

    private void PublishAgenda(string board, string meeting, DateTimeOffset at, string by = Secretary) =>
        Add(at, by, async () => (await Meeting(board, meeting).GetAsync()).Status != MeetingStatus.Planned,
            () => Meeting(board, meeting).PublishAgendaAsync());

    private void Attendance(string board, string meeting, DateTimeOffset at, params Attendee[] attendees) =>
        Add(at, board == Nqb ? "nqb-secretariat" : Secretary, async () => (await Meeting(board, meeting).GetAsync()).Quorum is not null,
            () => Meeting(board, meeting).RecordAttendanceAsync(new RecordAttendance { Attendees = attendees }));

    private void Declare(string board, string meeting, string itemTitle, DateTimeOffset at, string by, string name, string interest, string action) =>
        Add(at, by, async () => (await Meeting(board, meeting).GetAsync()).Declarations.Any(d => d.Name == name && d.Interest == interest),
            async () => await Meeting(board, meeting).DeclareInterestAsync(new DeclareInterest
            {
                AgendaItemId = await ItemIdAsync(board, meeting, itemTitle),
                Name = name,
                Interest = interest,
                Action = action,
            }));

    /// <summary>The chair's decision on how the declaration <paramref name="name"/> made at <paramref name="meeting"/> is managed.</summary>
    private void Manage(string board, string meeting, DateTimeOffset at, string name, DeclarationManagement management, string note = "") =>
        Add(at, Chair, async () => (await Meeting(board, meeting).GetAsync()).Declarations.Any(d => d.Name == name && d.Management is not null),
            async () => await Meeting(board, meeting).ManageDeclarationAsync(new ManageDeclaration
            {
                DeclarationId = (await Meeting(board, meeting).GetAsync()).Declarations.Single(d => d.Name == name).Id,
                Management = management,
                Note = note,
            }));

    private void Held(string board, string meeting, DateTimeOffset at, string by = Secretary) =>
        Add(at, by, async () => (await Meeting(board, meeting).GetAsync()).Status is MeetingStatus.Held or MeetingStatus.MinutesDrafted or MeetingStatus.MinutesApproved,
            () => Meeting(board, meeting).MarkHeldAsync());

    private void ApprovePrevious(string board, string meeting, DateTimeOffset at) =>
        Add(at, Chair, async () => (await Meeting(board, meeting).GetAsync()).ApprovedMinutesOfMeetingId is not null,
            () => Meeting(board, meeting).ApprovePreviousMinutesAsync());

    /// <summary>Minutes every agenda item whose title starts with a key of <paramref name="minutes"/>.</summary>
    private void Minutes(string board, string meeting, DateTimeOffset at, IReadOnlyDictionary<string, MinuteEntryText> minutes, string by = Secretary) =>
        Add(at, by, async () => (await Meeting(board, meeting).GetAsync()).Minutes is not null,
            async () =>
            {
                var agenda = (await Meeting(board, meeting).GetAsync()).Agenda;
                var entries = new List<MinuteEntry>();
                foreach (var (title, text) in minutes)
                {
                    var item = agenda.Single(i => i.Title.StartsWith(title, StringComparison.Ordinal));
                    entries.Add(new MinuteEntry { AgendaItemId = item.Id, Discussion = text.Discussion, Decisions = text.Decisions ?? [], Actions = text.Actions ?? [] });
                }

                await Meeting(board, meeting).DraftMinutesAsync(new DraftMinutes { Items = entries });
            });

    /// <summary>A paper submitted on <paramref name="at"/>, approved and published the next morning.</summary>
    private void PaperFlow(string paperId, DateTimeOffset at, string by)
    {
        Add(at, by, async () => (await Paper(paperId).GetAsync()).Status != PaperStatus.Draft, () => Paper(paperId).SubmitAsync());
        var approved = UkTime.At(UkTime.DateOf(at).AddDays(1), new TimeOnly(10, 0));
        Add(approved, by, async () => (await Paper(paperId).GetAsync()).Status is PaperStatus.ApprovedForCirculation or PaperStatus.Published, () => Paper(paperId).ApproveForCirculationAsync());
        Add(approved.AddMinutes(5), by, async () => (await Paper(paperId).GetAsync()).Status == PaperStatus.Published, () => Paper(paperId).PublishAsync());
    }

    private void Propose(string decisionId, string meeting, string itemTitle, DateTimeOffset at, string motion, IReadOnlyList<DecisionEffect> effects) =>
        Add(at, Secretary, () => Exists(() => Decision(decisionId).GetAsync()),
            async () => await Decision(decisionId).ProposeAsync(Ldib, new ProposeDecision
            {
                DecisionId = decisionId,
                MeetingId = meeting,
                AgendaItemId = await ItemIdAsync(Ldib, meeting, itemTitle),
                Motion = motion,
                Method = DecisionMethod.SimpleMajority,
                Ballot = BallotKind.Named,
                Unit = VotingUnit.Representative,
                Effects = effects,
            }));

    /// <summary>The chair opens the vote, each voter casts a named ballot as the person their account is on the board, and the chair closes it.</summary>
    private void Vote(string decisionId, DateTimeOffset opens, params (string Account, string Voter, VoteChoice Choice)[] ballots)
    {
        Add(opens, Chair, async () => (await Decision(decisionId).GetAsync()).Status != DecisionStatus.Proposed, () => Decision(decisionId).OpenAsync());
        var at = opens;
        foreach (var (account, voter, choice) in ballots)
        {
            at = at.AddMinutes(1);
            Add(at, account, async () => (await Decision(decisionId).GetAsync()) is var d && (d.Status == DecisionStatus.Closed || d.Ballots.Any(b => b.CastBy == voter)),
                () => Decision(decisionId).CastBallotAsync(new CastBallot(voter, choice)));
        }

        Add(at.AddMinutes(5), Chair, async () => (await Decision(decisionId).GetAsync()).Status == DecisionStatus.Closed, () => Decision(decisionId).CloseAsync(new CloseVoting()));
    }

    private void Action(string actionId, string board, DateTimeOffset at, string by, string description, ActionOwner owner, DateOnly due, ActionSource source) =>
        Add(at, by, () => Exists(() => ActionItem(actionId).GetAsync()),
            () => ActionItem(actionId).CreateAsync(new CreateAction { BoardId = board, Description = description, Owner = owner, DueOn = due, Source = source }));

    private void UpdateAction(string actionId, DateTimeOffset at, string by, string note, ActionStatus status) =>
        Add(at, by, async () => (await ActionItem(actionId).GetAsync()).Notes.Any(n => n.Text == note),
            () => ActionItem(actionId).UpdateAsync(new UpdateAction(note, UkTime.DateOf(at), status)));

    private void CloseAction(string actionId, string meeting, DateTimeOffset at) =>
        Add(at, Secretary, async () => (await ActionItem(actionId).GetAsync()).Status == ActionStatus.Closed,
            () => ActionItem(actionId).CloseAsync(new CloseAction(meeting)));

    private void Progress(string recommendationId, DateTimeOffset at, string by, RecordProgress progress) =>
        Add(at, by, async () => (await grains.GetGrain<IRecommendationGrain>(recommendationId).GetAsync()).ProgressUpdates.Any(u => u.Note == progress.Note),
            () => grains.GetGrain<IRecommendationGrain>(recommendationId).RecordProgressAsync(progress));

    /// <summary>An organisation change under a fixed operation id: sent again after a crash, it answers as it stands and resumes.</summary>
    private void Operation(string operationId, DateTimeOffset at, string by, Func<IOrganisationChangeGrain, Task<OrganisationChangeDetails>> change) =>
        Add(at, by,
            async () => await Find(() => grains.GetGrain<IOrganisationChangeGrain>(operationId).GetAsync()) is { Status: OrganisationChangeStatus.Completed },
            async () =>
            {
                var done = await change(grains.GetGrain<IOrganisationChangeGrain>(operationId));
                if (done.Status != OrganisationChangeStatus.Completed)
                {
                    logger.LogWarning("The sample change {Operation} is {Status}: {Progress}", operationId, done.Status, done.Progress);
                }
            });

    /// <summary>Whether a step's change is there already; what it changes not existing yet means it is not.</summary>
    private static async Task<bool> DoneAsync(Step step)
    {
        try
        {
            return await step.Done();
        }
        catch (NotFoundException)
        {
            return false;
        }
    }

    private void Add(DateTimeOffset at, string by, Func<Task<bool>> done, Func<Task> run) => _steps.Add(new Step(at, by, done, run));

    private async Task<int> ItemIdAsync(string board, string meeting, string title) =>
        (await Meeting(board, meeting).GetAsync()).Agenda.Single(i => i.Title.StartsWith(title, StringComparison.Ordinal)).Id;

    private IMeetingGrain Meeting(string board, string meeting) => grains.GetGrain<IMeetingGrain>($"{board}/{meeting}");

    private IPaperGrain Paper(string paperId) => grains.GetGrain<IPaperGrain>(paperId);

    private IDecisionGrain Decision(string decisionId) => grains.GetGrain<IDecisionGrain>(decisionId);

    private IActionItemGrain ActionItem(string actionId) => grains.GetGrain<IActionItemGrain>(actionId);

    private static ItemConcern Concerning(string organisationId) => new() { Kind = ConcernKind.Organisation, Id = organisationId };

    private static Attendee Present(string name) => new() { Name = name, Kind = AttendanceKind.Present };

    private static Attendee Absent(string name) => new() { Name = name, Kind = AttendanceKind.Apologies };

    private static DateTimeOffset Uk(int year, int month, int day, int hour, int minute) => UkTime.At(new DateOnly(year, month, day), new TimeOnly(hour, minute));

    private static Task<bool> Exists(Func<Task> get) => GrainQueries.ExistsAsync(get);

    private static async Task<T?> Find<T>(Func<Task<T>> get)
        where T : class
    {
        try
        {
            return await get();
        }
        catch (NotFoundException)
        {
            return null;
        }
    }

    private static async Task<NildsSample> NildsAsync(CancellationToken cancellationToken)
    {
        await using var file = File.OpenRead(Path.Combine(SampleData.Folder, "nilds-paper.json"));
        var sample = await JsonSerializer.DeserializeAsync<NildsFile>(file, BoardDesk.Persistence.JournalJson.Options, cancellationToken)
            ?? throw new InvalidDataException("The sample file nilds-paper.json is empty.");
        return new NildsSample(
            new PaperContent
            {
                Title = sample.Title,
                Purpose = sample.Purpose,
                Author = sample.Author,
                AuthorTitle = sample.AuthorTitle,
                SponsoringOrganisationId = sample.SponsoringOrganisationId,
                Date = sample.Date,
                Summary = sample.Summary,
                Body = await File.ReadAllTextAsync(Path.Combine(SampleData.Folder, sample.BodyFile), cancellationToken),
                Recommendations = sample.Recommendations,
                References = sample.References,
            },
            sample.NqbSummary);
    }

    private sealed record Step(DateTimeOffset At, string By, Func<Task<bool>> Done, Func<Task> Run);

    private sealed record MinuteEntryText(string Discussion, IReadOnlyList<string>? Decisions = null, IReadOnlyList<ActionAgreed>? Actions = null);

    private sealed record NildsSample(PaperContent Content, string NqbSummary);

    private sealed record NildsFile(
        string Title,
        AgendaPurpose Purpose,
        string Author,
        string AuthorTitle,
        string SponsoringOrganisationId,
        DateOnly Date,
        string Summary,
        string NqbSummary,
        string BodyFile,
        IReadOnlyList<string> Recommendations,
        IReadOnlyList<string> References);
}

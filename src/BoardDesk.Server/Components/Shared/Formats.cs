using System.Globalization;
using Humanizer;
using BoardDesk.Actions;
using BoardDesk.Decisions;
using BoardDesk.Meetings;
using BoardDesk.Organisations;
using BoardDesk.Papers;
using BoardDesk.Recommendations;

namespace BoardDesk.Server.Components.Shared;

/// <summary>How pages write dates, statuses, purposes and decisions for people.</summary>
public static partial class Formats
{
    /// <summary>British English, for dates.</summary>
    public static CultureInfo English { get; } = CultureInfo.GetCultureInfo("en-GB");

    /// <summary>A date as "23 October 2015".</summary>
    public static string Date(DateOnly date) => date.ToString("d MMMM yyyy", English);

    /// <summary>A time of change in the board's time zone (Europe/London) as "23 October 2015 at 14:05".</summary>
    public static string Moment(DateTimeOffset moment) => TimeZoneInfo.ConvertTime(moment, UkTime.Zone).ToString("d MMMM yyyy 'at' HH:mm", English);

    /// <summary>A time of day as "14:05".</summary>
    public static string Time(TimeOnly time) => time.ToString("HH:mm", English);

    /// <summary>
    /// When something is due, in one line that cannot contradict itself: "Due today", "Due 5 December 2015 (in 4
    /// days)", "Overdue: due 1 December 2015 (3 days ago)".
    /// </summary>
    public static string Due(DateOnly dueOn, DateOnly today)
    {
        var days = dueOn.DayNumber - today.DayNumber;
        return days switch
        {
            0 => "Due today",
            1 => $"Due tomorrow, {Date(dueOn)}",
            > 1 => $"Due {Date(dueOn)} (in {"day".ToQuantity(days)})",
            _ => $"Overdue: due {Date(dueOn)} ({"day".ToQuantity(-days)} ago)",
        };
    }

    /// <summary>A count of things in words: "1 change", "3 changes", "no changes".</summary>
    public static string Count(int count, string thing) => count == 0 ? $"no {thing.Pluralize()}" : thing.ToQuantity(count);

    /// <summary>
    /// A meeting as people name it: its date ("23 October 2015"), with its start time when the board meets twice
    /// that day ("11 December 2015, 14:00").
    /// </summary>
    public static string MeetingName(MeetingDetails meeting, IEnumerable<MeetingDetails> boardMeetings) =>
        boardMeetings.Count(m => m.BoardId == meeting.BoardId && m.Date == meeting.Date) > 1 ? $"{Date(meeting.Date)}, {Time(meeting.StartsAt)}" : Date(meeting.Date);

    /// <summary>
    /// A meeting id in words: <c>2015-10-23</c> as "23 October 2015", <c>2015-10-23-2</c> as "23 October 2015 (second
    /// meeting)"; anything else as it is.
    /// </summary>
    public static string MeetingDate(string? meetingId)
    {
        if (MeetingIds.DateOf(meetingId) is not { } date)
        {
            return meetingId ?? "";
        }

        var suffix = meetingId!.Length > 10 ? meetingId[11..] : "";
        return suffix.Length == 0 ? Date(date)
            : int.TryParse(suffix, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? $"{Date(date)} ({n.ToOrdinalWords()} meeting)"
            : $"{Date(date)} ({suffix})";
    }

    /// <summary>Text to go inside a sentence: without the full stop it may end with, which the sentence supplies.</summary>
    public static string Clause(string text) => text.TrimEnd().TrimEnd('.').TrimEnd();

    /// <summary>The start of a long text, cut at a word, for titles and lists.</summary>
    public static string Excerpt(string text, int length)
    {
        var flat = string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        if (flat.Length <= length)
        {
            return flat;
        }

        var cut = flat.LastIndexOf(' ', length);
        return $"{flat[..(cut > 0 ? cut : length)]}…";
    }

    /// <summary>A meeting's status in words.</summary>
    public static string Status(MeetingStatus status) => status switch
    {
        MeetingStatus.Planned => "Planned",
        MeetingStatus.AgendaPublished => "Agenda published",
        MeetingStatus.Held => "Held",
        MeetingStatus.MinutesDrafted => "Minutes drafted",
        MeetingStatus.MinutesApproved => "Minutes approved",
        _ => "Cancelled",
    };

    /// <summary>A paper's status in words.</summary>
    public static string Status(PaperStatus status) => status switch
    {
        PaperStatus.Draft => "Draft",
        PaperStatus.Submitted => "Submitted",
        PaperStatus.ApprovedForCirculation => "Approved for circulation",
        PaperStatus.Published => "Published",
        _ => "Withdrawn",
    };

    /// <summary>An agenda purpose in words.</summary>
    public static string Purpose(AgendaPurpose purpose) => purpose switch
    {
        AgendaPurpose.ForDecision => "For decision",
        AgendaPurpose.ForDiscussion => "For discussion",
        AgendaPurpose.ForInformation => "For information",
        _ => "For assurance",
    };

    /// <summary>An organisation's kind in words.</summary>
    public static string Kind(OrganisationKind kind) => kind switch
    {
        OrganisationKind.Department => "Government department",
        OrganisationKind.NationalBody => "National body",
        OrganisationKind.ArmsLengthBody => "Arm's length body",
        OrganisationKind.Network => "Network",
        OrganisationKind.Programme => "Programme",
        _ => "Function",
    };

    /// <summary>An organisation's status in words.</summary>
    public static string Status(OrganisationStatus status) => status switch
    {
        OrganisationStatus.Active => "Active",
        OrganisationStatus.Renamed => "Renamed",
        OrganisationStatus.Merged => "Merged",
        _ => "Ceased",
    };

    /// <summary>How someone attended a meeting, in words.</summary>
    public static string Attendance(AttendanceKind kind) => kind switch
    {
        AttendanceKind.Present => "Present",
        AttendanceKind.Apologies => "Apologies",
        AttendanceKind.Deputy => "Deputy",
        _ => "In attendance",
    };

    /// <summary>A journal's change name in words: "PaperSubmitted" as "Paper submitted".</summary>
    public static string Change(string change) => change.Humanize(LetterCasing.Sentence);

    /// <summary>A decision's status in words.</summary>
    public static string Status(DecisionStatus status) => status switch
    {
        DecisionStatus.Proposed => "Proposed: voting has not opened",
        DecisionStatus.Open => "Voting is open",
        _ => "Voting has closed",
    };

    /// <summary>How a decision's outcome is reached, in words.</summary>
    public static string Method(DecisionMethod method) => method switch
    {
        DecisionMethod.SimpleMajority => "Simple majority: more votes for than against (abstentions do not count)",
        DecisionMethod.TwoThirds => "Two thirds of the votes cast are for",
        DecisionMethod.Unanimity => "Unanimous: no vote against, at least one for",
        _ => "Consensus: no ballots; the chair records whether the board agreed",
    };

    /// <summary>A short name of the method, for lists.</summary>
    public static string MethodName(DecisionMethod method) => method switch
    {
        DecisionMethod.SimpleMajority => "Simple majority",
        DecisionMethod.TwoThirds => "Two thirds",
        DecisionMethod.Unanimity => "Unanimity",
        _ => "Consensus",
    };

    /// <summary>The kind of ballot in words.</summary>
    public static string Ballot(BallotKind ballot) => ballot == BallotKind.Secret
        ? "Secret ballot: who voted is shown, never how"
        : "Named vote: each vote is shown with who cast it";

    /// <summary>Who holds a ballot, in words.</summary>
    public static string Unit(VotingUnit unit) => unit == VotingUnit.Organisation
        ? "One vote for each member organisation"
        : "One vote for each voting member, or the deputy standing in for them";

    /// <summary>A ballot's choice in words.</summary>
    public static string Choice(VoteChoice choice) => choice switch
    {
        VoteChoice.For => "For",
        VoteChoice.Against => "Against",
        _ => "Abstain",
    };

    /// <summary>A closed decision's outcome in words.</summary>
    public static string Outcome(DecisionOutcome outcome) => outcome switch
    {
        DecisionOutcome.Carried => "Carried",
        DecisionOutcome.NotCarried => "Not carried",
        DecisionOutcome.Tied => "Tied, so not carried (no casting vote)",
        DecisionOutcome.TiedCarriedOnCastingVote => "Carried on the chair's casting vote",
        DecisionOutcome.TiedLostOnCastingVote => "Not carried on the chair's casting vote",
        _ => "Inquorate: nothing was decided",
    };

    /// <summary>Whether an outcome carried the motion.</summary>
    public static bool Carried(DecisionOutcome outcome) => outcome is DecisionOutcome.Carried or DecisionOutcome.TiedCarriedOnCastingVote;

    /// <summary>What a decision's effect does if it is carried, in words, organisations and people by name.</summary>
    public static string Effect(DecisionEffect effect, IReadOnlyDictionary<string, string> organisations, IReadOnlyDictionary<string, string> people)
    {
        string Organisation(string id) => organisations.GetValueOrDefault(id, id);
        return effect switch
        {
            SetRecommendationResponse r => $"Record the response to recommendation {Recommendation(r.RecommendationId)} as {Response(r.Response).ToLowerInvariant()}{(string.IsNullOrWhiteSpace(r.Rationale) ? "" : $" ({r.Rationale})")}.",
            SetRecommendationOwner o => $"Make {Organisation(o.LeadOwner.OrganisationId)}{(o.LeadOwner.Function is { } function ? $" ({function})" : "")} the lead owner of recommendation {Recommendation(o.RecommendationId)} from {Date(o.EffectiveOn)}.",
            SetRecommendationStatus s => $"Mark recommendation {Recommendation(s.RecommendationId)} as {Implementation(s.Status).ToLowerInvariant()} on {Date(s.On)}.",
            TransferFunctionEffect t => $"Transfer {t.Function} from {Organisation(t.FromId)} to {Organisation(t.ToId)} on {Date(t.EffectiveOn)}.",
            MergeOrganisationsEffect m => $"Merge {string.Join(" and ", m.SourceIds.Select(Organisation))} into {Organisation(m.TargetId)} on {Date(m.EffectiveOn)}.",
            CreateActionEffect a => $"Record an action: {a.Description.TrimEnd('.')}. Owner: {people.GetValueOrDefault(a.Owner.Person, a.Owner.Person)} ({Organisation(a.Owner.OrganisationId)}), due {Date(a.DueOn)}.",
            _ => "A change the board agreed.",
        };
    }

    /// <summary>A recommendation id in words: <c>smith-2015/9</c> as "9 of the Smith 2015 review".</summary>
    public static string Recommendation(string recommendationId)
    {
        var slash = recommendationId.LastIndexOf('/');
        return slash > 0 ? $"{recommendationId[(slash + 1)..]} of the {recommendationId[..slash].Humanize(LetterCasing.Title)} review" : recommendationId;
    }

    /// <summary>A government response in words.</summary>
    public static string Response(GovernmentResponse response) => response switch
    {
        GovernmentResponse.AcceptedInFull => "Accepted in full",
        GovernmentResponse.AcceptedInPart => "Accepted in part",
        GovernmentResponse.AcceptedInPrinciple => "Accepted in principle",
        GovernmentResponse.ForFutureDiscussion => "For future discussion",
        _ => "Not accepted",
    };

    /// <summary>A recommendation's implementation status in words.</summary>
    public static string Implementation(ImplementationStatus status) => status switch
    {
        ImplementationStatus.NotStarted => "Not started",
        ImplementationStatus.InProgress => "In progress",
        ImplementationStatus.Complete => "Complete",
        _ => "Stalled",
    };

    /// <summary>An action's status in words.</summary>
    public static string Status(ActionStatus status) => status switch
    {
        ActionStatus.Open => "Open",
        ActionStatus.InProgress => "In progress",
        ActionStatus.ProposedForClosure => "Proposed for closure",
        ActionStatus.Closed => "Closed",
        _ => "Deferred",
    };

    /// <summary>An action's RAG rating in words, so that colour is never the only sign.</summary>
    public static string Rag(ActionRag rag, ActionStatus status) => rag switch
    {
        ActionRag.Red => "Red: overdue",
        ActionRag.Amber => "Amber: due within 14 days",
        _ => status == ActionStatus.Closed ? "Green: closed" : "Green: on track",
    };

    /// <summary>Where an action came from, in words.</summary>
    public static string Source(ActionSourceKind kind) => kind switch
    {
        ActionSourceKind.MinuteItem => "Minute item",
        ActionSourceKind.Decision => "Decision",
        _ => "Recommendation",
    };

    /// <summary>
    /// A quorum explanation with the organisations' names in place of their ids ("(nhs-england, monitor)" as
    /// "(NHS England, Monitor)"); the stored explanation keeps the ids, which never change.
    /// </summary>
    public static string Quorum(string explanation, IReadOnlyDictionary<string, string> names) =>
        OrganisationList().Replace(explanation, list =>
            "(" + string.Join(", ", list.Groups[1].Value.Split(", ").Select(id => names.GetValueOrDefault(id, id))) + ")");

    [System.Text.RegularExpressions.GeneratedRegex(@"\(([a-z0-9-]+(?:, [a-z0-9-]+)*)\)")]
    private static partial System.Text.RegularExpressions.Regex OrganisationList();

    /// <summary>A change to organisations, in words.</summary>
    public static string Change(OrganisationChangeKind kind) => kind switch
    {
        OrganisationChangeKind.Rename => "Renamed",
        OrganisationChangeKind.Merge => "Merged",
        OrganisationChangeKind.TransferFunction => "Function transferred",
        _ => "Ceased",
    };

    /// <summary>How far a change to organisations has got, in words.</summary>
    public static string Status(OrganisationChangeStatus status) => status switch
    {
        OrganisationChangeStatus.InProgress => "Being applied",
        OrganisationChangeStatus.Retrying => "Retrying after a failure",
        OrganisationChangeStatus.Failed => "Stopped",
        _ => "Completed",
    };

    /// <summary>Every account's display name by its user name, for pages that show people by name.</summary>
    public static async Task<Dictionary<string, string>> PeopleNamesAsync(this BoardDesk.Persistence.IReadModels readModels) =>
        (await readModels.AllAsync<BoardDesk.Accounts.AccountDetails>()).ToDictionary(a => a.UserName, a => a.DisplayName, StringComparer.OrdinalIgnoreCase);

    /// <summary>Every organisation's current name by its id, for pages that show organisations by name.</summary>
    public static async Task<Dictionary<string, string>> OrganisationNamesAsync(this BoardDesk.Persistence.IReadModels readModels) =>
        (await readModels.AllAsync<OrganisationDetails>()).ToDictionary(o => o.Id, o => o.Name, StringComparer.Ordinal);
}

using BoardDesk.Grains;

namespace BoardDesk.Meetings;

/// <summary>
/// One meeting of a board, keyed <c>{boardId}/{meetingId}</c> where the meeting id starts with its date
/// (<c>ldib/2015-10-23</c>): its agenda, attendance, quorum, declarations of interest and minutes.
/// </summary>
[Alias("BoardDesk.Meetings.IMeetingGrain")]
public interface IMeetingGrain : IGrainWithStringKey
{
    /// <summary>Schedules the meeting and adds the standing items to its agenda; refused when it exists already.</summary>
    [Alias("ScheduleAsync")]
    Task<MeetingDetails> ScheduleAsync(ScheduleMeeting command);

    /// <summary>Adds an item to the agenda before it is published.</summary>
    [Alias("AddAgendaItemAsync")]
    Task<MeetingDetails> AddAgendaItemAsync(AddAgendaItem command);

    /// <summary>Moves an agenda item to a position (1 is first) before the agenda is published.</summary>
    [Alias("MoveAgendaItemAsync")]
    Task<MeetingDetails> MoveAgendaItemAsync(int itemId, int position);

    /// <summary>Removes an item that is not a standing item before the agenda is published.</summary>
    [Alias("RemoveAgendaItemAsync")]
    Task<MeetingDetails> RemoveAgendaItemAsync(int itemId);

    /// <summary>Publishes the agenda, carrying the previous meeting's actions into matters arising.</summary>
    [Alias("PublishAgendaAsync")]
    Task<MeetingDetails> PublishAgendaAsync();

    /// <summary>Records who attended, and computes the quorum from the board's membership.</summary>
    [Alias("RecordAttendanceAsync")]
    Task<MeetingDetails> RecordAttendanceAsync(RecordAttendance command);

    /// <summary>Records a declaration of interest against an agenda item.</summary>
    [Alias("DeclareInterestAsync")]
    Task<MeetingDetails> DeclareInterestAsync(DeclareInterest command);

    /// <summary>Sets what an agenda item concerns, until the meeting is held.</summary>
    [Alias("SetConcernsAsync")]
    Task<MeetingDetails> SetConcernsAsync(int itemId, IReadOnlyList<ItemConcern> concerns);

    /// <summary>The chair records how a declared interest is managed, which decides recusal from the item's votes.</summary>
    [Alias("ManageDeclarationAsync")]
    Task<MeetingDetails> ManageDeclarationAsync(ManageDeclaration command);

    /// <summary>
    /// The conflicts BoardDesk proposes: each agenda item's concerns matched against the standing registers of
    /// everyone on the board linked to an account, through the organisations' lineage.
    /// </summary>
    [Alias("GetProposedConflictsAsync")]
    Task<IReadOnlyList<BoardDesk.Interests.ProposedConflict>> GetProposedConflictsAsync();

    /// <summary>Marks the meeting as held; needs its attendance.</summary>
    [Alias("MarkHeldAsync")]
    Task<MeetingDetails> MarkHeldAsync();

    /// <summary>Drafts or redrafts the minutes of some agenda items; refused once the minutes are approved.</summary>
    [Alias("DraftMinutesAsync")]
    Task<MeetingDetails> DraftMinutesAsync(DraftMinutes command);

    /// <summary>Approves this meeting's draft minutes as an item of a later meeting, which locks them.</summary>
    [Alias("ApproveMinutesAsync")]
    Task<MeetingDetails> ApproveMinutesAsync(string approvingMeetingId);

    /// <summary>At this meeting, approves the minutes of the previous meeting of the board.</summary>
    [Alias("ApprovePreviousMinutesAsync")]
    Task<MeetingDetails> ApprovePreviousMinutesAsync();

    /// <summary>Moves a meeting not yet held to other times or another place on its day; members are sent an updated invitation.</summary>
    [Alias("RescheduleAsync")]
    Task<MeetingDetails> RescheduleAsync(ScheduleMeeting command);

    /// <summary>Cancels a meeting that has not been held.</summary>
    [Alias("CancelAsync")]
    Task<MeetingDetails> CancelAsync(CancelMeeting command);

    /// <summary>The meeting as it is now; <see cref="NotFoundException"/> when it does not exist.</summary>
    [Alias("GetAsync")]
    Task<MeetingDetails> GetAsync();

    /// <summary>Every change the meeting has had, oldest first.</summary>
    [Alias("GetHistoryAsync")]
    Task<IReadOnlyList<RecordedChange>> GetHistoryAsync();
}

using System.Security.Claims;
using BoardDesk.Boards;
using BoardDesk.Grains;
using BoardDesk.Meetings;
using BoardDesk.Organisations;
using BoardDesk.Papers;
using BoardDesk.Persistence;
using Microsoft.AspNetCore.Http.HttpResults;
using BoardDesk.Server.Infrastructure;

namespace BoardDesk.Server.Endpoints;

/// <summary>The meetings API: <c>/api/boards/{boardId}/meetings</c>, meeting ids such as <c>2015-10-23</c>.</summary>
public static class Meetings
{
    /// <summary>Maps the meeting endpoints.</summary>
    public static IEndpointRouteBuilder MapMeetings(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/boards/{boardId}/meetings").WithTags("Meetings");
        group.MapGet("/", ListAsync).WithName("ListMeetings").WithSummary("Lists a board's meetings, by date.")
            .RequirePermission(Permission.ReadPublic);
        group.MapPost("/", ScheduleAsync).WithName("ScheduleMeeting").WithSummary("Schedules a meeting; its agenda starts with the standing items.")
            .RequirePermission(Permission.PrepareMeetings, EndpointAccess.BoardFromRoute);
        group.MapGet("/{meetingId}", GetAsync).WithName("GetMeeting").WithSummary("Gets a meeting: agenda, attendance, quorum, declarations and minutes.")
            .RequirePermission(Permission.ReadPublic);
        group.MapGet("/{meetingId}/history", HistoryAsync).WithName("GetMeetingHistory").WithSummary("Lists every change a meeting has had.")
            .RequirePermission(Permission.ReadBoard, EndpointAccess.BoardFromRoute);
        group.MapPost("/{meetingId}/agenda", AddItemAsync).WithName("AddAgendaItem").WithSummary("Adds an item to the agenda before it is published.")
            .RequirePermission(Permission.PrepareMeetings, EndpointAccess.BoardFromRoute);
        group.MapPost("/{meetingId}/agenda/{itemId:int}/move", MoveItemAsync).WithName("MoveAgendaItem").WithSummary("Moves an agenda item to a position.")
            .RequirePermission(Permission.PrepareMeetings, EndpointAccess.BoardFromRoute);
        group.MapDelete("/{meetingId}/agenda/{itemId:int}", RemoveItemAsync).WithName("RemoveAgendaItem").WithSummary("Removes an item of business from the agenda.")
            .RequirePermission(Permission.PrepareMeetings, EndpointAccess.BoardFromRoute);
        group.MapPost("/{meetingId}/agenda/publish", PublishAgendaAsync).WithName("PublishAgenda").WithSummary("Publishes the agenda.")
            .RequirePermission(Permission.PrepareMeetings, EndpointAccess.BoardFromRoute);
        group.MapPut("/{meetingId}/attendance", RecordAttendanceAsync).WithName("RecordAttendance").WithSummary("Records the attendance and computes the quorum.")
            .RequirePermission(Permission.PrepareMeetings, EndpointAccess.BoardFromRoute);
        group.MapPost("/{meetingId}/declarations", DeclareInterestAsync).WithName("DeclareInterest").WithSummary("Records a declaration of interest against an agenda item.")
            .RequirePermission(Permission.DeclareInterests, EndpointAccess.BoardFromRoute);
        group.MapPost("/{meetingId}/held", MarkHeldAsync).WithName("MarkMeetingHeld").WithSummary("Marks the meeting as held.")
            .RequirePermission(Permission.PrepareMeetings, EndpointAccess.BoardFromRoute);
        group.MapPut("/{meetingId}/minutes", DraftMinutesAsync).WithName("DraftMinutes").WithSummary("Drafts the minutes of agenda items; refused once approved.")
            .RequirePermission(Permission.PrepareMeetings, EndpointAccess.BoardFromRoute);
        group.MapPost("/{meetingId}/approve-previous-minutes", ApprovePreviousMinutesAsync).WithName("ApprovePreviousMinutes")
            .WithSummary("At this meeting, approves and locks the minutes of the board's previous meeting.")
            .RequirePermission(Permission.PrepareMeetings, EndpointAccess.BoardFromRoute);
        group.MapPut("/{meetingId}/schedule", RescheduleAsync).WithName("RescheduleMeeting")
            .WithSummary("Moves a meeting not yet held to other times or another place on its day; members and deputies are sent an updated invitation.")
            .RequirePermission(Permission.PrepareMeetings, EndpointAccess.BoardFromRoute);
        group.MapPost("/{meetingId}/cancel", CancelAsync).WithName("CancelMeeting").WithSummary("Cancels a meeting that has not been held.")
            .RequirePermission(Permission.PrepareMeetings, EndpointAccess.BoardFromRoute);
        return routes;
    }

    private static IMeetingGrain Meeting(IGrainFactory grains, string boardId, string meetingId) =>
        grains.GetGrain<IMeetingGrain>($"{boardId}/{meetingId}");

    private static async Task<Ok<MeetingDetails[]>> ListAsync(string boardId, IReadModels readModels, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var all = await readModels.AllAsync<MeetingDetails>(cancellationToken);
        return TypedResults.Ok(all.Where(m => m.BoardId == boardId).OrderBy(m => m.MeetingId, StringComparer.Ordinal)
            .Select(m => Confidentiality.ForReader(m, user)).ToArray());
    }

    private static async Task<Created<MeetingDetails>> ScheduleAsync(string boardId, ScheduleMeetingRequest request, IGrainFactory grains, IReadModels readModels)
    {
        var command = new ScheduleMeeting
        {
            StartsAt = request.StartsAt,
            EndsAt = request.EndsAt,
            Location = request.Location,
            Link = request.Link,
        };
        var scheduled = request.MeetingId is { } meetingId
            ? await Meeting(grains, boardId, meetingId).ScheduleAsync(command)
            : request.Date is { } date
                ? await NewIds.ScheduleMeetingAsync(grains, readModels, boardId, date, command)
                : throw new ValidationException("date", "Give the meeting's date (2015-10-23), or its id.");
        return TypedResults.Created($"/api/boards/{boardId}/meetings/{scheduled.MeetingId}", scheduled);
    }

    private static async Task<Ok<MeetingDetails>> GetAsync(string boardId, string meetingId, IGrainFactory grains, ClaimsPrincipal user) =>
        TypedResults.Ok(Confidentiality.ForReader(await Meeting(grains, boardId, meetingId).GetAsync(), user));

    private static async Task<Ok<IReadOnlyList<RecordedChange>>> HistoryAsync(string boardId, string meetingId, IGrainFactory grains) =>
        TypedResults.Ok(await Meeting(grains, boardId, meetingId).GetHistoryAsync());

    private static async Task<Ok<MeetingDetails>> AddItemAsync(string boardId, string meetingId, AddAgendaItem request, IGrainFactory grains, IReadModels readModels, Confidentiality confidentiality, ClaimsPrincipal user)
    {
        if (request.PaperId is { } paperId)
        {
            // The meeting never calls a paper (papers call meetings), so the server checks the paper is for this board.
            PaperDetails paper;
            try
            {
                paper = await grains.GetGrain<IPaperGrain>(paperId).GetAsync();
            }
            catch (NotFoundException)
            {
                throw new ValidationException("paperId", $"There is no paper '{paperId}'.");
            }

            if (paper.BoardId != boardId && !await confidentiality.CanSeeAsync(paper, user))
            {
                // Another board's paper the caller may not see: the answer for a paper that does not exist.
                throw new ValidationException("paperId", $"There is no paper '{paperId}'.");
            }

            if (paper.BoardId != boardId)
            {
                throw new ValidationException("paperId", $"The paper '{paperId}' is for the board '{paper.BoardId}'; re-use it for this board first.");
            }

            if (request.Concerns is null && await readModels.FindAsync<OrganisationDetails>(paper.Content.SponsoringOrganisationId) is not null)
            {
                // What the item concerns starts from the paper's sponsor; the secretariat edits it.
                request = request with { Concerns = [new ItemConcern { Kind = ConcernKind.Organisation, Id = paper.Content.SponsoringOrganisationId }] };
            }
        }

        return TypedResults.Ok(await Meeting(grains, boardId, meetingId).AddAgendaItemAsync(request));
    }

    private static async Task<Ok<MeetingDetails>> MoveItemAsync(string boardId, string meetingId, int itemId, MoveAgendaItemRequest request, IGrainFactory grains) =>
        TypedResults.Ok(await Meeting(grains, boardId, meetingId).MoveAgendaItemAsync(itemId, request.Position));

    private static async Task<Ok<MeetingDetails>> RemoveItemAsync(string boardId, string meetingId, int itemId, IGrainFactory grains) =>
        TypedResults.Ok(await Meeting(grains, boardId, meetingId).RemoveAgendaItemAsync(itemId));

    private static async Task<Ok<MeetingDetails>> PublishAgendaAsync(string boardId, string meetingId, IGrainFactory grains) =>
        TypedResults.Ok(await Meeting(grains, boardId, meetingId).PublishAgendaAsync());

    private static async Task<Ok<MeetingDetails>> RecordAttendanceAsync(string boardId, string meetingId, RecordAttendance request, IGrainFactory grains) =>
        TypedResults.Ok(await Meeting(grains, boardId, meetingId).RecordAttendanceAsync(request));

    private static async Task<Ok<MeetingDetails>> DeclareInterestAsync(string boardId, string meetingId, DeclareInterest request, IGrainFactory grains, IReadModels readModels, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        // A member declares their own interests, in their own name or as the board member or deputy they sit as (so
        // that the vote recuses that person); the secretariat records declarations made by anyone.
        var board = await readModels.FindAsync<BoardDetails>(boardId, cancellationToken);
        var asThemselves = request.Name?.Trim() == user.FindFirstValue(ClaimTypes.GivenName)
            || (board is not null && BoardSeats.PeopleFor(user, board).Any(p => BoardSeats.Same(p, request.Name)));
        if (!AccessPolicy.Allows(user, Permission.PrepareMeetings, boardId) && !asThemselves)
        {
            throw new AccessDeniedException("A member declares their own interests only: the name must be your own, or that of the board member or deputy you sit as.");
        }

        return TypedResults.Ok(await Meeting(grains, boardId, meetingId).DeclareInterestAsync(request));
    }

    private static async Task<Ok<MeetingDetails>> MarkHeldAsync(string boardId, string meetingId, IGrainFactory grains) =>
        TypedResults.Ok(await Meeting(grains, boardId, meetingId).MarkHeldAsync());

    private static async Task<Ok<MeetingDetails>> DraftMinutesAsync(string boardId, string meetingId, DraftMinutes request, IGrainFactory grains) =>
        TypedResults.Ok(await Meeting(grains, boardId, meetingId).DraftMinutesAsync(request));

    private static async Task<Ok<MeetingDetails>> ApprovePreviousMinutesAsync(string boardId, string meetingId, IGrainFactory grains) =>
        TypedResults.Ok(await Meeting(grains, boardId, meetingId).ApprovePreviousMinutesAsync());

    private static async Task<Ok<MeetingDetails>> RescheduleAsync(string boardId, string meetingId, ScheduleMeeting request, IGrainFactory grains) =>
        TypedResults.Ok(await Meeting(grains, boardId, meetingId).RescheduleAsync(request));

    private static async Task<Ok<MeetingDetails>> CancelAsync(string boardId, string meetingId, CancelMeeting request, IGrainFactory grains) =>
        TypedResults.Ok(await Meeting(grains, boardId, meetingId).CancelAsync(request));

    /// <summary>The body of a request to schedule a meeting.</summary>
    /// <param name="StartsAt">When it starts, UK time.</param>
    /// <param name="EndsAt">When it ends, UK time.</param>
    /// <param name="Location">Where it is held, if in person.</param>
    /// <param name="Link">The link to join it, if online.</param>
    /// <param name="MeetingId">Its id, exactly: its date (<c>2015-10-23</c>), optionally with a suffix.</param>
    /// <param name="Date">Its date, when no id is given: the id is the date, with <c>-2</c>, <c>-3</c>... for a second or third meeting that day.</param>
    public sealed record ScheduleMeetingRequest(TimeOnly StartsAt, TimeOnly EndsAt, string? Location = null, string? Link = null, string? MeetingId = null, DateOnly? Date = null);

    /// <summary>The body of a request to move an agenda item.</summary>
    /// <param name="Position">The new position, from 1.</param>
    public sealed record MoveAgendaItemRequest(int Position);
}

using BoardDesk.Boards;
using BoardDesk.Grains;
using BoardDesk.Meetings;
using BoardDesk.Persistence;
using BoardDesk.Server.Calendars;
using Microsoft.AspNetCore.Http.HttpResults;
using BoardDesk.Server.Infrastructure;

namespace BoardDesk.Server.Endpoints;

/// <summary>The calendar feeds: <c>/api/boards/{boardId}/calendar.ics</c>.</summary>
public static class Calendars
{
    /// <summary>Maps the calendar endpoints.</summary>
    public static IEndpointRouteBuilder MapCalendars(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/api/boards/{boardId}/calendar.ics", FeedAsync).WithTags("Calendars")
            .WithName("GetBoardCalendar").WithSummary("An iCalendar (.ics) feed of a board's meetings.")
            .Produces(StatusCodes.Status200OK, contentType: "text/calendar")
            .RequirePermission(Permission.ReadPublic);
        return routes;
    }

    private static async Task<ContentHttpResult> FeedAsync(string boardId, HttpContext context, IGrainFactory grains, IReadModels readModels, [FromKeyedServices(BoardDeskClock.Key)] TimeProvider time)
    {
        var board = await grains.GetGrain<IBoardGrain>(boardId).GetAsync();
        var meetings = (await readModels.AllAsync<MeetingDetails>(context.RequestAborted)).Where(m => m.BoardId == board.Id);
        // UIDs must not change with the address a client used, or calendars would show every meeting twice.
        return TypedResults.Text(MeetingCalendar.Write(board, meetings, time.GetUtcNow(), MeetingCalendar.UidHost), "text/calendar; charset=utf-8");
    }
}

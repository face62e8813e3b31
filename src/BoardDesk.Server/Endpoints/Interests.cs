using System.Security.Claims;
using BoardDesk.Boards;
using BoardDesk.Grains;
using BoardDesk.Interests;
using BoardDesk.Meetings;
using BoardDesk.Persistence;
using BoardDesk.Server.BoardPacks;
using BoardDesk.Server.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;

namespace BoardDesk.Server.Endpoints;

/// <summary>
/// Standing registers of interests: <c>/api/people/{personId}/interests</c> (a person's own register, which the
/// secretariat of a board they sit on may read), a board's published register, its cycle of returns, and the
/// conflicts proposed for a meeting with the chair's management of declarations.
/// </summary>
public static class Interests
{
    /// <summary>Maps the register-of-interests endpoints.</summary>
    public static IEndpointRouteBuilder MapInterests(this IEndpointRouteBuilder routes)
    {
        var person = routes.MapGroup("/api/people/{personId}").WithTags("Interests");
        person.MapGet("/interests", GetRegisterAsync).WithName("GetRegisterOfInterests")
            .WithSummary("A person's standing register: interests, gifts and hospitality, returns. The person and the secretariat of a board they sit on.")
            .RequirePermission(Permission.OwnAccount);
        person.MapGet("/interests/history", HistoryAsync).WithName("GetRegisterOfInterestsHistory").WithSummary("Every change a person's register has had.")
            .RequirePermission(Permission.OwnAccount);
        person.MapPost("/interests", RecordInterestAsync).WithName("RecordInterest").WithSummary("Declares an interest on one's own register.")
            .RequirePermission(Permission.OwnAccount);
        person.MapPost("/interests/{interestId:int}/end", EndInterestAsync).WithName("EndInterest").WithSummary("Records that one of one's interests ended; it stays on record.")
            .RequirePermission(Permission.OwnAccount);
        person.MapPost("/gifts", RecordGiftAsync).WithName("RecordGift").WithSummary("Records a gift or hospitality offered to oneself, accepted or declined.")
            .RequirePermission(Permission.OwnAccount);
        person.MapPost("/returns", MakeReturnAsync).WithName("MakeInterestReturn").WithSummary("Makes one's return: the register is complete (nil: nothing to declare).")
            .RequirePermission(Permission.OwnAccount);

        var board = routes.MapGroup("/api/boards/{boardId}").WithTags("Interests");
        board.MapGet("/register-of-interests", PublishedAsync).WithName("GetPublishedRegisterOfInterests")
            .WithSummary("The board's published register of interests, gifts and hospitality; format=csv, xlsx or pdf for an export. Withheld entries show the reason category only.")
            .RequirePermission(Permission.ReadPublic);
        board.MapGet("/interest-returns", ReturnsAsync).WithName("GetInterestReturns").WithSummary("Who on the board has made their declaration of interests and who is overdue.")
            .RequirePermission(Permission.PrepareMeetings, EndpointAccess.BoardFromRoute);
        board.MapPut("/interest-cycle", SetCycleAsync).WithName("SetInterestCycle")
            .WithSummary("Sets the yearly date of the board's declarations and asks newly appointed members for theirs.")
            .RequirePermission(Permission.PrepareMeetings, EndpointAccess.BoardFromRoute);
        board.MapGet("/meetings/{meetingId}/proposed-conflicts", ConflictsAsync).WithName("GetProposedConflicts")
            .WithSummary("Conflicts of interest proposed for a meeting's items: all of them for the secretariat, one's own for a member.")
            .RequirePermission(Permission.ReadBoard, EndpointAccess.BoardFromRoute);
        board.MapPost("/meetings/{meetingId}/proposed-conflicts/declare", DeclareConflictAsync).WithName("DeclareProposedConflict")
            .WithSummary("Declares a proposed conflict at the meeting, in one step, from the interest on the register.")
            .RequirePermission(Permission.DeclareInterests, EndpointAccess.BoardFromRoute);
        board.MapPut("/meetings/{meetingId}/agenda/{itemId:int}/concerns", SetConcernsAsync).WithName("SetAgendaItemConcerns")
            .WithSummary("Sets the organisations, companies and people an agenda item concerns.")
            .RequirePermission(Permission.PrepareMeetings, EndpointAccess.BoardFromRoute);
        board.MapPost("/meetings/{meetingId}/declarations/{declarationId:int}/management", ManageAsync).WithName("ManageDeclaration")
            .WithSummary("The chair records how a declared interest is managed; it decides recusal from the item's votes.")
            .RequirePermission(Permission.ChairVotes, EndpointAccess.BoardFromRoute);
        return routes;
    }

    /// <summary>
    /// Whether the user may read a person's register: their own, or as the secretariat of a board the person sits on.
    /// Anyone else hears that there is no such register.
    /// </summary>
    public static async Task<bool> MayReadAsync(ClaimsPrincipal user, string personId, IReadModels readModels, CancellationToken cancellationToken = default)
    {
        if (string.Equals(user.Identity?.Name, personId, StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        var secretariat = AccessPolicy.BoardsWhere(user, Permission.PrepareMeetings);
        return (await readModels.AllAsync<BoardDetails>(cancellationToken))
            .Any(b => secretariat.Contains(b.Id) && InterestCycleGrain.People(b).Any(p => string.Equals(p.PersonId, personId, StringComparison.OrdinalIgnoreCase)));
    }

    private static async Task<IInterestRegisterGrain> ReadableAsync(string personId, ClaimsPrincipal user, IGrainFactory grains, IReadModels readModels, CancellationToken cancellationToken) =>
        await MayReadAsync(user, personId, readModels, cancellationToken)
            ? grains.GetGrain<IInterestRegisterGrain>(personId)
            : throw new NotFoundException($"There is no register of interests of '{personId}'.");

    private static async Task<IInterestRegisterGrain> OwnAsync(string personId, ClaimsPrincipal user, IGrainFactory grains, IReadModels readModels, CancellationToken cancellationToken)
    {
        var register = await ReadableAsync(personId, user, grains, readModels, cancellationToken);
        return string.Equals(user.Identity?.Name, personId, StringComparison.OrdinalIgnoreCase)
            ? register
            : throw new AccessDeniedException("A person declares their own interests: the secretariat reads the register but does not change it.");
    }

    private static async Task<Ok<InterestRegisterDetails>> GetRegisterAsync(string personId, ClaimsPrincipal user, IGrainFactory grains, IReadModels readModels, CancellationToken cancellationToken) =>
        TypedResults.Ok(await (await ReadableAsync(personId, user, grains, readModels, cancellationToken)).GetAsync());

    private static async Task<Ok<IReadOnlyList<RecordedChange>>> HistoryAsync(string personId, ClaimsPrincipal user, IGrainFactory grains, IReadModels readModels, CancellationToken cancellationToken) =>
        TypedResults.Ok(await (await ReadableAsync(personId, user, grains, readModels, cancellationToken)).GetHistoryAsync());

    private static async Task<Ok<InterestRegisterDetails>> RecordInterestAsync(string personId, RecordInterest request, ClaimsPrincipal user, IGrainFactory grains, IReadModels readModels, CancellationToken cancellationToken) =>
        TypedResults.Ok(await (await OwnAsync(personId, user, grains, readModels, cancellationToken)).RecordInterestAsync(request));

    private static async Task<Ok<InterestRegisterDetails>> EndInterestAsync(string personId, int interestId, EndInterestRequest request, ClaimsPrincipal user, IGrainFactory grains, IReadModels readModels, CancellationToken cancellationToken) =>
        TypedResults.Ok(await (await OwnAsync(personId, user, grains, readModels, cancellationToken)).EndInterestAsync(interestId, request.EndedOn));

    private static async Task<Ok<InterestRegisterDetails>> RecordGiftAsync(string personId, RecordGift request, ClaimsPrincipal user, IGrainFactory grains, IReadModels readModels, CancellationToken cancellationToken) =>
        TypedResults.Ok(await (await OwnAsync(personId, user, grains, readModels, cancellationToken)).RecordGiftAsync(request));

    private static async Task<Ok<InterestRegisterDetails>> MakeReturnAsync(string personId, MakeReturnRequest request, ClaimsPrincipal user, IGrainFactory grains, IReadModels readModels, CancellationToken cancellationToken) =>
        TypedResults.Ok(await (await OwnAsync(personId, user, grains, readModels, cancellationToken)).MakeReturnAsync(request.Nil));

    private static async Task<Results<Ok<IReadOnlyList<PublishedRegisterLine>>, FileContentHttpResult, ProblemHttpResult>> PublishedAsync(
        string boardId, IReadModels readModels, ChromiumPdfPrinter printer, [FromKeyedServices(BoardDeskClock.Key)] TimeProvider clock, HttpContext context, string? format = null)
    {
        var details = await readModels.FindAsync<BoardDetails>(boardId, context.RequestAborted) ?? throw new NotFoundException($"There is no board '{boardId}'.");
        var lines = await PublishedRegister.LinesAsync(details, readModels, context.RequestAborted);
        switch (format?.Trim().ToLowerInvariant())
        {
            case null or "" or "json":
                return TypedResults.Ok(lines);
            case "csv":
                return TypedResults.File(PublishedRegister.Csv(lines), "text/csv; charset=utf-8", $"{boardId}-register-of-interests.csv");
            case "xlsx":
                return TypedResults.File(PublishedRegister.Xlsx(lines), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", $"{boardId}-register-of-interests.xlsx");
            case "pdf":
                if (!printer.IsAvailable)
                {
                    return TypedResults.Problem(
                        title: "PDF needs Chromium.",
                        detail: $"The register is printed by Chromium, which is not installed on the server; the CSV is at /api/boards/{boardId}/register-of-interests?format=csv.",
                        statusCode: StatusCodes.Status503ServiceUnavailable);
                }

                var html = PublishedRegister.Html(details, lines, UkTime.DateOf(clock.GetUtcNow()));
                return TypedResults.File(await printer.PrintAsync(html, context.RequestAborted), "application/pdf", $"{boardId}-register-of-interests.pdf");
            default:
                throw new ValidationException("format", "The format is json (the default), csv, xlsx or pdf.");
        }
    }

    private static async Task<Ok<IReadOnlyList<MemberReturn>>> ReturnsAsync(string boardId, IGrainFactory grains) =>
        TypedResults.Ok(await grains.GetGrain<IInterestCycleGrain>(boardId).GetReturnsAsync());

    private static async Task<Ok<InterestCycleDetails>> SetCycleAsync(string boardId, AnnualReturnDate request, IGrainFactory grains)
    {
        var cycle = grains.GetGrain<IInterestCycleGrain>(boardId);
        await cycle.SetAnnualDateAsync(request);
        return TypedResults.Ok(await cycle.RequestAppointmentReturnsAsync());
    }

    private static async Task<Ok<IReadOnlyList<ProposedConflict>>> ConflictsAsync(string boardId, string meetingId, IGrainFactory grains, ClaimsPrincipal user)
    {
        var conflicts = await grains.GetGrain<IMeetingGrain>($"{boardId}/{meetingId}").GetProposedConflictsAsync();
        return TypedResults.Ok(AccessPolicy.Allows(user, Permission.PrepareMeetings, boardId)
            ? conflicts
            : (IReadOnlyList<ProposedConflict>)conflicts.Where(c => string.Equals(c.PersonId, user.Identity?.Name, StringComparison.OrdinalIgnoreCase)).ToList());
    }

    private static async Task<Ok<MeetingDetails>> DeclareConflictAsync(string boardId, string meetingId, DeclareConflictRequest request, IGrainFactory grains, ClaimsPrincipal user)
    {
        // A member declares their own conflicts; another's answers as one not proposed. The secretariat declares anyone's.
        var own = user.Identity?.Name ?? "";
        var personId = request.PersonId ?? own;
        if (!string.Equals(personId, own, StringComparison.OrdinalIgnoreCase) && !AccessPolicy.Allows(user, Permission.PrepareMeetings, boardId))
        {
            throw new NotFoundException($"No conflict is proposed for interest {request.InterestId} on agenda item {request.AgendaItemId}.");
        }

        return TypedResults.Ok(await ConflictDeclarations.DeclareAsync(grains, boardId, meetingId, request.AgendaItemId, request.InterestId, personId));
    }

    private static async Task<Ok<MeetingDetails>> SetConcernsAsync(string boardId, string meetingId, int itemId, SetConcernsRequest request, IGrainFactory grains) =>
        TypedResults.Ok(await grains.GetGrain<IMeetingGrain>($"{boardId}/{meetingId}").SetConcernsAsync(itemId, request.Concerns ?? []));

    private static async Task<Ok<MeetingDetails>> ManageAsync(string boardId, string meetingId, int declarationId, ManageDeclarationRequest request, IGrainFactory grains) =>
        TypedResults.Ok(await grains.GetGrain<IMeetingGrain>($"{boardId}/{meetingId}").ManageDeclarationAsync(new ManageDeclaration
        {
            DeclarationId = declarationId,
            Management = request.Management ?? throw new ValidationException("management", "Say how the interest is managed: MayTakePart, TakesNoPartInTheVote, TakesNoPartInDiscussionOrVote or LeavesTheRoom."),
            Note = request.Note ?? "",
        }));

    /// <summary>The body of a request to end an interest.</summary>
    /// <param name="EndedOn">The date it ended.</param>
    public sealed record EndInterestRequest(DateOnly EndedOn);

    /// <summary>The body of a return.</summary>
    /// <param name="Nil">True for a nil return: nothing to declare.</param>
    public sealed record MakeReturnRequest(bool Nil = false);

    /// <summary>The body of a request to declare a proposed conflict.</summary>
    /// <param name="AgendaItemId">The agenda item.</param>
    /// <param name="InterestId">The interest on the register.</param>
    /// <param name="PersonId">Whose interest (the secretariat may declare for anyone); by default one's own.</param>
    public sealed record DeclareConflictRequest(int AgendaItemId, int InterestId, string? PersonId = null);

    /// <summary>The body of a request to set what an agenda item concerns.</summary>
    /// <param name="Concerns">The organisations, companies and people.</param>
    public sealed record SetConcernsRequest(IReadOnlyList<ItemConcern>? Concerns);

    /// <summary>The chair's decision on a declaration.</summary>
    /// <param name="Management">How the interest is managed.</param>
    /// <param name="Note">A note for the minutes.</param>
    public sealed record ManageDeclarationRequest(DeclarationManagement? Management, string? Note = null);
}

using System.Security.Claims;
using BoardDesk.Actions;
using BoardDesk.Boards;
using BoardDesk.Decisions;
using BoardDesk.Grains;
using BoardDesk.Meetings;
using BoardDesk.Papers;
using BoardDesk.Persistence;

namespace BoardDesk.Server.Infrastructure;

/// <summary>
/// What each reader may see of a board's material, decided through <see cref="AccessPolicy"/>: the board's members
/// and secretariat (<see cref="Permission.ReadBoard"/>) see everything; everyone else sees the public part only —
/// published papers of public items, and approved minutes of public items. A paper a reader may not see answers
/// exactly as a paper that does not exist, so no private paper can be found by guessing its id.
/// </summary>
public sealed class Confidentiality(IReadModels readModels, IGrainFactory grains)
{
    /// <summary>The board of the paper named by the route's <c>paperId</c>; null for an unknown paper.</summary>
    public static BoardScope PaperBoard { get; } = async context =>
        context.Request.RouteValues["paperId"] is string paperId
            ? (await context.RequestServices.GetRequiredService<IReadModels>().FindAsync<PaperDetails>(paperId, context.RequestAborted))?.BoardId
            : null;

    /// <summary>
    /// When the route names a paper, decision or action that does not exist or that the caller may not see, the one
    /// answer for both; null otherwise. Given before the request body is read, so that an unknown id and a hidden one
    /// get the same 404 whatever the body holds, never a 403 or a validation error that would tell them apart.
    /// </summary>
    public static async ValueTask<NotFoundException?> NotFoundForCallerAsync(HttpContext context)
    {
        var values = context.Request.RouteValues;
        var user = context.User;
        var services = context.RequestServices;
        var readModels = services.GetRequiredService<IReadModels>();
        var cancellationToken = context.RequestAborted;
        if (values["paperId"] is string paperId
            && (await readModels.FindAsync<PaperDetails>(paperId, cancellationToken) is not { } paper
                || !await services.GetRequiredService<Confidentiality>().CanSeeAsync(paper, user, cancellationToken)))
        {
            return new NotFoundException($"There is no paper '{paperId}'.");
        }

        if (values["decisionId"] is string decisionId
            && (await readModels.FindAsync<DecisionDetails>(decisionId, cancellationToken) is not { } decision
                || !await services.GetRequiredService<Confidentiality>().CanSeeAsync(decision, user, cancellationToken)))
        {
            return new NotFoundException($"There is no decision '{decisionId}'.");
        }

        if (values["actionId"] is string actionId
            && (await readModels.FindAsync<ActionDetails>(actionId, cancellationToken) is not { } action || !ActionAccess.CanRead(user, action)))
        {
            return new NotFoundException($"There is no action '{actionId}'.");
        }

        return null;
    }

    /// <summary>Whether the reader sees the board's private material.</summary>
    public static bool CanReadBoard(ClaimsPrincipal user, string boardId) => AccessPolicy.Allows(user, Permission.ReadBoard, boardId);

    /// <summary>
    /// Refuses with 403 unless the user holds the permission on the board named in a request body. A board that does
    /// not exist is left to the command's own validation, as <see cref="EndpointAccess.BoardFromRoute"/> does.
    /// </summary>
    public async Task DemandAsync(ClaimsPrincipal user, Permission permission, string? boardId, CancellationToken cancellationToken = default)
    {
        if (boardId is not null && await readModels.FindAsync<BoardDetails>(boardId, cancellationToken) is not null && !AccessPolicy.Allows(user, permission, boardId))
        {
            throw new AccessDeniedException($"Your roles do not allow this on the board '{boardId}'.");
        }
    }

    /// <summary>The meeting as the reader may see it.</summary>
    public static MeetingDetails ForReader(MeetingDetails meeting, ClaimsPrincipal user)
    {
        if (CanReadBoard(user, meeting.BoardId))
        {
            return meeting;
        }

        var privateItems = meeting.Agenda.Where(i => i.Part == AgendaPart.Private).Select(i => i.Id).ToHashSet();
        return meeting with
        {
            Agenda = meeting.Agenda.Where(i => !privateItems.Contains(i.Id)).ToList(),
            Declarations = meeting.Declarations.Where(d => !privateItems.Contains(d.AgendaItemId)).ToList(),
            Minutes = meeting is { Status: MeetingStatus.MinutesApproved, Minutes: { } minutes }
                ? minutes with { Items = minutes.Items.Where(i => !privateItems.Contains(i.AgendaItemId)).ToList() }
                : null,
        };
    }

    /// <summary>Whether the reader may see a paper.</summary>
    public async Task<bool> CanSeeAsync(PaperDetails paper, ClaimsPrincipal user, CancellationToken cancellationToken = default) =>
        (await PaperFilterAsync(user, cancellationToken))(paper);

    /// <summary>
    /// Which papers the reader may see, as a test to apply to many papers: the private papers (those on a private
    /// agenda item) are found once, not once per paper.
    /// </summary>
    public async Task<Func<PaperDetails, bool>> PaperFilterAsync(ClaimsPrincipal user, CancellationToken cancellationToken = default)
    {
        var privatePapers = (await readModels.AllAsync<MeetingDetails>(cancellationToken))
            .SelectMany(m => m.Agenda.Where(i => i.Part == AgendaPart.Private && i.PaperId is not null).Select(i => (m.BoardId, PaperId: i.PaperId!)))
            .ToHashSet();
        return paper => CanReadBoard(user, paper.BoardId)
            || (paper.Status == PaperStatus.Published && !privatePapers.Contains((paper.BoardId, paper.Id)));
    }

    /// <summary>
    /// Whether the reader may see a decision: the board sees all of them; everyone else sees a closed decision taken
    /// on a public agenda item or by written procedure, and nothing of a vote still under way or on a private item.
    /// </summary>
    public async Task<bool> CanSeeAsync(DecisionDetails decision, ClaimsPrincipal user, CancellationToken cancellationToken = default)
    {
        if (CanReadBoard(user, decision.BoardId))
        {
            return true;
        }

        if (decision.Status != DecisionStatus.Closed)
        {
            return false;
        }

        if (decision.MeetingId is null)
        {
            return true;
        }

        var meeting = await readModels.FindAsync<MeetingDetails>($"{decision.BoardId}/{decision.MeetingId}", cancellationToken);
        return meeting?.Agenda.Any(i => i.Id == decision.AgendaItemId && i.Part == AgendaPart.Public) == true;
    }

    /// <summary>The decision, when the reader may see it; otherwise the same 404 as for a decision that does not exist.</summary>
    public async Task<DecisionDetails> VisibleDecisionAsync(string decisionId, ClaimsPrincipal user, CancellationToken cancellationToken = default)
    {
        var decision = await grains.GetGrain<IDecisionGrain>(decisionId).GetAsync();
        return await CanSeeAsync(decision, user, cancellationToken)
            ? decision
            : throw new NotFoundException($"There is no decision '{decisionId}'.");
    }

    /// <summary>The paper, when the reader may see it; otherwise the same 404 as for a paper that does not exist.</summary>
    public async Task<IPaperGrain> VisiblePaperAsync(string paperId, ClaimsPrincipal user, CancellationToken cancellationToken = default)
    {
        var grain = grains.GetGrain<IPaperGrain>(paperId);
        if (!await CanSeeAsync(await grain.GetAsync(), user, cancellationToken))
        {
            throw new NotFoundException($"There is no paper '{paperId}'.");
        }

        return grain;
    }
}

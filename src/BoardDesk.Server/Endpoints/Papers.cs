using System.Security.Claims;
using BoardDesk.Grains;
using BoardDesk.Meetings;
using BoardDesk.Papers;
using BoardDesk.Persistence;
using BoardDesk.Server.BoardPacks;
using BoardDesk.Server.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;

namespace BoardDesk.Server.Endpoints;

/// <summary>The papers API: <c>/api/papers</c>.</summary>
public static class Papers
{
    /// <summary>Maps the paper endpoints.</summary>
    public static IEndpointRouteBuilder MapPapers(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/papers").WithTags("Papers");
        group.MapGet("/", ListAsync).WithName("ListPapers").WithSummary("Lists papers, optionally those of one board, by id.")
            .RequirePermission(Permission.ReadPublic);
        group.MapPost("/", CreateAsync).WithName("CreatePaper").WithSummary("Creates a paper as a draft, version 1.")
            .RequirePermission(Permission.PrepareMeetings);
        group.MapGet("/{paperId}", GetAsync).WithName("GetPaper").WithSummary("Gets a paper: its current content, versions, attachments and workflow.")
            .RequirePermission(Permission.ReadPublic);
        group.MapGet("/{paperId}/html", HtmlAsync).WithName("GetPaperHtml").WithSummary("The paper rendered as safe HTML with numbered paragraphs.")
            .Produces(StatusCodes.Status200OK, contentType: "text/html")
            .RequirePermission(Permission.ReadPublic);
        group.MapGet("/{paperId}/history", HistoryAsync).WithName("GetPaperHistory").WithSummary("Lists every change a paper has had.")
            .RequirePermission(Permission.ReadBoard, Confidentiality.PaperBoard);
        group.MapPost("/{paperId}/reuse", ReuseAsync).WithName("ReusePaper").WithSummary("Creates a new paper from this one for another board or purpose.")
            .RequirePermission(Permission.PrepareMeetings, Confidentiality.PaperBoard);
        group.MapPost("/{paperId}/versions", ReviseAsync).WithName("RevisePaper").WithSummary("Revises the paper as a new version.")
            .RequirePermission(Permission.PrepareMeetings, Confidentiality.PaperBoard);
        group.MapGet("/{paperId}/versions/{number:int}", GetVersionAsync).WithName("GetPaperVersion").WithSummary("Gets one version of a paper.")
            .RequirePermission(Permission.ReadPublic);
        group.MapGet("/{paperId}/compare", CompareAsync).WithName("ComparePaperVersions").WithSummary("Compares two versions line by line (?from=1&to=2).")
            .RequirePermission(Permission.ReadPublic);
        group.MapPost("/{paperId}/submit", SubmitAsync).WithName("SubmitPaper").WithSummary("Submits the paper for its meeting; late papers are flagged.")
            .RequirePermission(Permission.PrepareMeetings, Confidentiality.PaperBoard);
        group.MapPost("/{paperId}/approve", ApproveAsync).WithName("ApprovePaper").WithSummary("Approves the submitted paper for circulation.")
            .RequirePermission(Permission.PrepareMeetings, Confidentiality.PaperBoard);
        group.MapPost("/{paperId}/publish", PublishAsync).WithName("PublishPaper").WithSummary("Publishes a paper approved for circulation.")
            .RequirePermission(Permission.PrepareMeetings, Confidentiality.PaperBoard);
        group.MapPost("/{paperId}/withdraw", WithdrawAsync).WithName("WithdrawPaper").WithSummary("Withdraws the paper.")
            .RequirePermission(Permission.PrepareMeetings, Confidentiality.PaperBoard);
        group.MapPost("/{paperId}/attachments", AttachAsync).WithName("AddPaperAttachment").WithSummary("Attaches a file (content in base64).")
            .RequirePermission(Permission.PrepareMeetings, Confidentiality.PaperBoard);
        group.MapGet("/{paperId}/attachments/{attachmentId}", GetAttachmentAsync).WithName("GetPaperAttachment").WithSummary("Downloads an attachment, in the content type it was attached with.")
            .Produces(StatusCodes.Status200OK, contentType: "application/octet-stream")
            .RequirePermission(Permission.ReadPublic);
        return routes;
    }

    private static IPaperGrain Paper(IGrainFactory grains, string paperId) => grains.GetGrain<IPaperGrain>(paperId);

    private static async Task<Ok<PaperDetails[]>> ListAsync(IReadModels readModels, Confidentiality confidentiality, ClaimsPrincipal user, CancellationToken cancellationToken, string? boardId = null)
    {
        var canSee = await confidentiality.PaperFilterAsync(user, cancellationToken);
        return TypedResults.Ok((await readModels.AllAsync<PaperDetails>(cancellationToken))
            .Where(p => (boardId is null || p.BoardId == boardId) && canSee(p))
            .OrderBy(p => p.Id, StringComparer.Ordinal)
            .ToArray());
    }

    private static async Task<Created<PaperDetails>> CreateAsync(CreatePaperRequest request, IGrainFactory grains, IReadModels readModels, Confidentiality confidentiality, ClaimsPrincipal user)
    {
        await confidentiality.DemandAsync(user, Permission.PrepareMeetings, request.BoardId);
        var command = new CreatePaper { BoardId = request.BoardId, MeetingId = request.MeetingId, Content = request.Content };
        var created = request.Id is { } id
            ? await Paper(grains, id).CreateAsync(command)
            : await NewIds.CreatePaperAsync(grains, readModels, Stem(request.ShortName, request.Content?.Title, request.MeetingId), paper => paper.CreateAsync(command));
        return TypedResults.Created($"/api/papers/{created.Id}", created);
    }

    /// <summary>A new paper's id stem; a title with no letter or digit is refused as the title, before anything is created.</summary>
    private static string Stem(string? shortName, string? title, string? meetingId)
    {
        var stem = NewIds.PaperStem(shortName, title, MeetingIds.DateOf(meetingId));
        return stem.Length > 0 ? stem : throw new ValidationException("content.title", "Give the paper a title with at least one letter or digit.");
    }

    private static async Task<Ok<PaperDetails>> GetAsync(string paperId, Confidentiality confidentiality, ClaimsPrincipal user) =>
        TypedResults.Ok(await (await confidentiality.VisiblePaperAsync(paperId, user)).GetAsync());

    private static async Task<ContentHttpResult> HtmlAsync(string paperId, Confidentiality confidentiality, ClaimsPrincipal user, BoardPackBuilder packs) =>
        TypedResults.Text(await packs.RenderPaperAsync(await (await confidentiality.VisiblePaperAsync(paperId, user)).GetAsync()), "text/html; charset=utf-8");

    private static async Task<Ok<IReadOnlyList<RecordedChange>>> HistoryAsync(string paperId, IGrainFactory grains) =>
        TypedResults.Ok(await Paper(grains, paperId).GetHistoryAsync());

    private static async Task<Created<PaperDetails>> ReuseAsync(string paperId, ReusePaperRequest request, IGrainFactory grains, IReadModels readModels, Confidentiality confidentiality, ClaimsPrincipal user)
    {
        await confidentiality.DemandAsync(user, Permission.PrepareMeetings, request.BoardId);
        var command = new ReusePaper
        {
            SourcePaperId = paperId,
            BoardId = request.BoardId,
            MeetingId = request.MeetingId,
            Purpose = request.Purpose,
            Summary = request.Summary,
        };
        var created = request.Id is { } id
            ? await Paper(grains, id).ReuseAsync(command)
            : await NewIds.CreatePaperAsync(grains, readModels, Stem(null, (await (await confidentiality.VisiblePaperAsync(paperId, user)).GetAsync()).Content.Title, request.MeetingId), paper => paper.ReuseAsync(command));
        return TypedResults.Created($"/api/papers/{created.Id}", created);
    }

    private static async Task<Ok<PaperDetails>> ReviseAsync(string paperId, RevisePaper request, IGrainFactory grains) =>
        TypedResults.Ok(await Paper(grains, paperId).ReviseAsync(request));

    private static async Task<Ok<PaperVersion>> GetVersionAsync(string paperId, int number, Confidentiality confidentiality, ClaimsPrincipal user) =>
        TypedResults.Ok(await (await confidentiality.VisiblePaperAsync(paperId, user)).GetVersionAsync(number));

    private static async Task<Ok<PaperComparison>> CompareAsync(string paperId, int from, int to, Confidentiality confidentiality, ClaimsPrincipal user) =>
        TypedResults.Ok(await (await confidentiality.VisiblePaperAsync(paperId, user)).CompareAsync(from, to));

    private static async Task<Ok<PaperDetails>> SubmitAsync(string paperId, IGrainFactory grains) =>
        TypedResults.Ok(await Paper(grains, paperId).SubmitAsync());

    private static async Task<Ok<PaperDetails>> ApproveAsync(string paperId, IGrainFactory grains) =>
        TypedResults.Ok(await Paper(grains, paperId).ApproveForCirculationAsync());

    private static async Task<Ok<PaperDetails>> PublishAsync(string paperId, IGrainFactory grains) =>
        TypedResults.Ok(await Paper(grains, paperId).PublishAsync());

    private static async Task<Ok<PaperDetails>> WithdrawAsync(string paperId, WithdrawPaper request, IGrainFactory grains) =>
        TypedResults.Ok(await Paper(grains, paperId).WithdrawAsync(request));

    private static async Task<Ok<PaperDetails>> AttachAsync(string paperId, AddAttachment request, IGrainFactory grains) =>
        TypedResults.Ok(await Paper(grains, paperId).AddAttachmentAsync(request));

    private static async Task<FileContentHttpResult> GetAttachmentAsync(string paperId, string attachmentId, Confidentiality confidentiality, HttpContext context)
    {
        var attachment = await (await confidentiality.VisiblePaperAsync(paperId, context.User)).GetAttachmentAsync(attachmentId);

        // Served as a download that the browser may not sniff: an attached HTML file must not run in BoardDesk's origin.
        context.Response.Headers.XContentTypeOptions = "nosniff";
        return TypedResults.File(attachment.Content, attachment.Info.ContentType, attachment.Info.FileName);
    }

    /// <summary>The body of a request to create a paper.</summary>
    /// <param name="BoardId">The board it goes to.</param>
    /// <param name="Content">The first version's content.</param>
    /// <param name="MeetingId">The meeting it is for, if known.</param>
    /// <param name="Id">The slug that will identify it, exactly; when not given, one is made from the short name or the title (and the meeting's month), with a suffix when taken.</param>
    /// <param name="ShortName">Words to make the id from when no id is given ("Strategy update Dec 2015" as <c>strategy-update-dec-2015</c>).</param>
    public sealed record CreatePaperRequest(string BoardId, PaperContent Content, string? MeetingId = null, string? Id = null, string? ShortName = null);

    /// <summary>The body of a request to re-use a paper.</summary>
    /// <param name="BoardId">The board it goes to.</param>
    /// <param name="MeetingId">The meeting it is for, if known.</param>
    /// <param name="Purpose">What that board is asked to do with it.</param>
    /// <param name="Summary">A new summary; the source's when not given.</param>
    /// <param name="Id">The new paper's slug, exactly; when not given, one is made from the source's title and the meeting's month.</param>
    public sealed record ReusePaperRequest(string BoardId, string? MeetingId = null, AgendaPurpose Purpose = AgendaPurpose.ForInformation, string? Summary = null, string? Id = null);
}

using System.Security.Claims;
using BoardDesk.Grains;
using BoardDesk.Server.BoardPacks;
using Microsoft.AspNetCore.Http.HttpResults;
using BoardDesk.Server.Infrastructure;

namespace BoardDesk.Server.Endpoints;

/// <summary>The board packs: <c>/api/boards/{boardId}/meetings/{meetingId}/pack</c> as HTML, and <c>/pack.pdf</c>.</summary>
public static class BoardPacks
{
    /// <summary>Maps the board pack endpoints.</summary>
    public static IEndpointRouteBuilder MapBoardPacks(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/boards/{boardId}/meetings/{meetingId}").WithTags("Board packs");
        group.MapGet("/pack", HtmlAsync).WithName("GetBoardPack")
            .WithSummary("The meeting's board pack as one HTML document; audience=public (default) leaves out private items, audience=full keeps them.")
            .Produces(StatusCodes.Status200OK, contentType: "text/html").ProducesProblem(StatusCodes.Status403Forbidden)
            .RequirePermission(Permission.ReadPublic);
        group.MapGet("/pack.pdf", PdfAsync).WithName("GetBoardPackPdf")
            .WithSummary("The board pack as PDF, printed by Chromium; 503 when Chromium is not installed.")
            .Produces(StatusCodes.Status200OK, contentType: "application/pdf").ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status504GatewayTimeout)
            .RequirePermission(Permission.ReadPublic);
        routes.MapGet(BoardPackBuilder.StyleSheetPath, StyleSheet).WithTags("Board packs").WithName("GetBoardPackStyles").WithSummary("The board pack's style sheet.")
            .Produces(StatusCodes.Status200OK, contentType: "text/css")
            .RequirePermission(Permission.ReadPublic);
        return routes;
    }

    private static ContentHttpResult StyleSheet() => TypedResults.Text(BoardPackBuilder.StyleSheet, "text/css; charset=utf-8");

    private static async Task<ContentHttpResult> HtmlAsync(string boardId, string meetingId, BoardPackBuilder packs, ClaimsPrincipal user, string? audience = null) =>
        TypedResults.Text(await packs.BuildAsync(boardId, meetingId, AudienceFor(user, boardId, audience)), "text/html; charset=utf-8");

    private static async Task<Results<FileContentHttpResult, ProblemHttpResult>> PdfAsync(
        string boardId, string meetingId, BoardPackBuilder packs, ChromiumPdfPrinter printer, HttpContext context, string? audience = null)
    {
        var audienceOf = AudienceFor(context.User, boardId, audience);
        var html = await packs.BuildAsync(boardId, meetingId, audienceOf, forPrint: true);
        var htmlAddress = $"/api/boards/{boardId}/meetings/{meetingId}/pack?audience={audienceOf.ToString().ToLowerInvariant()}";
        if (!printer.IsAvailable)
        {
            return TypedResults.Problem(
                title: "PDF needs Chromium.",
                detail: $"PDF board packs are printed by Chromium, which is not installed on the server; install the chromium package (or set BoardDesk:ChromiumPath). The HTML pack is available at {htmlAddress}.",
                statusCode: StatusCodes.Status503ServiceUnavailable,
                extensions: new Dictionary<string, object?> { ["htmlPack"] = htmlAddress });
        }

        byte[] pdf;
        try
        {
            pdf = await packs.PrintAsync(html, boardId, meetingId, audienceOf, printer, context.RequestAborted);
        }
        catch (TimeoutException timeout)
        {
            return TypedResults.Problem(
                title: "The PDF took too long.",
                detail: $"{timeout.Message} The HTML pack is available at {htmlAddress}.",
                statusCode: StatusCodes.Status504GatewayTimeout,
                extensions: new Dictionary<string, object?> { ["htmlPack"] = htmlAddress });
        }

        return TypedResults.File(pdf, "application/pdf", $"{boardId}-{meetingId}-{audienceOf.ToString().ToLowerInvariant()}-pack.pdf");
    }

    /// <summary>The pack the reader asked for; the full pack, private items included, only for those who read the board's private material.</summary>
    private static BoardPackAudience AudienceFor(ClaimsPrincipal user, string boardId, string? audience)
    {
        var asked = AudienceOf(audience);
        if (asked == BoardPackAudience.Full && !Confidentiality.CanReadBoard(user, boardId))
        {
            throw new AccessDeniedException("The full board pack, with private items, is for the board's members and secretariat; the public pack is open to all.");
        }

        return asked;
    }

    private static BoardPackAudience AudienceOf(string? audience) => audience?.Trim().ToLowerInvariant() switch
    {
        null or "" or "public" => BoardPackAudience.Public,
        "full" => BoardPackAudience.Full,
        _ => throw new ValidationException("audience", "The audience is public (the default: private items left out) or full."),
    };
}

using System.Globalization;
using System.Net;
using System.Text;
using BoardDesk.Boards;
using BoardDesk.Grains;
using BoardDesk.Meetings;
using BoardDesk.Organisations;
using BoardDesk.Papers;
using BoardDesk.Server.Components.Shared;
using BoardDesk.Server.Infrastructure;

namespace BoardDesk.Server.BoardPacks;

/// <summary>
/// Assembles a meeting's board pack as one HTML document: a cover, the agenda, then for each agenda item in order its
/// paper (or the previous minutes, or the action log). The public pack leaves out private items and their papers.
/// Page numbers come from CSS <c>@page</c> margin boxes, which Chromium's print-to-PDF honours. The server builds the
/// pack by reading the grains, so no grain ever has to call another one back.
/// </summary>
public sealed class BoardPackBuilder(IGrainFactory grains)
{
    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en-GB");

    /// <summary>Where the server serves the pack's style sheet to browsers.</summary>
    public const string StyleSheetPath = "/board-pack.css";

    /// <summary>The style sheet browsers load; its page footer is generic because it cannot name the meeting.</summary>
    public static string StyleSheet { get; } = Styles.Replace("{footer}", "Board pack", StringComparison.Ordinal);

    /// <summary>
    /// The pack of a meeting for an audience. For print the styles are inlined (Chromium reads the file on its own);
    /// for browsers they are linked, because the server's Content-Security-Policy allows no inline style.
    /// </summary>
    /// <param name="boardId">The board.</param>
    /// <param name="meetingId">The meeting.</param>
    /// <param name="audience">Public or full.</param>
    /// <param name="forPrint">Whether the document is for Chromium to print.</param>
    /// <param name="contentsPages">
    /// For print, the page each item starts on, for the contents; null while that is not known yet, when the contents
    /// keep the room the numbers will take.
    /// </param>
    public async Task<string> BuildAsync(string boardId, string meetingId, BoardPackAudience audience, bool forPrint = false, IReadOnlyDictionary<int, int>? contentsPages = null)
    {
        var meeting = await grains.GetGrain<IMeetingGrain>($"{boardId}/{meetingId}").GetAsync();
        var board = await grains.GetGrain<IBoardGrain>(boardId).GetAsync();
        var items = meeting.Agenda.Where(i => audience == BoardPackAudience.Full || i.Part == AgendaPart.Public).ToList();
        var papers = new Dictionary<string, PaperDetails>();
        foreach (var paperId in items.Select(i => i.PaperId).OfType<string>())
        {
            try
            {
                papers[paperId] = await grains.GetGrain<IPaperGrain>(paperId).GetAsync();
            }
            catch (NotFoundException)
            {
                // Shown as a paper to follow.
            }
        }

        var previous = meeting.PreviousMeetingId is { } previousId
            ? await grains.GetGrain<IMeetingGrain>($"{boardId}/{previousId}").GetAsync()
            : null;
        var organisations = await OrganisationNamesAsync(papers.Values.Select(p => p.Content.SponsoringOrganisationId)
            .Concat(previous?.Attendance.Select(a => a.OrganisationId).OfType<string>() ?? [])
            .Concat(board.MemberOrganisations));

        var title = $"{board.Name}: board pack for {meeting.Date.ToString("d MMMM yyyy", English)}";
        var html = new StringBuilder();
        Open(html, title, $"{board.Name} · {meeting.Date.ToString("d MMMM yyyy", English)}", forPrint, forPrint ? null : ($"/boards/{boardId}/meetings/{meetingId}", "Back to the meeting's page"));
        WriteCover(html, board, meeting, items, audience, forPrint, contentsPages);
        WriteAgenda(html, meeting, items, papers);
        foreach (var item in items)
        {
            if (item.PaperId is { } paperId)
            {
                html.Append($"<section class=\"item\" id=\"item-{item.Number}\">");
                html.Append($"<p class=\"item-label\">{PackItemPages.Label(item.Number)}{E(PurposeText(item.Purpose))}{(item.Part == AgendaPart.Private ? " · Private (confidential)" : "")}</p>");
                if (papers.TryGetValue(paperId, out var paper))
                {
                    WritePaper(html, paper, organisations);
                }
                else
                {
                    html.Append($"<h1>{E(item.Title)}</h1><p class=\"to-follow\">The paper '{E(paperId)}' could not be found.</p>");
                }

                html.Append("</section>");
            }
            else if (item.Standing == StandingItem.MinutesOfLastMeeting && previous?.Minutes is { } minutes)
            {
                html.Append($"<section class=\"item\" id=\"item-{item.Number}\"><p class=\"item-label\">{PackItemPages.Label(item.Number)}{E(PurposeText(item.Purpose))}</p>");
                WriteMinutes(html, previous, minutes, audience, organisations);
                html.Append("</section>");
            }
            else if (item.Standing == StandingItem.MattersArising && item.CarriedActions.Count > 0)
            {
                html.Append($"<section class=\"item\" id=\"item-{item.Number}\"><p class=\"item-label\">{PackItemPages.Label(item.Number)}{E(PurposeText(item.Purpose))}</p>");
                html.Append("<h1>Matters arising and action log</h1>");
                WriteActions(html, item.CarriedActions);
                html.Append("</section>");
            }
        }

        html.Append("</main></body></html>");
        return html.ToString();
    }

    /// <summary>
    /// Prints the pack to PDF with page numbers in its contents. Chromium cannot number the contents itself (no
    /// <c>target-counter()</c>), so the pack is printed twice: the first print, read back, says where each item starts,
    /// and the second prints those pages in the contents, which kept room for them the first time.
    /// </summary>
    /// <param name="html">The pack for print (<see cref="BuildAsync"/> with <c>forPrint</c>), contents not yet numbered.</param>
    /// <param name="boardId">The board.</param>
    /// <param name="meetingId">The meeting.</param>
    /// <param name="audience">The audience <paramref name="html"/> was built for.</param>
    /// <param name="printer">Chromium.</param>
    /// <param name="cancellationToken">Stops the prints.</param>
    public async Task<byte[]> PrintAsync(string html, string boardId, string meetingId, BoardPackAudience audience, ChromiumPdfPrinter printer, CancellationToken cancellationToken)
    {
        var first = await printer.PrintAsync(html, cancellationToken);
        var meeting = await grains.GetGrain<IMeetingGrain>($"{boardId}/{meetingId}").GetAsync();
        var pages = PackItemPages.Find(first, meeting.Agenda.Select(i => i.Number));
        return await printer.PrintAsync(await BuildAsync(boardId, meetingId, audience, forPrint: true, pages), cancellationToken);
    }

    /// <summary>One paper as a document of its own, with the pack's styles.</summary>
    public async Task<string> RenderPaperAsync(PaperDetails paper)
    {
        var organisations = await OrganisationNamesAsync([paper.Content.SponsoringOrganisationId]);
        var html = new StringBuilder();
        Open(html, paper.Content.Title, paper.Content.Title, forPrint: false, ($"/papers/{paper.Id}", "Back to the paper's page"));
        WritePaper(html, paper, organisations);
        html.Append("</main></body></html>");
        return html.ToString();
    }

    private async Task<Dictionary<string, string>> OrganisationNamesAsync(IEnumerable<string> ids)
    {
        var names = new Dictionary<string, string>();
        foreach (var id in ids.Distinct())
        {
            try
            {
                names[id] = (await grains.GetGrain<IOrganisationGrain>(id).GetAsync()).Name;
            }
            catch (NotFoundException)
            {
                names[id] = id;
            }
        }

        return names;
    }

    /// <summary>Opens the document up to its main landmark; a document read in the browser leads back to its page.</summary>
    private static void Open(StringBuilder html, string title, string footer, bool forPrint, (string Href, string Text)? back)
    {
        html.Append("<!DOCTYPE html>\n<html lang=\"en-GB\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">");

        // No script may run in a pack, whatever a paper contains, including when Chromium prints it from a file.
        html.Append($"<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; img-src 'self' https:; style-src {(forPrint ? "'unsafe-inline'" : "'self'")}\">");
        html.Append($"<title>{E(title)}</title>");
        html.Append(forPrint
            ? $"<style>{Styles.Replace("{footer}", CssString(footer), StringComparison.Ordinal)}</style>"
            : $"<link rel=\"stylesheet\" href=\"{StyleSheetPath}\">");
        html.Append("</head><body>");
        if (back is var (href, text))
        {
            html.Append($"<nav class=\"back\" aria-label=\"Back\"><a href=\"{E(href)}\">{E(text)}</a></nav>");
        }

        html.Append("<main>");
    }

    private static void WriteCover(StringBuilder html, BoardDetails board, MeetingDetails meeting, List<AgendaItem> items, BoardPackAudience audience, bool forPrint, IReadOnlyDictionary<int, int>? contentsPages)
    {
        html.Append("<section class=\"cover\">");
        html.Append($"<p class=\"board\">{E(board.Name)}</p><h1>Board pack</h1>");
        html.Append($"<p class=\"when\">Meeting on {E(meeting.Date.ToString("dddd d MMMM yyyy", English))}, {meeting.StartsAt:HH\\:mm} to {meeting.EndsAt:HH\\:mm}</p>");
        if (meeting.Location is { } location)
        {
            html.Append($"<p>Venue: {E(location)}</p>");
        }

        if (meeting.Link is { } link)
        {
            html.Append($"<p>Join online: {E(link)}</p>");
        }

        if (meeting.Status == MeetingStatus.Cancelled)
        {
            html.Append($"<p class=\"cancelled\">This meeting was cancelled: {E(meeting.CancellationReason ?? "")}</p>");
        }

        html.Append(audience == BoardPackAudience.Public
            ? "<p class=\"audience\">Public pack: items taken in the private part of the meeting are not included.</p>"
            : "<p class=\"audience\">Full pack for members: includes the private (confidential) part of the meeting.</p>");
        if (board.Chair is { } chair)
        {
            html.Append($"<p>Chair: {E(chair)}</p>");
        }

        if (board.Secretariat.Length > 0)
        {
            html.Append($"<p>Secretariat: {E(board.Secretariat)}</p>");
        }

        html.Append("<h2>Contents</h2><ol class=\"contents\">");
        foreach (var item in items)
        {
            html.Append($"<li value=\"{item.Number}\"><a href=\"#item-{item.Number}\">{E(item.Title)}</a>");
            if (forPrint && contentsPages is null)
            {
                html.Append("<span class=\"contents-page pending\"> · page 000</span>");
            }
            else if (forPrint && contentsPages!.TryGetValue(item.Number, out var page))
            {
                html.Append($"<span class=\"contents-page\"> · page {page}</span>");
            }

            html.Append("</li>");
        }

        html.Append("</ol></section>");
    }

    private static void WriteAgenda(StringBuilder html, MeetingDetails meeting, List<AgendaItem> items, IReadOnlyDictionary<string, PaperDetails> papers)
    {
        html.Append("<section class=\"agenda\"><h1>Agenda</h1>");
        html.Append("<table class=\"agenda-table\"><thead><tr><th class=\"number\">Item</th><th class=\"time\">Time</th><th>Business</th><th>Purpose</th><th>Presenter</th><th>Paper</th></tr></thead><tbody>");
        var start = meeting.StartsAt;
        var starts = new Dictionary<int, TimeOnly>();
        foreach (var item in meeting.Agenda)
        {
            starts[item.Id] = start;
            start = start.AddMinutes(item.Minutes);
        }

        AgendaPart? part = null;
        foreach (var item in items)
        {
            if (item.Part != part)
            {
                part = item.Part;
                html.Append($"<tr class=\"part\"><td colspan=\"6\">{(part == AgendaPart.Public ? "Part 1: in public" : "Part 2: in private (confidential)")}</td></tr>");
            }

            // Papers by their titles, linked to where they start in the pack.
            var paper = item.PaperId is null ? "" : papers.TryGetValue(item.PaperId, out var found) ? $"<a href=\"#item-{item.Number}\">{E(found.Content.Title)}</a>" : "To follow";
            html.Append($"<tr><td class=\"number\">{item.Number}</td><td class=\"time\">{starts[item.Id]:HH\\:mm} ({item.Minutes} min)</td><td>{E(item.Title)}</td>");
            html.Append($"<td>{E(PurposeText(item.Purpose))}</td><td>{E(item.Presenter)}</td><td>{paper}</td></tr>");
        }

        html.Append("</tbody></table></section>");
    }

    private static void WritePaper(StringBuilder html, PaperDetails paper, IReadOnlyDictionary<string, string> organisations)
    {
        var content = paper.Content;
        html.Append("<article class=\"paper\">");
        html.Append($"<p class=\"paper-meta\">Paper · version {paper.CurrentVersion}{(paper.Late ? " · <span class=\"late\">Late paper</span>" : "")}</p>");
        html.Append($"<h1>{E(content.Title)}</h1><p class=\"purpose\">{E(PurposeText(content.Purpose))}</p>");
        if (paper.Status is not (PaperStatus.ApprovedForCirculation or PaperStatus.Published))
        {
            html.Append(paper.Status == PaperStatus.Withdrawn
                ? $"<p class=\"to-follow\">This paper was withdrawn: {E(paper.WithdrawalReason ?? "")}</p></article>"
                : "<p class=\"to-follow\">Paper to follow: it has not yet been approved for circulation.</p></article>");
            return;
        }

        if (content.Summary.Length > 0)
        {
            html.Append("<h2>Summary</h2>").Append(Paragraphs(content.Summary));
        }

        html.Append("<div class=\"body\">").Append(PaperMarkdown.ToNumberedHtml(content.Body)).Append("</div>");
        if (content.Recommendations.Count > 0)
        {
            html.Append("<h2>Recommendations</h2><p>The board is asked to:</p><ol class=\"recommendations\">");
            html.Append(string.Concat(content.Recommendations.Select(r => $"<li>{E(r)}</li>"))).Append("</ol>");
        }

        var sponsor = organisations.TryGetValue(content.SponsoringOrganisationId, out var name) ? name : content.SponsoringOrganisationId;
        html.Append($"<p class=\"author\">{E(content.Author)}{(content.AuthorTitle.Length > 0 ? ", " + E(content.AuthorTitle) : "")} ({E(sponsor)})");
        if (content.Date is { } date)
        {
            html.Append($"<br>{E(date.ToString("MMMM yyyy", English))}");
        }

        html.Append("</p>");
        if (content.References.Count > 0)
        {
            html.Append("<h2>References</h2><ol class=\"references\">");
            html.Append(string.Concat(content.References.Select(r => $"<li>{E(r)}</li>"))).Append("</ol>");
        }

        if (paper.Attachments.Count > 0)
        {
            html.Append("<h2>Attachments</h2><ul>");
            html.Append(string.Concat(paper.Attachments.Select(a => $"<li>{E(a.FileName)} ({a.Size:N0} bytes)</li>"))).Append("</ul>");
        }

        html.Append("</article>");
    }

    private static void WriteMinutes(StringBuilder html, MeetingDetails previous, MeetingMinutes minutes, BoardPackAudience audience, IReadOnlyDictionary<string, string> organisations)
    {
        html.Append($"<h1>Minutes of the meeting of {E(previous.Date.ToString("d MMMM yyyy", English))}</h1>");
        html.Append($"<p class=\"purpose\">{(minutes.Locked ? $"Approved at the meeting of {E(Formats.MeetingDate(minutes.ApprovedAtMeetingId))}" : "Draft, for approval")}</p>");
        if (previous.Attendance.Count > 0)
        {
            html.Append("<h2>Attendance</h2><ul class=\"attendance\">");
            foreach (var attendee in previous.Attendance)
            {
                var how = attendee.Kind switch
                {
                    AttendanceKind.Deputy => $"deputy for {attendee.DeputyFor}",
                    AttendanceKind.InAttendance => "in attendance",
                    AttendanceKind.Apologies => "apologies",
                    _ => "present",
                };
                html.Append($"<li>{E(attendee.Name)}{(attendee.OrganisationId is { } org ? $" ({E(organisations.GetValueOrDefault(org, org))})" : "")}: {E(how)}</li>");
            }

            html.Append("</ul>");
        }

        if (previous.Quorum is { } quorum)
        {
            html.Append($"<p class=\"quorum\">{E(Formats.Quorum(quorum.Explanation, organisations))}</p>");
        }

        var privateItems = previous.Agenda.Where(i => i.Part == AgendaPart.Private).Select(i => i.Id).ToHashSet();
        foreach (var item in minutes.Items.Where(i => audience == BoardPackAudience.Full || !privateItems.Contains(i.AgendaItemId)))
        {
            html.Append($"<h2>{E(item.Heading)}</h2>");
            foreach (var declaration in previous.Declarations.Where(d => d.AgendaItemId == item.AgendaItemId))
            {
                var managed = declaration.Management is null ? "" : $" {E(ConflictDeclarations.Describe(declaration.Management))}.";
                html.Append($"<p class=\"declaration\">Declaration of interest: {E(declaration.Name)}, {E(Formats.Clause(declaration.Interest))}{(declaration.Action.Length > 0 ? $" ({E(Formats.Clause(declaration.Action))})" : "")}.{managed}</p>");
            }

            html.Append(Paragraphs(item.Discussion));
            if (item.Decisions.Count > 0)
            {
                html.Append("<p><strong>Decisions:</strong></p><ul>").Append(string.Concat(item.Decisions.Select(d => $"<li>{E(d)}</li>"))).Append("</ul>");
            }

            if (item.Actions.Count > 0)
            {
                WriteActions(html, item.Actions);
            }
        }
    }

    private static void WriteActions(StringBuilder html, IReadOnlyList<ActionAgreed> actions)
    {
        html.Append("<table class=\"actions\"><thead><tr><th>Action</th><th>Owner</th><th>Due</th><th>Agreed</th></tr></thead><tbody>");
        foreach (var action in actions)
        {
            html.Append($"<tr><td>{E(action.Description)}</td><td>{E(action.Owner)}</td><td class=\"time\">{E(action.DueOn is { } due ? Formats.Date(due) : "")}</td><td>{E(action.AgreedAtMeetingId is { } at ? Formats.MeetingDate(at) : "")}</td></tr>");
        }

        html.Append("</tbody></table>");
    }

    private static string Paragraphs(string text) =>
        string.Concat(text.ReplaceLineEndings("\n").Split("\n\n", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(p => $"<p>{E(p)}</p>"));

    private static string PurposeText(AgendaPurpose purpose) => purpose switch
    {
        AgendaPurpose.ForDecision => "For decision",
        AgendaPurpose.ForDiscussion => "For discussion",
        AgendaPurpose.ForInformation => "For information",
        _ => "For assurance",
    };

    private static string E(string text) => WebUtility.HtmlEncode(text);

    /// <summary>Text as a CSS string literal's content: quotes, backslashes and angle brackets escaped.</summary>
    private static string CssString(string text)
    {
        var css = new StringBuilder();
        foreach (var c in text)
        {
            css.Append(c is '"' or '\\' or '<' or '>' || char.IsControl(c) ? $"\\{(int)c:X} " : c.ToString());
        }

        return css.ToString();
    }

    private const string Styles = """
        @page { size: A4; margin: 18mm 16mm 20mm 16mm;
          @bottom-left { content: "{footer}"; font: 8pt sans-serif; color: #555; }
          @bottom-right { content: "Page " counter(page) " of " counter(pages); font: 8pt sans-serif; color: #555; } }
        body { font: 11pt/1.45 "Liberation Sans", Arial, sans-serif; color: #111; max-width: 48rem; margin: 0 auto; }
        h1 { font-size: 18pt; margin: 0 0 .4em; } h2 { font-size: 13pt; margin: 1.2em 0 .3em; }
        section.cover { break-after: page; padding-top: 25mm; } .cover h1 { font-size: 30pt; } .board { font-size: 14pt; font-weight: bold; }
        section.agenda, section.item { break-before: page; }
        table { border-collapse: collapse; width: 100%; font-size: 10pt; } th, td { border: 1px solid #999; padding: 3px 5px; text-align: left; vertical-align: top; }
        tr.part td { background: #eee; font-weight: bold; }
        .item-label, .paper-meta { color: #555; font-size: 9pt; text-transform: uppercase; letter-spacing: .03em; }
        .purpose { font-weight: bold; } .late { color: #a00; font-weight: bold; } .to-follow, .cancelled { font-style: italic; }
        .numbered { position: relative; padding-left: 2.2em; margin: .6em 0; } .numbered .para-number { position: absolute; left: 0; font-weight: bold; }
        .para-body > p:first-child { margin-top: 0; } .author { margin-top: 1.5em; font-style: italic; } .references { font-size: 9.5pt; word-break: break-word; }
        img { max-width: 100%; height: auto; } pre { white-space: pre-wrap; }
        td, th { overflow-wrap: break-word; word-break: normal; hyphens: manual; } .number, .time { white-space: nowrap; }
        .agenda-table a, .contents a { color: inherit; text-decoration: none; }
        .contents-page { color: #333; white-space: nowrap; } .contents-page.pending { visibility: hidden; }
        nav.back { margin: 1rem 0; font-size: 11pt; } nav.back a { color: #005eb8; }
        @media print { nav.back { display: none; } }
        @media screen { body { padding: 0 1rem; box-sizing: border-box; } }
        @media screen and (max-width: 40rem) { body { font-size: 12pt; } table { font-size: 9pt; } th, td { padding: 2px 3px; overflow-wrap: anywhere; } .cover h1 { font-size: 22pt; } }
        """;
}

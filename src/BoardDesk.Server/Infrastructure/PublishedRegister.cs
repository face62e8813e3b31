using System.Globalization;
using System.Net;
using System.Text;
using BoardDesk.Boards;
using BoardDesk.Interests;
using BoardDesk.Organisations;
using BoardDesk.Persistence;
using BoardDesk.Server.Components.Shared;

namespace BoardDesk.Server.Infrastructure;

/// <summary>
/// A board's published register of interests, gifts and hospitality, from the registers of the people on the board
/// linked to accounts, and its exports (CSV, XLSX, and HTML for the PDF). Withheld entries are listed as withheld,
/// with the reason category only: none of their details leave the server.
/// </summary>
public static class PublishedRegister
{
    /// <summary>The export's columns.</summary>
    public static readonly string[] Columns = ["Person", "Organisation", "Entry", "Category", "Description", "Concerning", "Role", "Dates", "Management or value", "Withheld because"];

    /// <summary>The board's published lines, by person then in the order declared.</summary>
    public static async Task<IReadOnlyList<PublishedRegisterLine>> LinesAsync(BoardDetails board, IReadModels readModels, CancellationToken cancellationToken)
    {
        var registers = (await readModels.AllAsync<InterestRegisterDetails>(cancellationToken)).ToDictionary(r => r.PersonId, StringComparer.OrdinalIgnoreCase);
        var organisations = (await readModels.AllAsync<OrganisationDetails>(cancellationToken)).ToDictionary(o => o.Id, o => o.Name, StringComparer.Ordinal);
        string Organisation(string? id) => id is null ? "" : organisations.GetValueOrDefault(id, id);
        var lines = new List<PublishedRegisterLine>();
        foreach (var (personId, name, organisationId) in InterestCycleGrain.People(board))
        {
            if (!registers.TryGetValue(personId, out var register))
            {
                continue;
            }

            var organisation = Organisation(organisationId);
            foreach (var interest in register.Interests)
            {
                lines.Add(interest.Published
                    ? new PublishedRegisterLine(name, organisation, "Interest", Capitalised(ConflictMatcher.Words(interest.Category)), interest.Description,
                        interest.CompanyName ?? Organisation(interest.OrganisationId), interest.Role,
                        interest.To is { } to ? $"{Formats.Date(interest.From)} to {Formats.Date(to)}" : $"From {Formats.Date(interest.From)}", interest.Management, null)
                    : Withheld(name, organisation, "Interest", interest.WithheldBecause));
            }

            foreach (var gift in register.Gifts)
            {
                lines.Add(gift.Published
                    ? new PublishedRegisterLine(name, organisation, "Gift or hospitality", gift.Accepted ? "Accepted" : "Declined", gift.Description, gift.OfferedBy, "",
                        Formats.Date(gift.On), $"Estimated value £{gift.EstimatedValue.ToString("N2", CultureInfo.GetCultureInfo("en-GB"))}", null)
                    : Withheld(name, organisation, "Gift or hospitality", gift.WithheldBecause));
            }
        }

        return lines;
    }

    /// <summary>The reason category in words.</summary>
    public static string Reason(WithholdingReason? reason) => reason switch
    {
        WithholdingReason.PersonalSafety => "Personal safety",
        WithholdingReason.CommercialConfidentiality => "Commercial confidentiality",
        WithholdingReason.ThirdPartyPrivacy => "A third party's privacy",
        _ => "Other reason",
    };

    /// <summary>The lines as CSV.</summary>
    public static byte[] Csv(IEnumerable<PublishedRegisterLine> lines) => TableExport.Csv(Columns, lines.Select(Cells));

    /// <summary>The lines as XLSX.</summary>
    public static byte[] Xlsx(IEnumerable<PublishedRegisterLine> lines) => TableExport.Xlsx("Register of interests", Columns, lines.Select(Cells));

    /// <summary>A printable HTML page of the register, for the PDF.</summary>
    public static string Html(BoardDetails board, IEnumerable<PublishedRegisterLine> lines, DateOnly on)
    {
        static string E(string text) => WebUtility.HtmlEncode(text);
        var html = new StringBuilder();
        html.Append($"<!DOCTYPE html><html lang=\"en-GB\"><head><meta charset=\"utf-8\"><title>Register of interests: {E(board.Name)}</title>");
        html.Append("<style>body{font-family:sans-serif;font-size:10pt}table{border-collapse:collapse;width:100%}th,td{border:1px solid #999;padding:4px;text-align:left;vertical-align:top}</style></head><body>");
        html.Append($"<h1>Register of interests, gifts and hospitality</h1><p>{E(board.Name)}, as published on {E(Formats.Date(on))}.</p><table><thead><tr>");
        foreach (var column in Columns)
        {
            html.Append($"<th scope=\"col\">{E(column)}</th>");
        }

        html.Append("</tr></thead><tbody>");
        foreach (var cells in lines.Select(Cells))
        {
            html.Append("<tr>").AppendJoin("", cells.Select(c => $"<td>{E(c)}</td>")).Append("</tr>");
        }

        return html.Append("</tbody></table></body></html>").ToString();
    }

    private static string[] Cells(PublishedRegisterLine l) => [l.Person, l.Organisation, l.Kind, l.Category, l.Description, l.Concerning, l.Role, l.Dates, l.Management, l.Withheld ?? ""];

    private static PublishedRegisterLine Withheld(string person, string organisation, string kind, WithholdingReason? reason) =>
        new(person, organisation, kind, "", "Withheld", "", "", "", "", Reason(reason));

    private static string Capitalised(string words) => char.ToUpperInvariant(words[0]) + words[1..];
}

using System.ComponentModel;
using Microsoft.AspNetCore.Mvc.ApiExplorer;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace BoardDesk.Server.Infrastructure.OpenApi;

/// <summary>
/// Describes every parameter that the handler's <see cref="DescriptionAttribute"/> does not: from its name (the same
/// name means the same thing across the API: <c>boardId</c> is always a board's id; an id the table does not know is
/// described by what it identifies), and for an enum lists its names. Query names are written as callers send them
/// (camelCase), and a route value that an <c>[AsParameters]</c> object binds a second time is listed once.
/// </summary>
internal sealed class ParameterDescriptions : IOpenApiOperationTransformer
{
    private static readonly Dictionary<string, string> ByName = new(StringComparer.OrdinalIgnoreCase)
    {
        ["boardId"] = "The board's id, such as `ldib`.",
        ["format"] = "The file to answer with instead of JSON: `csv`, `xlsx` or `pdf`.",
        ["token"] = "The signed unsubscribe token from the email's link.",
        ["meetingId"] = "The meeting's id: its date, such as `2015-10-23`, with a suffix for a second meeting that day.",
        ["paperId"] = "The paper's id, such as `ldib-2015-10-23-nilds`.",
        ["attachmentId"] = "The attachment's id, as the paper lists it.",
        ["itemId"] = "The agenda item's number in the meeting, as the meeting lists it.",
        ["decisionId"] = "The decision's id, as the board's decisions list it.",
        ["actionId"] = "The action's id, as the action log lists it.",
        ["reviewId"] = "The review's id, such as `smith-2015`.",
        ["number"] = "The recommendation's number in its review, such as `9`.",
        ["importId"] = "The import's id, as answered when it was started.",
        ["operationId"] = "The machinery-of-government operation's id, as answered when it was started.",
        ["userName"] = "The account's user name, such as `ldib-secretary`.",
        ["tokenId"] = "The API token's id, as the account's tokens list it.",
        ["role"] = "The board role.",
        ["organisationId"] = "The organisation's id, such as `monitor`.",
        // The action log's; the register's owner, an organisation, says so on its handler.
        ["owner"] = "Only the actions this person owns (their user name, such as `ldib-lead`).",
        ["organisation"] = "Only the actions of this organisation (its id, such as `nhs-improvement`).",
        ["inherited"] = "Whether to include what an organisation inherited from its predecessors (default true); false for recorded owners only.",
        ["status"] = "Only items with this status.",
        ["overdue"] = "true for overdue items only, false for those not overdue.",
        ["source"] = "Only actions from this kind of source.",
        ["page"] = "The page, from 1 (default 1).",
        ["pageSize"] = "How many items per page (default 50).",
        ["audience"] = "`public` (the default) leaves private items out; `full`, for the board's members and secretariat, keeps them.",
        ["on"] = "The date, such as `2015-09-01`.",
        ["from"] = "The earlier version's number.",
        ["to"] = "The later version's number.",
        ["name"] = "Matches current and former names, in part, ignoring case.",
        ["function"] = "Finds the organisation that hosts the function of this name.",
        ["text"] = "Matches the text of the item, in part, ignoring case.",
        ["rag"] = "Only items with this RAG rating.",
        ["response"] = "Only recommendations with this government response.",
        ["ownersEffectiveOn"] = "The date from which the imported owners own their recommendations (default: today).",
    };

    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        if (operation.Parameters is not { Count: > 0 } parameters)
        {
            return Task.CompletedTask;
        }

        var seen = new HashSet<(string, ParameterLocation?)>();
        foreach (var parameter in parameters.ToList())
        {
            if (parameter.Name is null || !seen.Add((parameter.Name.ToLowerInvariant(), parameter.In)))
            {
                parameters.Remove(parameter);
                continue;
            }

            var described = context.Description.ParameterDescriptions.FirstOrDefault(p => string.Equals(p.Name, parameter.Name, StringComparison.OrdinalIgnoreCase));
            if (parameter is OpenApiParameter concrete)
            {
                if (parameter.In == ParameterLocation.Query && char.IsUpper(parameter.Name[0]))
                {
                    // Query names bind ignoring case; callers write them as the API's JSON does.
                    concrete.Name = char.ToLowerInvariant(parameter.Name[0]) + parameter.Name[1..];
                }

                if (string.IsNullOrWhiteSpace(concrete.Description))
                {
                    concrete.Description = ByName.GetValueOrDefault(parameter.Name) ?? IdDescription(context.Description.RelativePath, parameter.Name);
                }

                if (EnumOf(described) is { } enumType)
                {
                    concrete.Description = $"{concrete.Description?.TrimEnd('.')}. One of: {string.Join(", ", Enum.GetNames(enumType))}.".TrimStart('.', ' ');
                }
            }
        }

        return Task.CompletedTask;
    }

    /// <summary>
    /// An id the table does not know, named by what it identifies: <c>personId</c> is a person's id; a route's bare
    /// <c>{id}</c> is the id of what the segment before it names (<c>organisations/{id}</c>, an organisation's).
    /// </summary>
    private static string? IdDescription(string? path, string name)
    {
        if (name.Length > 2 && name.EndsWith("Id", StringComparison.Ordinal))
        {
            return $"The {Words(name[..^2])}'s id.";
        }

        var segments = (path ?? "").Split('/');
        var at = Array.FindIndex(segments, s => s.Trim('{', '}').Split(':')[0] == name);
        return name == "id" && at >= 1 ? $"The {segments[at - 1].TrimEnd('s').Replace('-', ' ')}'s id." : null;
    }

    private static string Words(string camelCase) =>
        string.Concat(camelCase.Select((c, i) => char.IsUpper(c) && i > 0 ? $" {char.ToLowerInvariant(c)}" : char.ToLowerInvariant(c).ToString()));

    private static Type? EnumOf(ApiParameterDescription? described) =>
        described?.Type is { } type && (Nullable.GetUnderlyingType(type) ?? type) is { IsEnum: true } enumType ? enumType : null;
}

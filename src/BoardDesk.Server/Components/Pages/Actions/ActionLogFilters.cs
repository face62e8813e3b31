using BoardDesk.Actions;
using BoardDesk.Organisations;
using BoardDesk.Server.Components.Shared;
using BoardDesk.Server.Infrastructure;

namespace BoardDesk.Server.Components.Pages.Actions;

/// <summary>
/// The action log's filters as the address gives them: read and checked once, then turned into the log's query, the
/// address of another page of the same view, and words for the printed log.
/// </summary>
public sealed class ActionLogFilters
{
    public string? BoardId { get; private init; }

    public string? Owner { get; private init; }

    public string? Organisation { get; private init; }

    public ActionStatus? Status { get; private init; }

    public ActionSourceKind? Source { get; private init; }

    public bool? Overdue { get; private init; }

    /// <summary>Whether an organisation's filter takes in what it inherited (the default).</summary>
    public bool Inherited { get; private init; } = true;

    /// <summary>The page asked for, from 1.</summary>
    public int Page { get; private init; } = 1;

    /// <summary>Whether any filter narrows the view.</summary>
    public bool Filtered => BoardId is not null || Owner is not null || Organisation is not null || !Inherited || Status is not null || Source is not null || Overdue is not null;

    /// <summary>
    /// Reads the filters of the address; on My actions there is no owner filter. Values that make no sense are
    /// named in <paramref name="problems"/> and read as no filter.
    /// </summary>
    public static ActionLogFilters Read(
        bool mine,
        string? boardId,
        string? owner,
        string? organisation,
        string? status,
        string? source,
        string? overdue,
        string? inherited,
        string? page,
        IReadOnlyDictionary<string, OrganisationDetails> organisations,
        List<string> problems)
    {
        if (!TryChoice(status, out ActionStatus? statusChoice))
        {
            problems.Add("Choose a status from the list.");
        }

        if (!TryChoice(source, out ActionSourceKind? sourceChoice))
        {
            problems.Add("Choose a source from the list.");
        }

        bool? overdueOnly = null;
        if (Blank(overdue) is { } overdueText)
        {
            if (bool.TryParse(overdueText, out var parsed))
            {
                overdueOnly = parsed;
            }
            else
            {
                problems.Add("Overdue is true or false.");
            }
        }

        var withInherited = true;
        if (Blank(inherited) is { } inheritedText && !bool.TryParse(inheritedText, out withInherited))
        {
            problems.Add("Inherited is true or false.");
            withInherited = true;
        }

        var pageNumber = 1;
        if (Blank(page) is { } pageText && !(int.TryParse(pageText, System.Globalization.NumberStyles.None, Formats.English, out pageNumber) && pageNumber >= 1))
        {
            problems.Add("Pages are numbered from 1.");
            pageNumber = 1;
        }

        var organisationId = Blank(organisation);
        if (organisationId is not null && !organisations.ContainsKey(organisationId))
        {
            problems.Add($"There is no organisation '{organisationId}'.");
        }

        return new ActionLogFilters
        {
            BoardId = Blank(boardId),
            Owner = mine ? null : Blank(owner),
            Organisation = organisationId,
            Status = statusChoice,
            Source = sourceChoice,
            Overdue = overdueOnly,
            Inherited = withInherited,
            Page = pageNumber,
        };
    }

    /// <summary>The log's query for these filters: My actions are the reader's own, the log the boards they read.</summary>
    public ActionLogQuery Query(bool mine, string userName, IReadOnlySet<string> readable) => new()
    {
        BoardId = BoardId,
        Boards = mine ? null : readable,
        Owner = mine ? userName : Owner,
        OrganisationId = Organisation,
        IncludeInherited = Inherited,
        Status = Status,
        Overdue = Overdue,
        Source = Source,
    };

    /// <summary>The filters as a query string, with <paramref name="page"/> when it is past the first.</summary>
    public string QueryString(int? page)
    {
        var pairs = new List<KeyValuePair<string, string?>>();
        void Add(string key, string? value)
        {
            if (value is not null)
            {
                pairs.Add(KeyValuePair.Create(key, (string?)value));
            }
        }

        Add("boardId", BoardId);
        Add("owner", Owner);
        Add("organisation", Organisation);
        Add("inherited", Inherited ? null : "false");
        Add("status", Status?.ToString());
        Add("overdue", Overdue?.ToString().ToLowerInvariant());
        Add("source", Source?.ToString());
        Add("page", page is > 1 ? page.Value.ToString(Formats.English) : null);
        return Microsoft.AspNetCore.Http.QueryString.Create(pairs).ToString();
    }

    /// <summary>The filters in words, for the printed log.</summary>
    public string Summary(Func<string, string> boardName, Func<string, string> personName, Func<string, string> organisationName)
    {
        var parts = new List<string>();
        if (BoardId is not null)
        {
            parts.Add($"board: {boardName(BoardId)}");
        }

        if (Owner is not null)
        {
            parts.Add($"owner: {personName(Owner)}");
        }

        if (Organisation is not null)
        {
            parts.Add($"organisation: {organisationName(Organisation)}{(Inherited ? " (with what it inherited)" : " (as recorded)")}");
        }

        if (Status is { } status)
        {
            parts.Add($"status: {Formats.Status(status).ToLowerInvariant()}");
        }

        if (Source is { } source)
        {
            parts.Add($"source: {Formats.Source(source).ToLowerInvariant()}");
        }

        if (Overdue == true)
        {
            parts.Add("overdue only");
        }

        return parts.Count == 0 ? "Every action." : $"Filtered by {string.Join("; ", parts)}.";
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    /// <summary>Reads one of an enumeration's names (no numbers); nothing chosen is a valid choice of none.</summary>
    private static bool TryChoice<TEnum>(string? value, out TEnum? choice)
        where TEnum : struct, Enum
    {
        choice = null;
        if (Blank(value) is not { } name)
        {
            return true;
        }

        if (char.IsLetter(name[0]) && Enum.TryParse(name, ignoreCase: true, out TEnum parsed) && Enum.IsDefined(parsed))
        {
            choice = parsed;
            return true;
        }

        return false;
    }
}

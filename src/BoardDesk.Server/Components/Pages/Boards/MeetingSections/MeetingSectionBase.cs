using BoardDesk.Accounts;
using BoardDesk.Boards;
using BoardDesk.Meetings;
using BoardDesk.Persistence;
using BoardDesk.Server.Components.Shared;
using BoardDesk.Server.Infrastructure;
using Microsoft.AspNetCore.Components;

namespace BoardDesk.Server.Components.Pages.Boards.MeetingSections;

/// <summary>What the sections of the meeting page share: the meeting as the reader may see it, and its grain.</summary>
public abstract class MeetingSectionBase : SectionBase
{
    [Inject]
    protected IGrainFactory Grains { get; set; } = default!;

    /// <summary>The meeting, with what the reader may not see left out.</summary>
    [Parameter, EditorRequired]
    public MeetingDetails Details { get; set; } = null!;

    /// <summary>The board, for those who read or prepare its meetings; null for anyone else.</summary>
    [Parameter]
    public BoardDetails? Board { get; set; }

    /// <summary>Organisations' names by id.</summary>
    [Parameter]
    public IReadOnlyDictionary<string, string> OrganisationNames { get; set; } = new Dictionary<string, string>();

    /// <summary>The agenda in agenda order.</summary>
    protected IReadOnlyList<AgendaItem> Agenda { get; private set; } = [];

    /// <summary>Whether the reader prepares the board's meetings (the secretariat).</summary>
    protected bool Prepare => Allows(Permission.PrepareMeetings, Details.BoardId);

    protected IMeetingGrain Meeting => Grains.GetGrain<IMeetingGrain>($"{Details.BoardId}/{Details.MeetingId}");

    /// <summary>The people who may own an action of the board: anyone with a role on it but an observer.</summary>
    protected static async Task<IReadOnlyList<AccountDetails>> OwnersAsync(IReadModels readModels, string boardId) =>
        (await readModels.AllAsync<AccountDetails>())
            .Where(a => a.Enabled && a.BoardRoles.Any(g => g.BoardId == boardId && g.Role != BoardRole.Observer))
            .OrderBy(a => a.DisplayName, StringComparer.Ordinal)
            .ToList();

    protected override void OnParametersSet() => Agenda = Details.Agenda.OrderBy(i => i.Number).ToList();

    /// <summary>The meeting page's address, where a handled form sends the browser.</summary>
    protected string Here => $"/boards/{Details.BoardId}/meetings/{Details.MeetingId}";
}

using System.Globalization;
using BoardDesk.Decisions;
using BoardDesk.Grains;
using BoardDesk.Meetings;
using BoardDesk.Papers;
using BoardDesk.Persistence;

namespace BoardDesk.Server.Infrastructure;

/// <summary>
/// Ids people never type: a paper's from its short name or title and its meeting's month
/// (<c>strategy-update-2015-12</c>), a meeting's from its date (<c>2015-12-11</c>, a second one that day
/// <c>2015-12-11-2</c>), a decision's from its meeting and item (<c>ldib-2015-12-11-item-5</c>) or, by written
/// procedure, from its closing date and motion. A taken id gets the next free suffix; the grain that finds itself
/// already created (another request won the id in the meantime) sends the create on to the next one.
/// </summary>
public static class NewIds
{
    private const int Attempts = 10;

    /// <summary>The stem of a paper's id: the short name given, else the title with the meeting's month; empty when neither has a letter or digit.</summary>
    public static string PaperStem(string? shortName, string? title, DateOnly? meetingDate)
    {
        var named = Slug.From(shortName);
        if (named.Length > 0)
        {
            return named;
        }

        var fromTitle = Slug.From(title, 48);
        return fromTitle.Length == 0 || meetingDate is not { } date ? fromTitle : $"{fromTitle}-{date.ToString("yyyy-MM", CultureInfo.InvariantCulture)}";
    }

    /// <summary>The stem of a meeting's id: its date.</summary>
    public static string MeetingStem(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>The stem of a decision's id: its meeting and item, or (by written procedure) its closing date and motion.</summary>
    public static string DecisionStem(string boardId, ProposeDecision proposal) =>
        proposal.MeetingId is { } meetingId && proposal.AgendaItemId is { } itemId
            ? $"{boardId}-{meetingId}-item-{itemId.ToString(CultureInfo.InvariantCulture)}"
            : $"{boardId}-{UkTime.DateOf(proposal.ClosesAt ?? DateTimeOffset.UtcNow).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}-{Slug.From(proposal.Motion, 30)}".TrimEnd('-');

    /// <summary>Creates a paper under the first free id from <paramref name="stem"/>.</summary>
    public static async Task<PaperDetails> CreatePaperAsync(IGrainFactory grains, IReadModels readModels, string stem, Func<IPaperGrain, Task<PaperDetails>> create)
    {
        var taken = (await readModels.AllAsync<PaperDetails>()).Select(p => p.Id).ToHashSet(StringComparer.Ordinal);
        return await FirstFreeAsync(stem, taken, id => create(grains.GetGrain<IPaperGrain>(id)),
            id => GrainQueries.ExistsAsync(() => grains.GetGrain<IPaperGrain>(id).GetAsync()));
    }

    /// <summary>Schedules a meeting of <paramref name="boardId"/> on <paramref name="date"/> under the first free id of that day.</summary>
    public static async Task<MeetingDetails> ScheduleMeetingAsync(IGrainFactory grains, IReadModels readModels, string boardId, DateOnly date, ScheduleMeeting command)
    {
        var taken = (await readModels.AllAsync<MeetingDetails>()).Where(m => m.BoardId == boardId).Select(m => m.MeetingId).ToHashSet(StringComparer.Ordinal);
        return await FirstFreeAsync(MeetingStem(date), taken, id => grains.GetGrain<IMeetingGrain>($"{boardId}/{id}").ScheduleAsync(command),
            id => GrainQueries.ExistsAsync(() => grains.GetGrain<IMeetingGrain>($"{boardId}/{id}").GetAsync()));
    }

    /// <summary>Proposes a decision of <paramref name="boardId"/> under the first free id from its meeting and item or motion.</summary>
    public static async Task<DecisionDetails> ProposeDecisionAsync(IGrainFactory grains, IReadModels readModels, string boardId, ProposeDecision proposal)
    {
        var taken = (await readModels.AllAsync<DecisionDetails>()).Select(d => d.Id).ToHashSet(StringComparer.Ordinal);
        return await FirstFreeAsync(DecisionStem(boardId, proposal), taken, id => grains.GetGrain<IDecisionGrain>(id).ProposeAsync(boardId, proposal),
            id => GrainQueries.ExistsAsync(() => grains.GetGrain<IDecisionGrain>(id).GetAsync()));
    }

    private static async Task<T> FirstFreeAsync<T>(string stem, HashSet<string> taken, Func<string, Task<T>> create, Func<string, Task<bool>> exists)
    {
        for (var attempt = 1; ; attempt++)
        {
            var id = Slug.FirstFree(stem, taken.Contains);
            try
            {
                return await create(id);
            }
            catch (ConflictException) when (attempt < Attempts)
            {
                if (!await exists(id))
                {
                    throw;
                }

                // The read model had not seen it yet, or another request took the id first.
                taken.Add(id);
            }
        }
    }
}

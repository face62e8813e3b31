using BoardDesk.Grains;
using BoardDesk.Interests;
using BoardDesk.Meetings;

namespace BoardDesk.Server.Infrastructure;

/// <summary>
/// Turns a proposed conflict into a declaration at the meeting, in one step, for the API and the pages alike: the
/// person declares as the seat or deputy they sit under, so that the chair's decision applies to their vote.
/// </summary>
public static class ConflictDeclarations
{
    /// <summary>Declares the proposed conflict for the interest on the item; refused when none is proposed for the caller.</summary>
    public static async Task<MeetingDetails> DeclareAsync(IGrainFactory grains, string boardId, string meetingId, int agendaItemId, int interestId, string personId)
    {
        var meeting = grains.GetGrain<IMeetingGrain>($"{boardId}/{meetingId}");
        var conflict = (await meeting.GetProposedConflictsAsync()).FirstOrDefault(c =>
                c.AgendaItemId == agendaItemId && c.InterestId == interestId && string.Equals(c.PersonId, personId, StringComparison.OrdinalIgnoreCase))
            ?? throw new NotFoundException($"No conflict is proposed for interest {interestId} on agenda item {agendaItemId}.");
        var category = ConflictMatcher.Words(conflict.Category);
        return await meeting.DeclareInterestAsync(new DeclareInterest
        {
            AgendaItemId = conflict.AgendaItemId,
            Name = conflict.Name,
            Interest = $"{char.ToUpperInvariant(category[0])}{category[1..]} interest: {conflict.Interest}",
            PersonId = conflict.PersonId,
            InterestId = conflict.InterestId,
        });
    }

    /// <summary>How a declaration is managed, in words for the page and the minutes.</summary>
    public static string Describe(DeclarationManagement? management) => management switch
    {
        DeclarationManagement.MayTakePart => "May take part in the discussion and the vote",
        DeclarationManagement.TakesNoPartInTheVote => "Takes part in the discussion, not in the vote",
        DeclarationManagement.TakesNoPartInDiscussionOrVote => "Takes no part in the discussion or the vote",
        DeclarationManagement.LeavesTheRoom => "Leaves the room for the item",
        _ => "Not yet decided by the chair (recused from the item's votes until then)",
    };
}

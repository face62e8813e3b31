using BoardDesk.Meetings;
using BoardDesk.Organisations;
using BoardDesk.Recommendations;

namespace BoardDesk.Interests;

/// <summary>
/// Matches what agenda items concern against the standing registers of the people expected at a meeting. An
/// organisation matches through its lineage on the meeting's date: an interest in Monitor concerns an item about NHS
/// Improvement once Monitor merged into it, and the other way round, because both resolve to the same body then. A
/// company or a person matches the name an interest gives (an indirect interest names the close associate).
/// </summary>
public sealed class ConflictMatcher(IEnumerable<OrganisationDetails> organisations)
{
    private readonly Dictionary<string, OrganisationDetails> _organisations = organisations.ToDictionary(o => o.Id, StringComparer.Ordinal);
    private readonly OwnershipLineage _lineage = new(organisations);

    /// <summary>The proposed conflicts, in agenda order then by person.</summary>
    public IReadOnlyList<ProposedConflict> Match(
        MeetingDetails meeting,
        IReadOnlyList<(string PersonId, string Name, InterestRegisterDetails Register)> people)
    {
        var conflicts = new List<ProposedConflict>();
        foreach (var item in meeting.Agenda)
        {
            foreach (var (personId, name, register) in people)
            {
                foreach (var interest in register.Interests.Where(i => i.CurrentOn(meeting.Date)))
                {
                    if (item.Concerns.Select(c => Explain(c, interest, meeting.Date)).FirstOrDefault(e => e is not null) is not { } why)
                    {
                        continue;
                    }

                    conflicts.Add(new ProposedConflict
                    {
                        AgendaItemId = item.Id,
                        ItemNumber = item.Number,
                        ItemTitle = item.Title,
                        PersonId = personId,
                        Name = name,
                        InterestId = interest.Id,
                        Category = interest.Category,
                        Interest = interest.Description,
                        Concern = why.Concern,
                        Explanation = $"You declared {Article(interest.Category)} {Words(interest.Category)} interest in {why.Subject}; item {item.Number} concerns {why.Concern}{why.Lineage}.",
                        Declared = meeting.Declarations.Any(d => d.AgendaItemId == item.Id && d.InterestId == interest.Id && string.Equals(d.PersonId, personId, StringComparison.OrdinalIgnoreCase)),
                    });
                }
            }
        }

        return conflicts;
    }

    /// <summary>The category in words, as a sentence uses it ("non-financial professional").</summary>
    public static string Words(InterestCategory category) => category switch
    {
        InterestCategory.Financial => "financial",
        InterestCategory.NonFinancialProfessional => "non-financial professional",
        InterestCategory.NonFinancialPersonal => "non-financial personal",
        _ => "indirect",
    };

    private static string Article(InterestCategory category) => category == InterestCategory.Indirect ? "an" : "a";

    private sealed record Reason(string Subject, string Concern, string Lineage);

    private Reason? Explain(ItemConcern concern, InterestEntry interest, DateOnly on)
    {
        switch (concern.Kind)
        {
            case ConcernKind.Organisation when concern.Id is { } concerned && interest.OrganisationId is { } held:
                var concernedNow = _lineage.Resolve(new OwnerRef(concerned), on).OrganisationId;
                var heldNow = _lineage.Resolve(new OwnerRef(held), on).OrganisationId;
                if (held != concerned && concernedNow != heldNow)
                {
                    return null;
                }

                var lineage = held == concerned ? ""
                    : heldNow == concerned ? $" ({Name(held, on)} is now part of {Name(concerned, on)})"
                    : concernedNow == held ? $" ({Name(concerned, on)} is now part of {Name(held, on)})"
                    : $" (both are now part of {Name(heldNow, on)})";
                return new Reason(Name(held, on), Name(concerned, on), lineage);
            case ConcernKind.Company or ConcernKind.Person when SameName(concern.Name, interest.CompanyName):
                return new Reason(interest.CompanyName!, concern.Name, "");
            default:
                return null;
        }
    }

    private string Name(string organisationId, DateOnly on) =>
        _organisations.TryGetValue(organisationId, out var organisation) ? OwnershipLineage.NameOn(organisation, on) : organisationId;

    private static bool SameName(string? a, string? b) =>
        !string.IsNullOrWhiteSpace(a) && string.Equals(a.Trim(), b?.Trim(), StringComparison.OrdinalIgnoreCase);
}

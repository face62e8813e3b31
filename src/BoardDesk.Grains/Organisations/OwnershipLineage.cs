using BoardDesk.Recommendations;

namespace BoardDesk.Organisations;

/// <summary>
/// Resolves a recorded owner to the organisation that owns its work now, or on a date, by following the lineage
/// the organisations record: a function transfer moves what was owned through that function; a merger moves
/// everything to the merged body; a cessation moves the function to its named successor and everything else to
/// the general successor. Built from the organisation documents for one query; answers are memoised.
/// </summary>
public sealed class OwnershipLineage(IEnumerable<OrganisationDetails> organisations)
{
    // Lineage is short (a handful of steps); the bound is a guard against a malformed cycle of links.
    private const int MaxSteps = 32;

    private readonly Dictionary<string, OrganisationDetails> _organisations = organisations.ToDictionary(o => o.Id, StringComparer.Ordinal);
    private readonly Dictionary<(OwnerRef Owner, DateOnly? On, DateOnly Since), ResolvedOwner> _resolved = [];

    /// <summary>
    /// The organisation that owns <paramref name="owner"/>'s work now (null <paramref name="on"/>) or on a date. A
    /// function transfer counts only if it took effect on or after <paramref name="assignedOn"/>, the date the owner
    /// was assigned, and after the function arrived where the lineage has got to: so an owner assigned after a
    /// function moved, or a function that moves back, resolves to where the function is.
    /// </summary>
    public ResolvedOwner Resolve(OwnerRef owner, DateOnly? on = null, DateOnly? assignedOn = null)
    {
        var since = assignedOn ?? DateOnly.MinValue;
        if (_resolved.TryGetValue((owner, on, since), out var known))
        {
            return known;
        }

        var id = owner.OrganisationId;
        var arrived = since;
        var steps = 0;
        while (steps < MaxSteps && _organisations.TryGetValue(id, out var organisation) && NextStep(organisation, owner.Function, on, arrived) is { } next)
        {
            (id, arrived) = next;
            steps++;
        }

        var name = _organisations.TryGetValue(id, out var found) ? NameOn(found, on) : id;
        return _resolved[(owner, on, since)] = new ResolvedOwner(id, name, steps > 0);
    }

    /// <summary>
    /// <paramref name="organisationId"/> and every organisation whose successors lead to it, however many steps back:
    /// the only recorded owners whose work can resolve to it, whatever the function or date.
    /// </summary>
    public IReadOnlySet<string> PredecessorsOf(string organisationId)
    {
        var found = new HashSet<string>(StringComparer.Ordinal) { organisationId };
        var frontier = new Queue<string>([organisationId]);
        while (frontier.TryDequeue(out var next))
        {
            foreach (var organisation in _organisations.Values)
            {
                if (organisation.Successors.Any(l => l.OrganisationId == next) && found.Add(organisation.Id))
                {
                    frontier.Enqueue(organisation.Id);
                }
            }
        }

        return found;
    }

    /// <summary>
    /// Whether every owner recorded against <paramref name="organisationId"/> resolves now to the same organisation,
    /// whatever its function and the date it was assigned: true when no link on the way from it (its own, its
    /// successors', and so on) moves or names a function, for then <see cref="Resolve"/> looks at neither.
    /// </summary>
    public bool ResolvesAlike(string organisationId)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal) { organisationId };
        var frontier = new Queue<string>([organisationId]);
        while (frontier.TryDequeue(out var next))
        {
            if (!_organisations.TryGetValue(next, out var organisation))
            {
                continue;
            }

            foreach (var link in organisation.Successors)
            {
                if (link.Reason == LineageReason.FunctionTransfer || link.Function is not null)
                {
                    return false;
                }

                if (seen.Add(link.OrganisationId))
                {
                    frontier.Enqueue(link.OrganisationId);
                }
            }
        }

        return true;
    }

    /// <summary>The organisation's name on a date: the former name in use then, or its current name.</summary>
    public static string NameOn(OrganisationDetails organisation, DateOnly? on) =>
        on is { } date && organisation.FormerNames.FirstOrDefault(f => f.Until > date) is { } former ? former.Name : organisation.Name;

    private static (string Id, DateOnly Arrived)? NextStep(OrganisationDetails organisation, string? function, DateOnly? on, DateOnly arrived)
    {
        bool InForce(OrganisationLink link) => on is null || link.EffectiveOn <= on;
        bool Carries(OrganisationLink link) => function is not null && link.Function is not null && OrganisationState.SameFunction(link.Function, function);

        // The first time the function left after it arrived here.
        if (organisation.Successors.Where(l => l.Reason == LineageReason.FunctionTransfer && InForce(l) && Carries(l) && l.EffectiveOn >= arrived)
                .MinBy(l => l.EffectiveOn) is { } transfer)
        {
            return (transfer.OrganisationId, transfer.EffectiveOn);
        }

        var closing = organisation.Successors.Where(l => l.Reason != LineageReason.FunctionTransfer && InForce(l)).ToList();
        return (closing.Find(l => l.Reason == LineageReason.Merger)
            ?? closing.Find(Carries)
            ?? closing.Find(l => l.Function is null)
            ?? closing.FirstOrDefault()) is { } successor
            ? (successor.OrganisationId, successor.EffectiveOn)
            : null;
    }
}

using BoardDesk.Boards;
using BoardDesk.Grains;

namespace BoardDesk.Meetings;

/// <summary>
/// Decides whether a meeting is quorate: a member organisation counts when one of its voting members is present or
/// deputised for; the chair or vice-chair counts only in person, because a deputy does not take the chair.
/// </summary>
public static class QuorumCalculator
{
    /// <summary>Checks the attendance against the board's members; names every line at fault.</summary>
    public static void Validate(IReadOnlyList<BoardMember> members, IReadOnlyList<Attendee> attendees)
    {
        var errors = new FieldErrors();
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var deputised = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < attendees.Count; i++)
        {
            var attendee = attendees[i];
            var field = $"attendees[{i}]";
            if (attendee is null)
            {
                errors.Add(field, "The line is empty.");
                continue;
            }

            var name = errors.Text($"{field}.name", attendee.Name, 200, required: true);
            if (!Enum.IsDefined(attendee.Kind))
            {
                errors.Add($"{field}.kind", $"'{attendee.Kind}' is not a kind of attendance.");
            }

            if (name.Length > 0 && !seen.Add(name))
            {
                errors.Add($"{field}.name", $"'{name}' is listed twice.");
            }

            var member = Find(members, name);
            switch (attendee.Kind)
            {
                case AttendanceKind.Present or AttendanceKind.Apologies when member is null && name.Length > 0:
                    errors.Add($"{field}.name", $"'{name}' is not a member of the board; list them as a deputy or as in attendance.");
                    break;
                case AttendanceKind.Deputy when Find(members, attendee.DeputyFor) is null:
                    errors.Add($"{field}.deputyFor", "A deputy stands in for a member of the board; name the member.");
                    break;
                case AttendanceKind.Deputy when !deputised.Add(attendee.DeputyFor!.Trim()):
                    errors.Add($"{field}.deputyFor", $"'{attendee.DeputyFor}' has more than one deputy.");
                    break;
            }

            if (attendee.Kind != AttendanceKind.Deputy && attendee.DeputyFor is not null)
            {
                errors.Add($"{field}.deputyFor", "Only a deputy stands in for someone.");
            }

            if (attendee.OrganisationId is not null && !Slug.IsValid(attendee.OrganisationId))
            {
                errors.Add($"{field}.organisationId", "An organisation id is a lowercase slug.");
            }
        }

        foreach (var deputisedFor in deputised)
        {
            if (attendees.Any(a => a?.Kind == AttendanceKind.Present && string.Equals(a.Name?.Trim(), deputisedFor, StringComparison.OrdinalIgnoreCase)))
            {
                errors.Add("attendees", $"'{deputisedFor}' is present and also has a deputy.");
            }
        }

        errors.ThrowIfAny();
    }

    /// <summary>Assesses the quorum of a valid attendance.</summary>
    public static QuorumAssessment Assess(QuorumRule rule, IReadOnlyList<BoardMember> members, IReadOnlyList<Attendee> attendees)
    {
        var represented = new List<string>();
        var chairPresent = false;
        foreach (var attendee in attendees)
        {
            var member = attendee.Kind switch
            {
                AttendanceKind.Present => Find(members, attendee.Name),
                AttendanceKind.Deputy => Find(members, attendee.DeputyFor),
                _ => null,
            };
            if (member is null)
            {
                continue;
            }

            if (member.Voting && !represented.Contains(member.OrganisationId))
            {
                represented.Add(member.OrganisationId);
            }

            chairPresent |= attendee.Kind == AttendanceKind.Present && member.Office is BoardOffice.Chair or BoardOffice.ViceChair;
        }

        var enough = represented.Count >= rule.MinimumOrganisations;
        var chairOk = !rule.RequiresChairOrViceChair || chairPresent;
        var counted = $"{represented.Count} member organisation{(represented.Count == 1 ? "" : "s")} represented ({(represented.Count == 0 ? "none" : string.Join(", ", represented))}) of the {rule.MinimumOrganisations} required";
        var chair = rule.RequiresChairOrViceChair
            ? chairPresent ? "the chair or vice-chair is present" : "neither the chair nor the vice-chair is present"
            : "the rule does not require the chair";
        return new QuorumAssessment
        {
            Met = enough && chairOk,
            OrganisationsRepresented = represented,
            OrganisationsRequired = rule.MinimumOrganisations,
            ChairOrViceChairPresent = chairPresent,
            Explanation = $"{(enough && chairOk ? "Quorate" : "Not quorate")}: {counted}; {chair}.",
        };
    }

    private static BoardMember? Find(IReadOnlyList<BoardMember> members, string? name) =>
        name is null ? null : members.FirstOrDefault(m => string.Equals(m.Name, name.Trim(), StringComparison.OrdinalIgnoreCase));
}

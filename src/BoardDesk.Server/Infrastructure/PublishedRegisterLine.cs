namespace BoardDesk.Server.Infrastructure;

/// <summary>
/// One line of a board's published register of interests: an interest or a gift of a person on the board. A
/// withheld entry shows the person, the kind of entry and the reason category, nothing else.
/// </summary>
/// <param name="Person">The name the person sits under on the board.</param>
/// <param name="Organisation">The organisation they represent.</param>
/// <param name="Kind">"Interest" or "Gift or hospitality".</param>
/// <param name="Category">The interest's category in words, or "accepted" / "declined" for a gift.</param>
/// <param name="Description">What it is; "Withheld" for an entry not published.</param>
/// <param name="Concerning">The organisation, company or giver concerned.</param>
/// <param name="Role">The person's role in it.</param>
/// <param name="Dates">From and to, or the date of a gift, in words.</param>
/// <param name="Management">How it is managed; for a gift, its estimated value.</param>
/// <param name="Withheld">For an entry not published, the reason category; otherwise null.</param>
public sealed record PublishedRegisterLine(
    string Person,
    string Organisation,
    string Kind,
    string Category,
    string Description,
    string Concerning,
    string Role,
    string Dates,
    string Management,
    string? Withheld);

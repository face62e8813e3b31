using Bogus;
using BoardDesk.Meetings;
using BoardDesk.Papers;

namespace BoardDesk.Testing;

/// <summary>Fake paper content for the given sponsoring organisation.</summary>
public sealed class PaperFaker : Faker<PaperContent>
{
    /// <summary>Creates the faker; seeded, so that failures repeat.</summary>
    public PaperFaker(string sponsoringOrganisationId = "monitor", int seed = 2015)
    {
        UseSeed(seed);
        CustomInstantiator(f => new PaperContent
        {
            Title = f.Lorem.Sentence(6).TrimEnd('.'),
            Purpose = f.PickRandom<AgendaPurpose>(),
            Author = f.Name.FullName(),
            AuthorTitle = f.Name.JobTitle(),
            SponsoringOrganisationId = sponsoringOrganisationId,
            Date = DateOnly.FromDateTime(f.Date.Between(new DateTime(2015, 1, 1), new DateTime(2015, 12, 31))),
            Summary = f.Lorem.Paragraph(),
            Body = string.Join("\n\n", f.Lorem.Paragraphs(5, "\n\n").Split("\n\n").Select((p, i) => $"{i + 1}. {p}")),
            Recommendations = [f.Lorem.Sentence(), f.Lorem.Sentence()],
            References = [f.Lorem.Sentence()],
        });
    }
}

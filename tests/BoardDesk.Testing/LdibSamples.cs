using System.Text.Json;
using BoardDesk.Boards;
using BoardDesk.Grains;
using BoardDesk.Organisations;
using BoardDesk.Persistence;

namespace BoardDesk.Testing;

/// <summary>The sample organisations and boards (LDIB, NQB) of <c>samples/ldib-2015</c>, created through the grains.</summary>
public static class LdibSamples
{
    /// <summary>The samples folder.</summary>
    public static string Folder => Path.Combine(RepositoryPaths.Root, "samples", "ldib-2015");

    /// <summary>Creates the seven organisations and the two boards.</summary>
    public static async Task CreateBoardsAsync(IGrainFactory grains)
    {
        foreach (var organisation in Read<SampleOrganisation>("organisations.json"))
        {
            await grains.GetGrain<IOrganisationGrain>(organisation.Id).CreateAsync(new CreateOrganisation(organisation.Name, organisation.Kind));
        }

        foreach (var board in Read<SampleBoard>("boards.json"))
        {
            await grains.GetGrain<IBoardGrain>(board.Id).CreateAsync(new DefineBoard
            {
                Name = board.Name,
                TermsOfReference = board.TermsOfReference,
                Members = board.Members,
                Secretariat = board.Secretariat,
                Quorum = board.Quorum,
                PaperDeadlineDays = board.PaperDeadlineDays,
            });
        }
    }

    /// <summary>The LDIB's members as the sample defines them.</summary>
    public static IReadOnlyList<BoardMember> LdibMembers => Read<SampleBoard>("boards.json").Single(b => b.Id == "ldib").Members;

    private static List<T> Read<T>(string file) =>
        JsonSerializer.Deserialize<List<T>>(File.ReadAllText(Path.Combine(Folder, file)), JournalJson.Options)!;

    private sealed record SampleOrganisation(string Id, string Name, OrganisationKind Kind);

    private sealed record SampleBoard(string Id, string Name, string TermsOfReference, IReadOnlyList<BoardMember> Members, string Secretariat, QuorumRule Quorum, int PaperDeadlineDays);
}

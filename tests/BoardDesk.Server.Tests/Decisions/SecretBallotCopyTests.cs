using System.Net;
using System.Text;
using BoardDesk.Decisions;
using BoardDesk.Testing;
using Microsoft.Data.Sqlite;

namespace BoardDesk.Server.Tests.Decisions;

/// <summary>
/// Someone who copies the data folder (database, write-ahead log and shared memory, as a backup or a stolen disk
/// would) at any moment of a secret vote must learn nothing the published tally does not say.
/// </summary>
public sealed class SecretBallotCopyTests : IDisposable
{
    private const string DecisionId = "ldib-2015-10-23-secret-copy";
    private readonly TemporaryFolder _folder = new();
    private readonly TemporaryFolder _copies = new();

    public void Dispose()
    {
        _folder.Dispose();
        _copies.Dispose();
    }

    [Fact]
    public async Task ShouldHoldNoChoiceInTheClearAndNothingToMatchAcrossCopies_WhenTheDataFolderIsCopiedDuringAndAfterASecretVote()
    {
        var ballots = new (string Organisation, string Voter, VoteChoice Choice)[]
        {
            ("nhs-england", "NHS England representative", VoteChoice.For),
            ("monitor", "Monitor representative", VoteChoice.Against),
            ("nhs-tda", "NHS Trust Development Authority deputy", VoteChoice.Abstain),
            ("phe", "Public Health England representative", VoteChoice.Against),
            ("cqc", "Care Quality Commission representative", VoteChoice.For),
        };
        var copies = new List<string>();
        await using (var api = BoardDeskApi.OnFreshData(_folder, LdibBoard.Settings))
        {
            var ldib = new LdibBoard(api);
            await ldib.SignInAsync();
            await ldib.HoldMeetingAsync();
            await LdibBoard.PostAsync<DecisionDetails>(ldib.Operator, "/api/boards/ldib/decisions", new
            {
                decisionId = DecisionId,
                meetingId = LdibBoard.MeetingId,
                agendaItemId = ldib.ItemId,
                motion = "The intensive support teams will be hosted by NHS Improvement.",
                method = "SimpleMajority",
                ballot = "Secret",
                unit = "Organisation",
            }, HttpStatusCode.Created);
            await LdibBoard.PostAsync<DecisionDetails>(ldib.Chair, $"/api/decisions/{DecisionId}/open", null);
            copies.Add(CopyDataFolder("opened"));
            foreach (var (organisation, voter, choice) in ballots)
            {
                await LdibBoard.PostAsync<DecisionDetails>(ldib.ClientFor(organisation, voter), $"/api/decisions/{DecisionId}/ballots", new { voter, choice = choice.ToString() });
                copies.Add(CopyDataFolder($"after-{organisation}"));
            }

            var closed = await LdibBoard.PostAsync<DecisionDetails>(ldib.Chair, $"/api/decisions/{DecisionId}/close", new { });
            closed.Count.Should().Be(new VoteCount(2, 2, 1), "counting decrypts every sealed choice");
            copies.Add(CopyDataFolder("closed"));
        }

        copies.Add(CopyDataFolder("shut-down"));

        foreach (var copy in copies)
        {
            foreach (var file in Directory.GetFiles(copy))
            {
                var bytes = await File.ReadAllBytesAsync(file);
                foreach (var choice in new[] { "Against", "Abstain" })
                {
                    bytes.AsSpan().IndexOf(Encoding.UTF8.GetBytes(choice)).Should().Be(-1, $"{Path.GetFileName(copy)}/{Path.GetFileName(file)} holds no choice in the clear");
                }
            }
        }

        var states = copies.Take(1 + ballots.Length).Select(SealedRows).ToList();
        states[0].Should().BeEmpty("nobody has voted when voting opens");
        for (var i = 1; i < states.Count; i++)
        {
            states[i].Should().HaveCount(i, "the box holds one value per ballot cast, and nothing else");
            states[i].Should().OnlyContain(row => row.IsBlob && row.Length == states[1][0].Length, "every value is an encrypted blob of one length, For as long as Against");
        }

        for (var i = 1; i < states.Count; i++)
        {
            states[i].Select(r => r.Hex).Intersect(states[i - 1].Select(r => r.Hex)).Should().BeEmpty(
                "each rewrite encrypts every value afresh, so a value cannot be followed from one copy to the next to learn when it came");
        }

        SealedRows(copies[^1]).Should().BeEmpty("the box is emptied when the vote closes");
    }

    /// <summary>Copies the database with its write-ahead log and shared memory, as they are at this moment.</summary>
    private string CopyDataFolder(string name)
    {
        var target = Directory.CreateDirectory(Path.Combine(_copies.Path, name)).FullName;
        foreach (var file in new[] { "boarddesk.db", "boarddesk.db-wal", "boarddesk.db-shm" }.Select(f => Path.Combine(_folder.Path, f)).Where(File.Exists))
        {
            using var source = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            using var copy = File.Create(Path.Combine(target, Path.GetFileName(file)));
            source.CopyTo(copy);
        }

        return target;
    }

    /// <summary>The sealed rows of the decision in a copy, read the way anyone holding the copy could.</summary>
    private static List<(bool IsBlob, int Length, string Hex)> SealedRows(string copy)
    {
        var rows = new List<(bool, int, string)>();
        var scratch = Path.Combine(copy, "read");
        Directory.CreateDirectory(scratch);
        foreach (var file in Directory.GetFiles(copy))
        {
            File.Copy(file, Path.Combine(scratch, Path.GetFileName(file)));
        }

        using var connection = new SqliteConnection($"Data Source={Path.Combine(scratch, "boarddesk.db")};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT value FROM sealed WHERE grain = $grain";
        command.Parameters.AddWithValue("$grain", $"decision/{DecisionId}");
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            var blob = reader.GetFieldType(0) == typeof(byte[]);
            var bytes = blob ? (byte[])reader.GetValue(0) : Encoding.UTF8.GetBytes(reader.GetString(0));
            rows.Add((blob, bytes.Length, Convert.ToHexString(bytes)));
        }

        return rows;
    }
}

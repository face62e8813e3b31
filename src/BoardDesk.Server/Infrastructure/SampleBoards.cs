using System.Text.Json;
using BoardDesk.Boards;
using BoardDesk.Grains;
using BoardDesk.Persistence;
using BoardDesk.Persistence.Storage;
using Microsoft.Extensions.Options;

namespace BoardDesk.Server.Infrastructure;

/// <summary>
/// Loads the sample boards (<c>samples/ldib-2015/boards.json</c>: the LDIB and the NQB) on a start that finds no board.
/// It is registered after <see cref="SampleData"/>, so the organisations the members come from exist by then; it is a
/// service of its own so that the boards do not depend on how the other samples are read.
/// </summary>
internal sealed class SampleBoards(
    IGrainFactory grains,
    IJournalStore store,
    IOptions<BoardDeskOptions> options,
    [FromKeyedServices(BoardDeskClock.Key)] TimeProvider clock,
    ILogger<SampleBoards> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (options.Value.Samples == SampleLoad.None || (await store.ListGrainsAsync("board", cancellationToken)).Count > 0)
        {
            return;
        }

        await using var file = File.OpenRead(Path.Combine(SampleData.Folder, "boards.json"));
        var boards = await JsonSerializer.DeserializeAsync<List<SampleBoard>>(file, JournalJson.Options, cancellationToken)
            ?? throw new InvalidDataException("The sample file boards.json is empty.");
        using (ActingUser.Begin(ActingUser.System))
        using (SampleData.On(options.Value, clock, SampleData.BoardsRecordedAt.AddMinutes(30)))
        {
            foreach (var board in boards)
            {
                try
                {
                    await grains.GetGrain<IBoardGrain>(board.Id).CreateAsync(new DefineBoard
                    {
                        Name = board.Name,
                        TermsOfReference = board.TermsOfReference,
                        Members = board.Members,
                        Secretariat = board.Secretariat,
                        Quorum = board.Quorum,
                        PaperDeadlineDays = board.PaperDeadlineDays,
                        TrackedReviews = board.TrackedReviews ?? [],
                    });
                }
                catch (ConflictException)
                {
                    // Created by an earlier, interrupted start.
                }
            }
        }

        logger.LogInformation("Loaded the sample boards: {Boards}", string.Join(", ", boards.Select(b => b.Id)));
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private sealed record SampleBoard(string Id, string Name, string TermsOfReference, IReadOnlyList<BoardMember> Members, string Secretariat, QuorumRule Quorum, int PaperDeadlineDays, IReadOnlyList<string>? TrackedReviews = null);
}

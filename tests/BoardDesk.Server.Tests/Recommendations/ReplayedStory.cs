using BoardDesk.Testing;

namespace BoardDesk.Server.Tests.Recommendations;

/// <summary>A fresh server that replayed the 2015–16 story on its first start, shared by the tests that read it.</summary>
public sealed class ReplayedStory : IAsyncLifetime
{
    private readonly TemporaryFolder _folder = new();

    /// <summary>The server; the replay is done before it answers its first request.</summary>
    public BoardDeskApi Api { get; private set; } = null!;

    public Task InitializeAsync()
    {
        Api = BoardDeskApi.OnFreshData(_folder, Ldib2015StoryTests.Story);
        _ = Api.Server;
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await Api.DisposeAsync();
        _folder.Dispose();
    }
}

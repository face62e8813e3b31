using BoardDesk.Persistence.Tests.TestGrains;
using BoardDesk.Testing;

namespace BoardDesk.Persistence.Tests;

/// <summary>Starts an Orleans test cluster with the test grains on a fresh SQLite file.</summary>
internal static class RuntimeFixture
{
    public static Task<GrainHost> StartAsync(TemporaryFolder folder, Action<RuntimeOptions>? configure = null) =>
        GrainHost.StartAsync(folder.File("journal.db"), configure, null, typeof(CounterGrain).Assembly);
}

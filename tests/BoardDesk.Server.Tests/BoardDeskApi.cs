using BoardDesk.Runtime.Storage;
using BoardDesk.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace BoardDesk.Server.Tests;

/// <summary>The server in memory on a data folder of its own; a second instance on the same folder is a restart.</summary>
public sealed class BoardDeskApi : WebApplicationFactory<Program>
{
    private readonly string _dataPath;
    private readonly IReadOnlyDictionary<string, string?> _settings;

    public BoardDeskApi(string dataPath, IReadOnlyDictionary<string, string?>? settings = null)
    {
        _dataPath = dataPath;
        _settings = settings ?? new Dictionary<string, string?>();
    }

    /// <summary>How many journal entries the store holds, to show that a refused request wrote nothing.</summary>
    public async Task<long> CountEventsAsync() => (await Services.GetRequiredService<IJournalStore>().VerifyAsync()).EventsChecked;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("BoardDesk:DataPath", _dataPath);
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }
    }

    /// <summary>Starts the server on a fresh temporary folder.</summary>
    public static BoardDeskApi OnFreshData(TemporaryFolder folder, IReadOnlyDictionary<string, string?>? settings = null) => new(folder.Path, settings);
}

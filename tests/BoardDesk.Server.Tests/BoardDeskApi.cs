using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using BoardDesk.Persistence.Storage;
using BoardDesk.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace BoardDesk.Server.Tests;

/// <summary>The server in memory on a data folder of its own; a second instance on the same folder is a restart.</summary>
public sealed class BoardDeskApi : WebApplicationFactory<Program>
{
    private readonly string _dataPath;
    private readonly IReadOnlyDictionary<string, string?> _settings;
    private readonly Action<IServiceCollection>? _services;
    private string? _operatorToken;

    /// <summary>The sample accounts' password in tests.</summary>
    public const string SamplePassword = "ldib 2015 sample password";

    public BoardDeskApi(string dataPath, IReadOnlyDictionary<string, string?>? settings = null, Action<IServiceCollection>? services = null)
    {
        _dataPath = dataPath;
        _settings = settings ?? new Dictionary<string, string?>();
        _services = services;
    }

    /// <summary>A grain's whole journal as text (types and payloads), to check what was and was not stored.</summary>
    public async Task<string> HistoryAsync(string grainId)
    {
        var events = await Services.GetRequiredService<IJournalStore>().ReadEventsAsync(BoardDesk.Grains.JournalId.Parse(grainId));
        return string.Join("\n", events.Select(e => $"{e.Type} {e.Payload}"));
    }

    /// <summary>
    /// A client with an API token of a test operator who administers organisations and accounts and holds the LDIB
    /// secretariat role: for tests about the domain rather than about who may do what.
    /// </summary>
    public async Task<HttpClient> OperatorClientAsync()
    {
        if (_operatorToken is null)
        {
            var admin = await SignedInClientAsync("admin");
            (await admin.PostAsJsonAsync("/api/accounts", new { userName = "test-operator", displayName = "Test operator", password = SamplePassword, systemAdministrator = true })).EnsureSuccessStatusCode();
            foreach (var board in new[] { "ldib", "nqb" })
            {
                (await admin.PostAsJsonAsync("/api/accounts/test-operator/roles", new { boardId = board, role = "Secretariat" })).EnsureSuccessStatusCode();
            }

            var session = await SignedInClientAsync("test-operator");
            var issued = await (await session.PostAsJsonAsync("/api/account/tokens", new { name = "tests" })).Content.ReadFromJsonAsync<JsonElement>();
            _operatorToken = issued.GetProperty("token").GetString();
        }

        var client = CreateClient(new WebApplicationFactoryClientOptions { HandleCookies = false });
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", _operatorToken);
        return client;
    }

    /// <summary>A client signed in to a web session as a sample account, with the antiforgery header set.</summary>
    public async Task<HttpClient> SignedInClientAsync(string userName, string password = SamplePassword)
    {
        var client = CreateClient();
        var response = await client.PostAsJsonAsync("/api/session", new { userName, password });
        response.EnsureSuccessStatusCode();
        var antiforgery = await client.GetFromJsonAsync<JsonElement>("/api/session/antiforgery");
        client.DefaultRequestHeaders.Add(antiforgery.GetProperty("headerName").GetString()!, antiforgery.GetProperty("token").GetString());
        return client;
    }

    /// <summary>A client that sends an API token issued to a sample account.</summary>
    public async Task<HttpClient> TokenClientAsync(string userName)
    {
        var session = await SignedInClientAsync(userName);
        var issued = await (await session.PostAsJsonAsync("/api/account/tokens", new { name = "tests" })).Content.ReadFromJsonAsync<JsonElement>();
        var client = CreateClient(new WebApplicationFactoryClientOptions { HandleCookies = false });
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", issued.GetProperty("token").GetString());
        return client;
    }

    /// <summary>How many journal entries the store holds, to show that a refused request wrote nothing.</summary>
    public async Task<long> CountEventsAsync() => (await Services.GetRequiredService<IJournalStore>().VerifyAsync()).EventsChecked;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("BoardDesk:DataPath", _dataPath);
        builder.UseSetting("BoardDesk:SamplePassword", SamplePassword);
        // The base samples unless a test asks for the replayed story: most tests make the 2015 changes themselves.
        builder.UseSetting("BoardDesk:LoadSamples", "base");
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }

        // Every test creates and signs in a dozen accounts. At the production work factor (PBKDF2, 100,000
        // iterations) hashing alone took a third of the suite's time; the stored hash names its own count, so
        // hashes made here and there verify alike.
        builder.ConfigureServices(services => services.Configure<PasswordHasherOptions>(o => o.IterationCount = TestHashIterations));

        if (_services is not null)
        {
            builder.ConfigureServices(_services);
        }
    }

    /// <summary>The password work factor in tests, low because the suite hashes thousands of passwords.</summary>
    public const int TestHashIterations = 1_000;

    /// <summary>Starts the server on a fresh temporary folder.</summary>
    public static BoardDeskApi OnFreshData(TemporaryFolder folder, IReadOnlyDictionary<string, string?>? settings = null) => new(folder.Path, settings);
}

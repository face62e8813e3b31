using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using BoardDesk.Accounts;
using BoardDesk.Grains;
using BoardDesk.Persistence;
using BoardDesk.Persistence.Storage;
using BoardDesk.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace BoardDesk.Server.Tests;

/// <summary>The server in memory on a temporary data folder, with a clock the test sets and JSON helpers.</summary>
internal sealed class ClockedServer : IAsyncDisposable
{
    private readonly TemporaryFolder _folder = new();
    private readonly WebApplicationFactory<Program> _factory;

    public ClockedServer(DateTimeOffset now, bool loadSamples = false, IReadOnlyDictionary<string, string>? settings = null, Action<IServiceCollection, string>? services = null)
    {
        Clock = new ManualClock(now);
        _factory = new WebApplicationFactory<Program>().WithWebHostBuilder(web =>
        {
            web.UseSetting("BoardDesk:DataPath", _folder.Path);
            web.UseSetting("BoardDesk:LoadSamples", loadSamples ? "base" : "none");
            // Test classes run in parallel, each with a silo of its own: each takes free ports.
            web.UseSetting("BoardDesk:Cluster:SiloPort", "0");
            web.UseSetting("BoardDesk:Cluster:GatewayPort", "0");
            foreach (var (key, value) in settings ?? new Dictionary<string, string>())
            {
                web.UseSetting(key, value);
            }

            web.ConfigureServices(collection =>
            {
                collection.AddKeyedSingleton<TimeProvider>(BoardDeskClock.Key, Clock);
                collection.Configure<PasswordHasherOptions>(o => o.IterationCount = BoardDeskApi.TestHashIterations);
                services?.Invoke(collection, _folder.Path);
            });
        });
        Client = _factory.CreateClient();
        Client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", OperatorTokenAsync().GetAwaiter().GetResult());
    }

    /// <summary>
    /// An API token of a test operator who administers organisations and holds the secretariat role on the LDIB
    /// and the NQB, so that these tests are about meetings and papers rather than about who may do what.
    /// </summary>
    private async Task<string> OperatorTokenAsync()
    {
        var account = _factory.Services.GetRequiredService<IGrainFactory>().GetGrain<IAccountGrain>("test-operator");
        await account.CreateAsync(new CreateAccount("Test operator", "a test operator's passphrase", SystemAdministrator: true));
        foreach (var board in new[] { "ldib", "nqb" })
        {
            await account.GrantBoardRoleAsync(new BoardRoleGrant(board, BoardRole.Secretariat));
        }

        return (await account.IssueTokenAsync("tests")).Token;
    }

    public ManualClock Clock { get; }

    public HttpClient Client { get; }

    public static JsonSerializerOptions Json => JournalJson.Options;

    /// <summary>How many journal entries the store holds, to show that a refused request wrote nothing.</summary>
    public async Task<long> CountEventsAsync() => (await _factory.Services.GetRequiredService<IJournalStore>().VerifyAsync()).EventsChecked;

    public async Task<T> GetAsync<T>(string path)
    {
        var response = await Client.GetAsync(path);
        await ExpectAsync(response, HttpStatusCode.OK);
        return (await response.Content.ReadFromJsonAsync<T>(Json))!;
    }

    public async Task<T> SendAsync<T>(HttpMethod method, string path, object? body = null, HttpStatusCode expected = HttpStatusCode.OK)
    {
        var response = await SendRawAsync(method, path, body);
        await ExpectAsync(response, expected);
        return (await response.Content.ReadFromJsonAsync<T>(Json))!;
    }

    public Task<T> PostAsync<T>(string path, object? body = null, HttpStatusCode expected = HttpStatusCode.OK) => SendAsync<T>(HttpMethod.Post, path, body, expected);

    public Task<T> PutAsync<T>(string path, object body) => SendAsync<T>(HttpMethod.Put, path, body);

    public async Task<HttpResponseMessage> SendRawAsync(HttpMethod method, string path, object? body = null)
    {
        using var request = new HttpRequestMessage(method, path);
        if (body is string json)
        {
            request.Content = new StringContent(json, System.Text.Encoding.UTF8, "application/json");
        }
        else if (body is not null)
        {
            request.Content = JsonContent.Create(body, body.GetType(), options: Json);
        }

        return await Client.SendAsync(request);
    }

    /// <summary>Creates the seven organisations and the LDIB and NQB from the samples, through the API.</summary>
    public async Task CreateSampleBoardsAsync()
    {
        var samples = Path.Combine(RepositoryPaths.Root, "samples", "ldib-2015");
        var organisations = JsonSerializer.Deserialize<JsonElement[]>(await File.ReadAllTextAsync(Path.Combine(samples, "organisations.json")))!;
        foreach (var organisation in organisations)
        {
            await SendAsync<JsonElement>(HttpMethod.Post, "/api/organisations", organisation.GetRawText(), HttpStatusCode.Created);
        }

        var boards = JsonSerializer.Deserialize<JsonElement[]>(await File.ReadAllTextAsync(Path.Combine(samples, "boards.json")))!;
        foreach (var board in boards)
        {
            await SendAsync<JsonElement>(HttpMethod.Post, "/api/boards", board.GetRawText(), HttpStatusCode.Created);
        }
    }

    /// <summary>The ProblemDetails of a refused request, with its field errors.</summary>
    public static async Task<HttpValidationProblemDetails> ProblemAsync(HttpResponseMessage response) =>
        JsonSerializer.Deserialize<HttpValidationProblemDetails>(await response.Content.ReadAsStringAsync(), Json)!;

    public static async Task ExpectAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        if (response.StatusCode != expected)
        {
            var body = await response.Content.ReadAsStringAsync();
            throw new Xunit.Sdk.XunitException($"{response.RequestMessage?.Method} {response.RequestMessage?.RequestUri} answered {(int)response.StatusCode}, expected {(int)expected}: {body}");
        }
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _factory.DisposeAsync();
        _folder.Dispose();
    }
}

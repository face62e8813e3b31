using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text.Json;

namespace BoardDesk.Testing;

/// <summary>
/// The built BoardDesk server running as a real child process on a free loopback port, for restart and crash
/// tests. <see cref="Kill"/> sends SIGKILL; dispose stops it the same way if it still runs, and a server that does not
/// become healthy is stopped so before <see cref="StartAsync"/> throws.
/// </summary>
public sealed class ServerProcess : IDisposable
{
    private readonly Process _process;
    private readonly List<string> _output = [];

    private ServerProcess(Process process, Uri address)
    {
        _process = process;
        Address = address;
        Client = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromSeconds(60) };
        process.OutputDataReceived += (_, e) => Record(e.Data);
        process.ErrorDataReceived += (_, e) => Record(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    /// <summary>The sample accounts' password in the child server.</summary>
    public const string SamplePassword = "ldib 2015 sample password";

    /// <summary>Where the server listens.</summary>
    public Uri Address { get; }

    /// <summary>A client for the server.</summary>
    public HttpClient Client { get; }

    /// <summary>What the server has printed so far.</summary>
    public string Output
    {
        get
        {
            lock (_output)
            {
                return string.Join(Environment.NewLine, _output);
            }
        }
    }

    /// <summary>
    /// Starts the server on <paramref name="dataPath"/> and waits until /health answers 200, for
    /// <paramref name="healthyWithin"/> at the most (60 seconds unless given); a server that is not healthy by then is
    /// killed, and the <see cref="TimeoutException"/> says what it printed.
    /// </summary>
    public static async Task<ServerProcess> StartAsync(string dataPath, IReadOnlyDictionary<string, string>? settings = null, TimeSpan? healthyWithin = null)
    {
        var port = FreePort();
        var address = new Uri($"http://127.0.0.1:{port}");
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(RepositoryPaths.BuildOutput("src/BoardDesk.Server", "BoardDesk.Server.dll"));
        start.ArgumentList.Add("--urls");
        start.ArgumentList.Add(address.ToString());
        start.Environment["BoardDesk__DataPath"] = dataPath;
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        start.Environment["Logging__LogLevel__BoardDesk.Server"] = "Information";
        start.Environment["BoardDesk__SamplePassword"] = SamplePassword;
        // The base samples unless a test asks for the replayed story: most tests make the 2015 changes themselves.
        start.Environment["BoardDesk__LoadSamples"] = "base";
        // Every server a test starts takes free silo and gateway ports, so that servers run side by side.
        start.Environment["BoardDesk__Cluster__SiloPort"] = "0";
        start.Environment["BoardDesk__Cluster__GatewayPort"] = "0";
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            start.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }

        var server = new ServerProcess(Process.Start(start)!, address);
        try
        {
            await server.WaitUntilHealthyAsync(healthyWithin ?? TimeSpan.FromSeconds(60));
            return server;
        }
        catch
        {
            // Nobody else holds the server yet: left running, it would outlive the test run with its ports and folder.
            server.Dispose();
            throw;
        }
    }

    /// <summary>Signs <see cref="Client"/> in as a sample account, with an API token so that no antiforgery token is needed.</summary>
    public async Task AuthorizeAsync(string userName = "admin") =>
        Client.DefaultRequestHeaders.Authorization = await IssueTokenAsync(userName, SamplePassword);

    /// <summary>A client of its own signed in as an account (a sample one unless a password is given), with an API token.</summary>
    public async Task<HttpClient> CreateClientAsync(string userName, string password = SamplePassword)
    {
        var client = new HttpClient { BaseAddress = Address, Timeout = TimeSpan.FromSeconds(60) };
        client.DefaultRequestHeaders.Authorization = await IssueTokenAsync(userName, password);
        return client;
    }

    private async Task<System.Net.Http.Headers.AuthenticationHeaderValue> IssueTokenAsync(string userName, string password) =>
        new("Bearer", await IssueTokenAsync(Address, userName, password));

    /// <summary>Signs in to the server at <paramref name="address"/> and issues an API token for the account.</summary>
    public static async Task<string> IssueTokenAsync(Uri address, string userName, string password)
    {
        using var signIn = new HttpClient { BaseAddress = address };
        (await signIn.PostAsJsonAsync("/api/session", new { userName, password })).EnsureSuccessStatusCode();
        var antiforgery = await signIn.GetFromJsonAsync<JsonElement>("/api/session/antiforgery");
        signIn.DefaultRequestHeaders.Add(antiforgery.GetProperty("headerName").GetString()!, antiforgery.GetProperty("token").GetString());
        var issued = await (await signIn.PostAsJsonAsync("/api/account/tokens", new { name = "tests" })).Content.ReadFromJsonAsync<JsonElement>();
        return issued.GetProperty("token").GetString()!;
    }

    /// <summary>Kills the server at once with SIGKILL, as a crash or power cut would.</summary>
    public void Kill()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit();
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        Kill();
        Client.Dispose();
        _process.Dispose();
    }

    private async Task WaitUntilHealthyAsync(TimeSpan healthyWithin)
    {
        var deadline = DateTime.UtcNow + healthyWithin;
        while (DateTime.UtcNow < deadline)
        {
            if (_process.HasExited)
            {
                // Waiting for the exit once more reads the output still in the pipes.
                _process.WaitForExit();
                throw new InvalidOperationException($"The server exited with code {_process.ExitCode}:{Environment.NewLine}{Output}");
            }

            try
            {
                using var response = await Client.GetAsync("/health");
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            await Task.Delay(100);
        }

        // Killed first, so that the message holds all it printed up to the end.
        Kill();
        throw new TimeoutException($"The server did not become healthy within {healthyWithin.TotalSeconds:N0} seconds and was killed:{Environment.NewLine}{Output}");
    }

    private void Record(string? line)
    {
        if (line is not null)
        {
            lock (_output)
            {
                _output.Add(line);
            }
        }
    }

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

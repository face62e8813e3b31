using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using BoardDesk.Testing;

namespace BoardDesk.Benchmarks;

/// <summary>
/// The built BoardDesk server (the same configuration as this benchmark, so Release) as a child process on free
/// HTTP, silo and gateway ports, for figures about the real server process: its pid, so that its memory can be read
/// from <c>/proc</c>, and the gateway port it chose, read from its start-up log. Dispose kills it, and a server
/// that does not become ready is killed before <see cref="StartAsync"/> throws.
/// </summary>
public sealed partial class ServerChild : IDisposable
{
    private readonly Process _process;
    private readonly List<string> _output = [];
    private readonly TaskCompletionSource<int> _gatewayPort = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private ServerChild(Process process, Uri address)
    {
        _process = process;
        Address = address;
        process.OutputDataReceived += (_, e) => Record(e.Data);
        process.ErrorDataReceived += (_, e) => Record(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    /// <summary>Where the server's web host listens.</summary>
    public Uri Address { get; }

    /// <summary>The server process's id.</summary>
    public int Pid => _process.Id;

    /// <summary>The port of the server's Orleans gateway.</summary>
    public int GatewayPort => _gatewayPort.Task.Result;

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
    /// Starts the server on <paramref name="dataPath"/> with <paramref name="settings"/> (configuration keys) and
    /// <paramref name="environment"/> (raw variables, such as GC settings), and waits until /health answers 200 and
    /// the silo has logged its gateway port.
    /// </summary>
    public static async Task<ServerChild> StartAsync(string dataPath, IReadOnlyDictionary<string, string> settings, IReadOnlyDictionary<string, string> environment)
    {
        var address = new Uri($"http://127.0.0.1:{ServerProcess.FreePort()}");
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
        start.Environment["BoardDesk__Cluster__SiloPort"] = "0";
        start.Environment["BoardDesk__Cluster__GatewayPort"] = "0";
        // The base samples, as the figures were measured on; the replayed story would only lengthen each start.
        start.Environment["BoardDesk__LoadSamples"] = "base";
        foreach (var (key, value) in settings)
        {
            start.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }

        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        var server = new ServerChild(Process.Start(start)!, address);
        if (settings.TryGetValue("BoardDesk:Role", out var role) && role == "Web")
        {
            // A web node hosts no silo, so it has no gateway of its own to report.
            server._gatewayPort.TrySetResult(0);
        }

        try
        {
            await server.WaitUntilReadyAsync();
            return server;
        }
        catch
        {
            // Nobody else holds the server yet: left running, it would outlive the benchmark and skew what follows.
            server.Dispose();
            throw;
        }
    }

    /// <summary>The process's resident set size in bytes (VmRSS in /proc/&lt;pid&gt;/status).</summary>
    public long ResidentBytes() => Status("VmRSS");

    /// <summary>The most the process has held resident since it started, in bytes (VmHWM, its high-water mark).</summary>
    public long PeakResidentBytes() => Status("VmHWM");

    private long Status(string field)
    {
        foreach (var line in File.ReadLines($"/proc/{Pid}/status"))
        {
            if (line.StartsWith(field + ":", StringComparison.Ordinal))
            {
                // The kernel writes "VmRSS:   123456 kB".
                return long.Parse(line[(field.Length + 1)..].Trim().Split(' ')[0], CultureInfo.InvariantCulture) * 1024;
            }
        }

        throw new InvalidOperationException($"/proc/{Pid}/status has no {field} line.");
    }

    /// <inheritdoc />
    public void Dispose()
    {
        Kill();
        _process.Dispose();
    }

    private void Kill()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit();
        }
    }

    private async Task WaitUntilReadyAsync()
    {
        using var http = new HttpClient { BaseAddress = Address, Timeout = TimeSpan.FromSeconds(10) };
        var deadline = DateTime.UtcNow.AddSeconds(90);
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
                using var response = await http.GetAsync("/health");
                if (response.StatusCode == HttpStatusCode.OK && _gatewayPort.Task.IsCompleted)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            catch (TaskCanceledException)
            {
                // Starting, and slow to answer on a busy machine.
            }

            await Task.Delay(100);
        }

        // Killed first, so that the message holds all it printed up to the end.
        Kill();
        throw new TimeoutException($"The server was not ready within 90 seconds and was killed:{Environment.NewLine}{Output}");
    }

    private void Record(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_output)
        {
            _output.Add(line);
        }

        if (GatewayPortLine().Match(line) is { Success: true } match)
        {
            _gatewayPort.TrySetResult(int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture));
        }
    }

    [GeneratedRegex(@"gateway port (\d+)")]
    private static partial Regex GatewayPortLine();
}

using BoardDesk.Testing;
using Microsoft.Playwright;

namespace BoardDesk.Browser.Tests;

/// <summary>
/// The real server as a child process, with its own data folder and the sample data, and Debian's Chromium driven by
/// Playwright (never a downloaded browser). Started on first use, so that a test skipped for want of Chromium costs
/// nothing; shared by the tests of one class.
/// </summary>
public sealed class BrowserServer : IAsyncLifetime
{
    private static readonly string[] ChromiumArguments =
        ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"];

    private readonly TemporaryFolder _data = new();
    private readonly SemaphoreSlim _starting = new(1, 1);
    private ServerProcess? _server;
    private IPlaywright? _playwright;
    private IBrowser? _browser;

    /// <summary>Where the server listens.</summary>
    public Uri Address => _server?.Address ?? throw new InvalidOperationException("Start the server first.");

    /// <summary>The server process, for setting up through the API what the pages under test only show.</summary>
    public ServerProcess Process => _server ?? throw new InvalidOperationException("Start the server first.");

    /// <summary>Starts the server and the browser once; later calls return at once.</summary>
    public async Task<IBrowser> StartAsync()
    {
        Chromium.Require();
        await _starting.WaitAsync();
        try
        {
            _server ??= await ServerProcess.StartAsync(_data.Path, new Dictionary<string, string> { ["BoardDesk:ChromiumPath"] = Chromium.Path });
            _playwright ??= await Playwright.CreateAsync();
            _browser ??= await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
            {
                ExecutablePath = Chromium.Path,
                Headless = true,
                Args = ChromiumArguments,
            });
            return _browser;
        }
        finally
        {
            _starting.Release();
        }
    }

    /// <summary>A fresh browser context (no cookies) at desktop size, on the server's address.</summary>
    public async Task<BrowserJourney> NewJourneyAsync(string name)
    {
        var browser = await StartAsync();
        var context = await browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = Address.ToString().TrimEnd('/'),
            ViewportSize = BrowserJourney.Desktop,
            AcceptDownloads = true,
            Locale = "en-GB",
        });
        return new BrowserJourney(name, context, await context.NewPageAsync());
    }

    /// <summary>What the server printed, for a failing test's message.</summary>
    public string ServerOutput => _server?.Output ?? "";

    /// <inheritdoc />
    public Task InitializeAsync() => Task.CompletedTask;

    /// <inheritdoc />
    public async Task DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.CloseAsync();
        }

        _playwright?.Dispose();
        _server?.Dispose();
        _data.Dispose();
        _starting.Dispose();
    }
}

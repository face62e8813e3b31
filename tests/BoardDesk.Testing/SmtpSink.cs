using System.Buffers;
using MimeKit;
using SmtpServer;
using SmtpServer.Protocol;
using SmtpServer.Storage;

namespace BoardDesk.Testing;

/// <summary>
/// A real SMTP server in the test process (the SmtpServer library) on a loopback port, keeping every message it
/// accepts, parsed with MimeKit; or refusing every message with 554 when <see cref="Refuse"/> is set.
/// </summary>
public sealed class SmtpSink : IAsyncDisposable
{
    private readonly List<MimeMessage> _messages = [];
    private readonly CancellationTokenSource _stop = new();
    private readonly SmtpServer.SmtpServer _server;
    private readonly Task _running;

    private SmtpSink(int port, bool refuse)
    {
        Port = port;
        Refuse = refuse;
        var options = new SmtpServerOptionsBuilder().ServerName("localhost").Endpoint(e => e.Endpoint(new System.Net.IPEndPoint(System.Net.IPAddress.Loopback, port))).Build();
        var services = new SmtpServer.ComponentModel.ServiceProvider();
        services.Add(new Store(this));
        _server = new SmtpServer.SmtpServer(options, services);
        _running = _server.StartAsync(_stop.Token);
    }

    /// <summary>The port it listens on.</summary>
    public int Port { get; }

    /// <summary>Whether it refuses every message (554, a permanent failure).</summary>
    public bool Refuse { get; set; }

    /// <summary>The messages accepted so far.</summary>
    public IReadOnlyList<MimeMessage> Messages
    {
        get
        {
            lock (_messages)
            {
                return [.. _messages];
            }
        }
    }

    /// <summary>Settings that point a server at this sink.</summary>
    public Dictionary<string, string> Settings => SettingsFor(Port);

    /// <summary>Settings that point a server at an SMTP server on <paramref name="port"/>.</summary>
    public static Dictionary<string, string> SettingsFor(int port) => new()
    {
        ["BoardDesk:Email:Host"] = "127.0.0.1",
        ["BoardDesk:Email:Port"] = port.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["BoardDesk:Email:UseStartTls"] = "false",
        ["BoardDesk:Email:From"] = "LDIB secretariat <boarddesk@ldib.example.org>",
        ["BoardDesk:Email:PublicBaseUrl"] = "https://boarddesk.ldib.example.org",
        ["BoardDesk:Email:PollInterval"] = "00:00:00.200",
        ["BoardDesk:Email:FirstRetryDelay"] = "00:00:01",
        ["BoardDesk:Email:MaxRetryDelay"] = "00:00:02",
    };

    /// <summary>Starts a sink on a free port, or on <paramref name="port"/>.</summary>
    public static async Task<SmtpSink> StartAsync(int? port = null, bool refuse = false)
    {
        var sink = new SmtpSink(port ?? ServerProcess.FreePort(), refuse);
        await sink.WaitUntilListeningAsync();
        return sink;
    }

    /// <summary>Waits (at most a minute: the machine may be loaded) until the messages satisfy a condition.</summary>
    public async Task<IReadOnlyList<MimeMessage>> WaitForAsync(Func<IReadOnlyList<MimeMessage>, bool> condition, string because)
    {
        var deadline = DateTime.UtcNow.AddSeconds(90);
        while (true)
        {
            var messages = Messages;
            if (condition(messages))
            {
                return messages;
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new Xunit.Sdk.XunitException($"The SMTP server did not receive {because}; it has {messages.Count}: {string.Join("; ", messages.Select(m => $"{m.To} {m.Subject}"))}");
            }

            await Task.Delay(100);
        }
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _server.Shutdown();
        try
        {
            await _running;
        }
        catch (OperationCanceledException)
        {
            // Stopped.
        }

        _stop.Dispose();
    }

    private async Task WaitUntilListeningAsync()
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            try
            {
                using var probe = new System.Net.Sockets.TcpClient();
                await probe.ConnectAsync(System.Net.IPAddress.Loopback, Port);
                return;
            }
            catch (System.Net.Sockets.SocketException) when (DateTime.UtcNow < deadline)
            {
                await Task.Delay(50);
            }
        }
    }

    private sealed class Store(SmtpSink sink) : MessageStore
    {
        public override async Task<SmtpResponse> SaveAsync(ISessionContext context, IMessageTransaction transaction, ReadOnlySequence<byte> buffer, CancellationToken cancellationToken)
        {
            if (sink.Refuse)
            {
                return SmtpResponse.TransactionFailed;
            }

            using var stream = new MemoryStream(buffer.ToArray());
            var message = await MimeMessage.LoadAsync(stream, cancellationToken);
            lock (sink._messages)
            {
                sink._messages.Add(message);
            }

            return SmtpResponse.Ok;
        }
    }
}

using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace BoardDesk.Server.Tests;

/// <summary>Keeps every message the server logs, formatted, with its level: to check what a request wrote to the log.</summary>
public sealed class CapturedLogs : ILoggerProvider
{
    /// <summary>Every message so far, with its level and whether it carried an exception.</summary>
    public ConcurrentQueue<(LogLevel Level, string Message, Exception? Exception)> Entries { get; } = new();

    /// <summary>Every message so far.</summary>
    public IEnumerable<string> Messages => Entries.Select(e => e.Message);

    public ILogger CreateLogger(string categoryName) => new Logger(this);

    public void Dispose()
    {
    }

    private sealed class Logger(CapturedLogs logs) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            logs.Entries.Enqueue((logLevel, formatter(state, exception), exception));
    }
}

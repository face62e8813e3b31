using Npgsql;

namespace BoardDesk.Testing;

/// <summary>
/// Whether the machine has a PostgreSQL server the tests may use: <c>BOARDDESK_TEST_POSTGRES</c>, or by default the
/// role <c>boarddesk</c> (password <c>boarddesk</c>, allowed to create databases) on 127.0.0.1:5432, which
/// <c>.ci/run</c> creates. Where none answers, such tests skip with a reason; under <c>CI=true</c> they run and fail.
/// </summary>
public static class PostgreSql
{
    private static readonly Lazy<string?> Unavailable = new(Probe);

    /// <summary>The connection string of the server's maintenance database, used to create and drop test databases.</summary>
    public static string AdminConnectionString { get; } =
        Environment.GetEnvironmentVariable("BOARDDESK_TEST_POSTGRES") is { Length: > 0 } configured
            ? configured
            : "Host=127.0.0.1;Port=5432;Username=boarddesk;Password=boarddesk;Database=postgres;Timeout=5";

    /// <summary>Why a PostgreSQL test is skipped here, or null when it runs.</summary>
    public static string? SkipReason => Unavailable.Value is { } reason && !Chromium.IsCi
        ? $"PostgreSQL is not reachable ({reason}); start it as .ci/run does. This test skips here and fails under CI=true."
        : null;

    private static string? Probe()
    {
        try
        {
            using var connection = new NpgsqlConnection(AdminConnectionString);
            connection.Open();
            return null;
        }
        catch (Exception error) when (error is NpgsqlException or System.Net.Sockets.SocketException or TimeoutException or InvalidOperationException)
        {
            return error.Message;
        }
    }
}

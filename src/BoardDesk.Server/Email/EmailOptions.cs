using System.ComponentModel.DataAnnotations;

namespace BoardDesk.Server.Email;

/// <summary>How BoardDesk sends email (configuration section <c>BoardDesk:Email</c>); off while <see cref="Host"/> is empty.</summary>
public sealed class EmailOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "BoardDesk:Email";

    /// <summary>
    /// The key of the clock delivery runs on (retries, digest hours, the sending lease): the system clock, kept apart
    /// from the domain's so that a test can move it on to a digest hour without touching anything else.
    /// </summary>
    public const string DeliveryClock = "BoardDesk.Email.DeliveryClock";

    /// <summary>The SMTP server; empty turns sending off (notices still collect in the outbox).</summary>
    public string? Host { get; set; }

    /// <summary>Its port.</summary>
    [Range(1, 65535)]
    public int Port { get; set; } = 587;

    /// <summary>Whether to require STARTTLS before sending anything (the credentials included).</summary>
    public bool UseStartTls { get; set; } = true;

    /// <summary>The user name to authenticate with; none when empty.</summary>
    public string? UserName { get; set; }

    /// <summary>Its password.</summary>
    public string? Password { get; set; }

    /// <summary>The sender, for example <c>LDIB secretariat &lt;boarddesk@example.org&gt;</c>; required when a host is set.</summary>
    public string? From { get; set; }

    /// <summary>The server's public address, which links in emails start with.</summary>
    public string PublicBaseUrl { get; set; } = "http://127.0.0.1:5080";

    /// <summary>How often the outbox is looked at when there is nothing to do.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>How many failed attempts park an email for the administrator.</summary>
    [Range(1, 100)]
    public int MaxAttempts { get; set; } = 8;

    /// <summary>The wait after a first failed attempt; it doubles at each failure in a row.</summary>
    public TimeSpan FirstRetryDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>The longest wait between two attempts.</summary>
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromHours(1);

    /// <summary>How long one attempt (connect, send, disconnect) may take.</summary>
    public TimeSpan SendTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Whether sending is on.</summary>
    public bool Enabled => !string.IsNullOrWhiteSpace(Host);
}

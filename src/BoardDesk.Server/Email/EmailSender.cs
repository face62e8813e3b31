using BoardDesk.Accounts;
using BoardDesk.Notifications;
using BoardDesk.Persistence;
using MailKit;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;
using Polly;
using Polly.Retry;

namespace BoardDesk.Server.Email;

/// <summary>
/// The background sender: addresses the outbox's new notices, then sends the emails that are due over SMTP
/// (MailKit). Acceptance by the SMTP server is recorded in the outbox before anything else, so an accepted email
/// is never sent again; a crash between the two can only resend it under the same Message-ID. A failed attempt is
/// retried twice at once with a growing pause (Polly), then left for later with a delay that doubles at each failure
/// in a row; a permanent refusal (5xx) or <see cref="EmailOptions.MaxAttempts"/> failures park it for the
/// administrator. With nothing due it waits <see cref="EmailOptions.PollInterval"/>: never a hot loop.
/// Delivery runs on the system clock, not the domain's.
/// </summary>
/// <remarks>
/// Every process with a silo runs a sender, but only the one holding the outbox's lease works: it takes the lease
/// before each pass and renews it before each email, for longer than one email can take (every attempt timing out),
/// so no other sender can take over while it is sending. The others wait and take over once it stops renewing.
/// </remarks>
internal sealed class EmailSender(
    IGrainFactory grains,
    NoticeAddressing addressing,
    EmailComposer composer,
    IReadModels readModels,
    IOptions<EmailOptions> options,
    [FromKeyedServices(EmailOptions.DeliveryClock)] TimeProvider time,
    ILogger<EmailSender> logger) : BackgroundService
{
    private const int Batch = 50;
    private readonly EmailOptions _options = options.Value;
    private readonly string _senderId = $"{Environment.MachineName}/{Environment.ProcessId}/{Guid.NewGuid():N}";

    /// <summary>How long the lease lasts: longer than three attempts that all time out, with their pauses and the record.</summary>
    private TimeSpan LeaseFor => (_options.SendTimeout * 4) + TimeSpan.FromSeconds(30);

    private INotificationOutboxGrain Outbox => grains.GetGrain<INotificationOutboxGrain>(NotificationOutboxGrain.OutboxKey);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!_options.Enabled)
        {
            logger.LogInformation("Email is off: BoardDesk:Email:Host is not set. Notices are kept in the outbox and sent once a host is configured.");
            return;
        }

        logger.LogInformation(
            "Email is on: SMTP {Host}:{Port}{Tls}, from {From}, links to {BaseUrl}",
            _options.Host, _options.Port, _options.UseStartTls ? " with STARTTLS" : " without TLS", _options.From, _options.PublicBaseUrl);
        var sending = new ResiliencePipelineBuilder()
            .AddRetry(new RetryStrategyOptions
            {
                MaxRetryAttempts = 2,
                Delay = TimeSpan.FromSeconds(1),
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                ShouldHandle = new PredicateBuilder().Handle<Exception>(e => !IsPermanent(e) && e is not OperationCanceledException),
            })
            .AddTimeout(_options.SendTimeout)
            .Build();
        var recording = new ResiliencePipelineBuilder()
            .AddRetry(new RetryStrategyOptions
            {
                MaxRetryAttempts = 10,
                Delay = TimeSpan.FromMilliseconds(200),
                BackoffType = DelayBackoffType.Exponential,
                MaxDelay = TimeSpan.FromSeconds(5),
                ShouldHandle = new PredicateBuilder().Handle<Exception>(e => e is not OperationCanceledException),
            })
            .Build();

        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                var worked = false;
                try
                {
                    worked = await RunOnceAsync(sending, recording, stoppingToken);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    // The outbox or the grains behind the recipients could not be reached: try again after the pause.
                    logger.LogError(e, "The email sender could not work through the outbox; it tries again in {Delay}", _options.PollInterval);
                }

                if (!worked)
                {
                    try
                    {
                        await Task.Delay(_options.PollInterval, time, stoppingToken);
                    }
                    catch (OperationCanceledException)
                    {
                        break;
                    }
                }
            }
        }
        finally
        {
            await ReleaseAsync();
        }
    }

    /// <summary>Gives the lease up when stopping in order, so that another process's sender takes over at its next pass.</summary>
    private async Task ReleaseAsync()
    {
        try
        {
            await Outbox.ReleaseSendingAsync(_senderId).WaitAsync(TimeSpan.FromSeconds(2));
        }
        catch (Exception e) when (e is OrleansException or TimeoutException or ObjectDisposedException or InvalidOperationException)
        {
            logger.LogDebug(e, "The email sender could not give its lease up; it runs out by itself");
        }
    }

    /// <summary>Takes or renews the outbox's lease; false while another process's sender holds it.</summary>
    private Task<bool> LeaseAsync() => Outbox.LeaseSendingAsync(_senderId, time.GetUtcNow(), LeaseFor);

    /// <summary>One pass over the outbox; true when it did something (then the next pass starts at once).</summary>
    private async Task<bool> RunOnceAsync(ResiliencePipeline sending, ResiliencePipeline recording, CancellationToken stoppingToken)
    {
        if (!await LeaseAsync())
        {
            return false;
        }

        var now = time.GetUtcNow();
        var work = await Outbox.GetWorkAsync(now, Batch);
        foreach (var notice in work.ToAddress)
        {
            await Outbox.AddressAsync(notice.Id, await addressing.AddressAsync(notice, now, stoppingToken));
        }

        if (work.ToAddress.Count > 0)
        {
            return true;
        }

        foreach (var delivery in work.Due.Where(d => !d.Message.Digest))
        {
            if (!await LeaseAsync())
            {
                return false;
            }

            var account = await readModels.FindAsync<AccountDetails>(delivery.Message.UserName, stoppingToken);
            await SendAsync(composer.Compose(delivery.Message, delivery.Notice, account, now), [delivery.Message], sending, recording, stoppingToken);
        }

        foreach (var digest in work.Due.Where(d => d.Message.Digest).GroupBy(d => d.Message.UserName, StringComparer.Ordinal))
        {
            if (!await LeaseAsync())
            {
                return false;
            }

            var items = digest.OrderBy(d => d.Notice.RecordedAt).ThenBy(d => d.Message.Id, StringComparer.Ordinal).ToList();
            var account = await readModels.FindAsync<AccountDetails>(digest.Key, stoppingToken);
            var digestId = $"digest/{digest.Key}/{string.Join(",", items.Select(i => i.Message.Id).Order(StringComparer.Ordinal))}";
            await SendAsync(composer.ComposeDigest(digestId, items, account, now), [.. items.Select(i => i.Message)], sending, recording, stoppingToken);
        }

        return work.Due.Count > 0;
    }

    private async Task SendAsync(MimeMessage email, IReadOnlyList<OutboxMessage> messages, ResiliencePipeline sending, ResiliencePipeline recording, CancellationToken stoppingToken)
    {
        SmtpClient? connected = null;
        try
        {
            connected = await sending.ExecuteAsync(async ct =>
            {
                var client = new SmtpClient();
                try
                {
                    await client.ConnectAsync(_options.Host!, _options.Port, _options.UseStartTls ? SecureSocketOptions.StartTls : SecureSocketOptions.None, ct);
                    if (!string.IsNullOrEmpty(_options.UserName))
                    {
                        await client.AuthenticateAsync(_options.UserName, _options.Password ?? "", ct);
                    }

                    await client.SendAsync(email, ct);
                    return client;
                }
                catch
                {
                    client.Dispose();
                    throw;
                }
            }, stoppingToken);
        }
        catch (Exception e) when (e is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
        {
            await RecordFailureAsync(messages, e, recording, stoppingToken);
            return;
        }

        using (connected)
        {
            // Accepted: recorded before anything else, so that it is never sent again.
            var ids = messages.Select(m => m.Id).ToList();
            await recording.ExecuteAsync(async _ => await Outbox.MarkAcceptedAsync(ids, time.GetUtcNow()), CancellationToken.None);
            logger.LogInformation("Email {MessageId} ({Kind}) accepted for {UserName}", email.MessageId, messages[0].Kind, messages[0].UserName);
            try
            {
                await connected.DisconnectAsync(true, stoppingToken);
            }
            catch (Exception e) when (e is IOException or ProtocolException or SmtpCommandException or OperationCanceledException)
            {
                logger.LogDebug(e, "Closing the SMTP connection failed after the email was accepted");
            }
        }
    }

    private async Task RecordFailureAsync(IReadOnlyList<OutboxMessage> messages, Exception error, ResiliencePipeline recording, CancellationToken stoppingToken)
    {
        var now = time.GetUtcNow();
        foreach (var message in messages)
        {
            var attempts = message.Attempts + 1;
            var park = IsPermanent(error) || attempts >= _options.MaxAttempts;
            var delay = TimeSpan.FromTicks(Math.Min(_options.MaxRetryDelay.Ticks, _options.FirstRetryDelay.Ticks * (1L << Math.Min(attempts - 1, 30))));
            DateTimeOffset? retryAt = park ? null : now + delay;
            await recording.ExecuteAsync(async _ => await Outbox.MarkFailedAsync(message.Id, Describe(error), retryAt), stoppingToken);
            if (park)
            {
                logger.LogWarning("Email {Id} to {UserName} is parked after {Attempts} failed attempts: {Error}", message.Id, message.UserName, attempts, Describe(error));
            }
            else
            {
                logger.LogWarning("Email {Id} to {UserName} failed (attempt {Attempts}): {Error}; tried again at {RetryAt}", message.Id, message.UserName, attempts, Describe(error), retryAt);
            }
        }
    }

    private static string Describe(Exception error) => error switch
    {
        SmtpCommandException refused => $"The SMTP server refused it: {(int)refused.StatusCode} {refused.Message}".TrimEnd(),
        Polly.Timeout.TimeoutRejectedException => "The SMTP server did not answer in time.",
        _ => error.Message,
    };

    private static bool IsPermanent(Exception error) => error is SmtpCommandException { StatusCode: var status } && (int)status >= 500;
}

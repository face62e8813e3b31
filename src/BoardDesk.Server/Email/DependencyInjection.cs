using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using MimeKit;

namespace BoardDesk.Server.Email;

/// <summary>Wires email: its settings, the composer, the unsubscribe tokens and, beside a silo, the sender.</summary>
public static class DependencyInjection
{
    /// <summary>Registers email; <paramref name="withSender"/> where the outbox's store is (a silo).</summary>
    public static IServiceCollection AddBoardDeskEmail(this IServiceCollection services, bool withSender)
    {
        services.AddOptions<EmailOptions>()
            .BindConfiguration(EmailOptions.Section)
            .ValidateDataAnnotations()
            .Validate(o => !o.Enabled || MailboxAddress.TryParse(o.From, out _), "BoardDesk:Email:From is an email address (\"BoardDesk <boarddesk@example.org>\") when BoardDesk:Email:Host is set.")
            .Validate(o => Uri.TryCreate(o.PublicBaseUrl, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https", "BoardDesk:Email:PublicBaseUrl is an absolute http or https address.")
            .Validate(o => o.PollInterval >= TimeSpan.FromMilliseconds(100) && o.FirstRetryDelay >= TimeSpan.Zero && o.MaxRetryDelay >= o.FirstRetryDelay && o.SendTimeout > TimeSpan.Zero,
                "BoardDesk:Email:PollInterval is at least 100 ms, FirstRetryDelay is not negative, MaxRetryDelay is at least FirstRetryDelay and SendTimeout is positive.")
            .ValidateOnStart();
        services.TryAddKeyedSingleton(EmailOptions.DeliveryClock, TimeProvider.System);
        services.AddSingleton<UnsubscribeTokens>();
        services.AddSingleton<EmailComposer>();
        services.AddSingleton<NoticeAddressing>();
        if (withSender)
        {
            services.AddHostedService<EmailSender>();
        }

        return services;
    }
}

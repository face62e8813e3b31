using System.Security.Claims;
using BoardDesk.Accounts;
using BoardDesk.Grains;
using BoardDesk.Notifications;
using BoardDesk.Server.Email;
using BoardDesk.Server.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;

namespace BoardDesk.Server.Endpoints;

/// <summary>
/// Email: a person's address and choices (<c>/api/account/email</c>, <c>/api/account/notifications</c>), the
/// one-click unsubscribe of RFC 8058 (<c>/api/notifications/unsubscribe</c>), and the administrator's view of the
/// outbox's parked emails (<c>/api/notifications/parked</c>).
/// </summary>
public static class Notifications
{
    /// <summary>Maps the notification endpoints.</summary>
    public static IEndpointRouteBuilder MapNotifications(this IEndpointRouteBuilder routes)
    {
        var own = routes.MapGroup("/api/account").WithTags("Notifications");
        own.MapPut("/email", SetOwnEmailAsync).WithName("SetOwnEmail").WithSummary("Sets or removes (null) the address one's notices are emailed to.")
            .RequirePermission(Permission.OwnAccount);
        own.MapGet("/notifications", GetPreferencesAsync).WithName("GetNotificationPreferences").WithSummary("One's email choices: kinds turned off, immediately or a daily digest, its hour.")
            .RequirePermission(Permission.OwnAccount);
        own.MapPut("/notifications", SetPreferencesAsync).WithName("SetNotificationPreferences").WithSummary("Replaces one's email choices; vote deadlines cannot be turned off.")
            .RequirePermission(Permission.OwnAccount);

        routes.MapPut("/api/accounts/{userName}/email", SetEmailAsync).WithTags("Notifications").WithName("SetAccountEmail")
            .WithSummary("Sets or removes (null) the address an account's notices are emailed to.")
            .RequirePermission(Permission.AdministerAccounts);

        var notifications = routes.MapGroup("/api/notifications").WithTags("Notifications");
        notifications.MapGet("/unsubscribe", DescribeUnsubscribeAsync).WithName("DescribeUnsubscribe")
            .WithSummary("What the unsubscribe link of an email would turn off; changes nothing (link scanners follow links).")
            .RequirePermission(Permission.ReadPublic);
        notifications.MapPost("/unsubscribe", UnsubscribeAsync).WithName("Unsubscribe")
            .WithSummary("One-click unsubscribe (RFC 8058): turns off the kind of email the signed token names, for the person it names.")
            .RequirePermission(Permission.ReadPublic);
        notifications.MapGet("/parked", ListParkedAsync).WithName("ListParkedEmails").WithSummary("Emails that failed too often and wait for the administrator.")
            .RequirePermission(Permission.AdministerAccounts);
        notifications.MapPost("/parked/retry", RetryParkedAsync).WithName("RetryParkedEmail").WithSummary("Sends a parked email again.")
            .RequirePermission(Permission.AdministerAccounts);
        return routes;
    }

    private static async Task<Ok<AccountDetails>> SetOwnEmailAsync(EmailRequest request, ClaimsPrincipal user, IGrainFactory grains) =>
        TypedResults.Ok(Accounts.Public(await grains.GetGrain<IAccountGrain>(user.Identity!.Name!).SetEmailAsync(request.Email)));

    private static async Task<Ok<AccountDetails>> SetEmailAsync(string userName, EmailRequest request, IGrainFactory grains) =>
        TypedResults.Ok(Accounts.Public(await Accounts.Account(grains, userName).SetEmailAsync(request.Email)));

    private static async Task<Ok<NotificationPreferences>> GetPreferencesAsync(ClaimsPrincipal user, IGrainFactory grains) =>
        TypedResults.Ok(await grains.GetGrain<INotificationPreferencesGrain>(user.Identity!.Name!).GetAsync());

    private static async Task<Ok<NotificationPreferences>> SetPreferencesAsync(NotificationPreferences request, ClaimsPrincipal user, IGrainFactory grains) =>
        TypedResults.Ok(await grains.GetGrain<INotificationPreferencesGrain>(user.Identity!.Name!).SetAsync(request));

    private static Ok<UnsubscribeAnswer> DescribeUnsubscribeAsync(string? token, UnsubscribeTokens tokens) =>
        tokens.Read(token) is { } read
            ? TypedResults.Ok(new UnsubscribeAnswer(read.Kind, NotificationKinds.Describe(read.Kind), Done: false))
            : throw NoSuchLink();

    private static async Task<Ok<UnsubscribeAnswer>> UnsubscribeAsync(string? token, UnsubscribeTokens tokens, IGrainFactory grains)
    {
        if (tokens.Read(token) is not { } read)
        {
            throw NoSuchLink();
        }

        // The signed token stands for the person it was sent to: the change is theirs.
        using (ActingUser.Begin(read.UserName))
        {
            await grains.GetGrain<INotificationPreferencesGrain>(read.UserName).UnsubscribeAsync(read.Kind);
        }

        return TypedResults.Ok(new UnsubscribeAnswer(read.Kind, NotificationKinds.Describe(read.Kind), Done: true));
    }

    private static async Task<Ok<IReadOnlyList<OutboxMessage>>> ListParkedAsync(IGrainFactory grains) =>
        TypedResults.Ok(await Outbox(grains).ListAsync(OutboxMessageStatus.Parked));

    private static async Task<Ok<OutboxMessage>> RetryParkedAsync(RetryRequest request, IGrainFactory grains, [FromKeyedServices(EmailOptions.DeliveryClock)] TimeProvider time)
    {
        if (string.IsNullOrWhiteSpace(request.Id))
        {
            throw new ValidationException("id", "Name the parked email to send again.");
        }

        return TypedResults.Ok(await Outbox(grains).RequeueAsync(request.Id, time.GetUtcNow()));
    }

    private static INotificationOutboxGrain Outbox(IGrainFactory grains) => grains.GetGrain<INotificationOutboxGrain>(NotificationOutboxGrain.OutboxKey);

    private static NotFoundException NoSuchLink() => new("There is no such unsubscribe link.");

    /// <summary>An email address, or null to remove it.</summary>
    public sealed record EmailRequest(string? Email);

    /// <summary>The parked email to send again, by its outbox id.</summary>
    public sealed record RetryRequest(string Id);

    /// <summary>What an unsubscribe link turns off, and whether it has.</summary>
    public sealed record UnsubscribeAnswer(NotificationKind Kind, string Description, bool Done);
}

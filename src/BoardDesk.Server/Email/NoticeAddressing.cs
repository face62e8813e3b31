using BoardDesk.Accounts;
using BoardDesk.Boards;
using BoardDesk.Grains;
using BoardDesk.Notifications;
using BoardDesk.Persistence;

namespace BoardDesk.Server.Email;

/// <summary>
/// Turns a notice into one email per person it concerns, with each person's choices applied: a kind they turned
/// off (or unsubscribed from) and an account with no address or disabled give a skipped email that says why; a
/// daily digest holds the email until their hour.
/// </summary>
public sealed class NoticeAddressing(IGrainFactory grains, IReadModels readModels)
{
    /// <summary>The emails of a notice, as of <paramref name="now"/>.</summary>
    public async Task<IReadOnlyList<OutboxMessage>> AddressAsync(Notice notice, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var messages = new List<OutboxMessage>();
        foreach (var userName in await RecipientsAsync(notice, cancellationToken))
        {
            var account = await readModels.FindAsync<AccountDetails>(userName, cancellationToken);
            var preferences = await grains.GetGrain<INotificationPreferencesGrain>(userName).GetAsync();
            var skipped = account switch
            {
                null => "there is no such account",
                { Enabled: false } => "the account is disabled",
                { Email: null or "" } => "the account has no email address",
                _ when preferences.Off.Contains(notice.Kind) && !NotificationKinds.Mandatory.Contains(notice.Kind) => $"{userName} turned off emails about {NotificationKinds.Describe(notice.Kind)}",
                _ => null,
            };
            var digest = skipped is null && preferences.Delivery == NotificationDelivery.DailyDigest && !NotificationKinds.NeverDigested.Contains(notice.Kind);
            messages.Add(new OutboxMessage
            {
                Id = $"{notice.Id}/{userName}",
                NoticeId = notice.Id,
                Kind = notice.Kind,
                UserName = userName,
                Address = account?.Email ?? "",
                Status = skipped is null ? OutboxMessageStatus.Pending : OutboxMessageStatus.Skipped,
                LastError = skipped,
                Digest = digest,
                NextAttemptAt = digest ? NextDigest(now, preferences.DigestHour) : now,
                Subject = notice.Subject,
            });
        }

        return messages;
    }

    /// <summary>The next time, after <paramref name="now"/>, that is <paramref name="hour"/> o'clock in the UK.</summary>
    public static DateTimeOffset NextDigest(DateTimeOffset now, int hour)
    {
        var today = UkTime.DateOf(now);
        var at = UkTime.At(today, new TimeOnly(hour, 0));
        return at > now ? at : UkTime.At(today.AddDays(1), new TimeOnly(hour, 0));
    }

    private async Task<IReadOnlyList<string>> RecipientsAsync(Notice notice, CancellationToken cancellationToken)
    {
        IEnumerable<string> names = notice.Audience switch
        {
            NoticeAudience.MembersAndDeputies => await MembersAndDeputiesAsync(notice.BoardId),
            NoticeAudience.Secretariat => (await readModels.AllAsync<AccountDetails>(cancellationToken))
                .Where(a => a.BoardRoles.Any(g => g.BoardId == notice.BoardId && g.Role == BoardRole.Secretariat))
                .Select(a => a.UserName),
            _ => notice.UserNames,
        };
        return names.Where(n => !string.IsNullOrWhiteSpace(n)).Select(n => n.Trim().ToLowerInvariant()).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
    }

    private async Task<IEnumerable<string>> MembersAndDeputiesAsync(string boardId)
    {
        try
        {
            var board = await grains.GetGrain<IBoardGrain>(boardId).GetAsync();
            return board.Members.SelectMany(m => m.DeputyUserNames.Values.Prepend(m.UserName ?? "")).ToList();
        }
        catch (NotFoundException)
        {
            return [];
        }
    }
}

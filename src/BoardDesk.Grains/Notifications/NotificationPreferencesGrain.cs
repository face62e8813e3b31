using BoardDesk.Grains;
using BoardDesk.Persistence;

namespace BoardDesk.Notifications;

/// <summary>A person's email choices, keyed by user name: kinds turned off, immediate or daily digest, the digest's hour.</summary>
[GrainType("notification-preferences")]
public sealed class NotificationPreferencesGrain : JournaledGrain<NotificationPreferencesState, NotificationPreferencesEvent>, INotificationPreferencesGrain
{
    /// <inheritdoc />
    public Task<NotificationPreferences> GetAsync() => Task.FromResult(State.Preferences);

    /// <inheritdoc />
    public Task<NotificationPreferences> SetAsync(NotificationPreferences preferences)
    {
        var errors = new FieldErrors();
        if (preferences is null)
        {
            throw new ValidationException("preferences", "Give the choices.");
        }

        var off = preferences.Off ?? [];
        if (off.Where(k => !Enum.IsDefined(k)).Select(k => (NotificationKind?)k).FirstOrDefault() is { } unknown)
        {
            errors.Add("off", $"'{unknown}' is not a kind of notice.");
        }
        else if (off.Where(NotificationKinds.Mandatory.Contains).Select(k => (NotificationKind?)k).FirstOrDefault() is { } mandatory)
        {
            errors.Add("off", $"Emails about {NotificationKinds.Describe(mandatory)} cannot be turned off: a vote's deadline concerns everyone who may vote.");
        }

        if (!Enum.IsDefined(preferences.Delivery))
        {
            errors.Add("delivery", "Delivery is Immediately or DailyDigest.");
        }

        if (preferences.DigestHour is < 0 or > 23)
        {
            errors.Add("digestHour", "The digest's hour is 0 to 23, UK time.");
        }

        errors.ThrowIfAny();
        var cleaned = preferences with { Off = [.. off.Distinct().Order()] };
        if (cleaned.Delivery != State.Preferences.Delivery || cleaned.DigestHour != State.Preferences.DigestHour || !cleaned.Off.SequenceEqual(State.Preferences.Off))
        {
            Raise(new NotificationPreferencesSet(cleaned));
        }

        return Task.FromResult(State.Preferences);
    }

    /// <inheritdoc />
    public Task<NotificationPreferences> UnsubscribeAsync(NotificationKind kind)
    {
        if (!Enum.IsDefined(kind))
        {
            throw new ValidationException("kind", $"'{kind}' is not a kind of notice.");
        }

        if (NotificationKinds.Mandatory.Contains(kind))
        {
            throw new RuleViolationException($"Emails about {NotificationKinds.Describe(kind)} cannot be turned off: a vote's deadline concerns everyone who may vote.");
        }

        if (!State.Preferences.Off.Contains(kind))
        {
            Raise(new NotificationKindUnsubscribed(kind));
        }

        return Task.FromResult(State.Preferences);
    }
}

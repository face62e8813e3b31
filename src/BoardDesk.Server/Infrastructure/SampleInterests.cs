using System.Text.Json;
using BoardDesk.Grains;
using BoardDesk.Interests;
using BoardDesk.Persistence;

namespace BoardDesk.Server.Infrastructure;

/// <summary>
/// Loads the sample registers of interests (<c>samples/ldib-2015/interests.json</c>, invented declarations for the
/// sample accounts) into registers that are still empty, so that loading twice changes nothing.
/// </summary>
public static class SampleInterests
{
    /// <summary>Declares the sample interests and gifts; returns how many registers were filled.</summary>
    public static async Task<int> LoadAsync(IGrainFactory grains, string folder, CancellationToken cancellationToken)
    {
        var file = Path.Combine(folder, "interests.json");
        if (!File.Exists(file))
        {
            return 0;
        }

        var people = JsonSerializer.Deserialize<List<SamplePerson>>(await File.ReadAllTextAsync(file, cancellationToken), JournalJson.Options) ?? [];
        var filled = 0;
        using (ActingUser.Begin(ActingUser.System))
        {
            foreach (var person in people)
            {
                var register = grains.GetGrain<IInterestRegisterGrain>(person.PersonId);
                if ((await register.GetAsync()).Version > 0)
                {
                    continue;
                }

                foreach (var interest in person.Interests ?? [])
                {
                    await register.RecordInterestAsync(interest);
                }

                foreach (var gift in person.Gifts ?? [])
                {
                    await register.RecordGiftAsync(gift);
                }

                filled++;
            }
        }

        return filled;
    }

    private sealed record SamplePerson(string PersonId, IReadOnlyList<RecordInterest>? Interests, IReadOnlyList<RecordGift>? Gifts);
}

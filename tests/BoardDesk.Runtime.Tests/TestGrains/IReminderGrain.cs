using BoardDesk.Grains;

namespace BoardDesk.Runtime.Tests.TestGrains;

public interface IReminderGrain : IGrainWithStringKey
{
    Task ScheduleAsync(string name, DateTimeOffset dueAt, TimeSpan? period);

    Task CancelAsync(string name);

    Task<IReadOnlyList<string>> FiredAsync();
}

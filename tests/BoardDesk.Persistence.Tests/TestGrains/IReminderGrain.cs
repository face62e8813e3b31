using BoardDesk.Grains;

namespace BoardDesk.Persistence.Tests.TestGrains;

[Alias("BoardDesk.Persistence.Tests.TestGrains.IReminderGrain")]
public interface IReminderGrain : IGrainWithStringKey
{
    [Alias("ScheduleAsync")]
    Task ScheduleAsync(string name, DateTimeOffset dueAt, int failuresFirst);

    [Alias("CancelAsync")]
    Task CancelAsync(string name);

    [Alias("FiredAsync")]
    Task<IReadOnlyList<string>> FiredAsync();
}

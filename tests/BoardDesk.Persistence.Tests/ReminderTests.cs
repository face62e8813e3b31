using BoardDesk.Persistence.Tests.TestGrains;
using BoardDesk.Testing;

namespace BoardDesk.Persistence.Tests;

/// <summary>BoardDesk's one-off reminders on Orleans' reminder service and the SQLite reminder table.</summary>
public sealed class ReminderTests : IDisposable
{
    private readonly TemporaryFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task ShouldFireOnceAndBeRemoved_WhenAOneOffReminderFallsDue()
    {
        await using var host = await RuntimeFixture.StartAsync(_folder);
        var grain = host.Grains.GetGrain<IReminderGrain>("one-off");

        await grain.ScheduleAsync("deadline", DateTimeOffset.UtcNow.AddMilliseconds(300), failuresFirst: 0);
        (await host.ReminderCountAsync()).Should().Be(1, "the reminder is registered before the call answers");
        await ActivationTests.WaitUntilAsync(() => grain.FiredAsync().Result.Count > 0);
        await ActivationTests.WaitUntilAsync(() => host.ReminderCountAsync().Result == 0);
        await Task.Delay(2500);

        (await grain.FiredAsync()).Should().Equal("deadline");
        (await host.ReminderCountAsync()).Should().Be(0);
    }

    [Fact]
    public async Task ShouldFireOnceAfterRestart_WhenTheReminderFellDueWhileTheServerWasDown()
    {
        await using (var first = await RuntimeFixture.StartAsync(_folder))
        {
            await first.Grains.GetGrain<IReminderGrain>("downtime").ScheduleAsync("vote-closes", DateTimeOffset.UtcNow.AddSeconds(2), failuresFirst: 0);
        }

        await Task.Delay(2500); // The reminder falls due while nothing runs.
        await using var second = await RuntimeFixture.StartAsync(_folder);
        var grain = second.Grains.GetGrain<IReminderGrain>("downtime");
        await ActivationTests.WaitUntilAsync(() => grain.FiredAsync().Result.Count > 0, seconds: 60);
        await ActivationTests.WaitUntilAsync(() => second.ReminderCountAsync().Result == 0);

        (await grain.FiredAsync()).Should().Equal("vote-closes");
    }

    [Fact]
    public async Task ShouldDeliverAgainAfterTheRetryDelayAndKeepNothingOfTheFailure_WhenADeliveryFails()
    {
        await using var host = await RuntimeFixture.StartAsync(_folder);
        var grain = host.Grains.GetGrain<IReminderGrain>("flaky");

        await grain.ScheduleAsync("chase", DateTimeOffset.UtcNow.AddMilliseconds(200), failuresFirst: 1);
        await ActivationTests.WaitUntilAsync(() => grain.FiredAsync().Result.Count > 0, seconds: 30);
        await ActivationTests.WaitUntilAsync(() => host.ReminderCountAsync().Result == 0);

        (await grain.FiredAsync()).Should().Equal(["chase"], "the failed delivery's event was dropped and the second delivery's kept");
    }

    [Fact]
    public async Task ShouldTakeOverAsOrleansReminders_WhenTheDatabaseHoldsThePreviousVersionsReminders()
    {
        var database = _folder.File("journal.db");
        await using (var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={database}"))
        {
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = """
                CREATE TABLE reminders(grain TEXT NOT NULL, name TEXT NOT NULL, due TEXT NOT NULL, period_ms INTEGER NULL, PRIMARY KEY(grain, name)) WITHOUT ROWID;
                INSERT INTO reminders VALUES('reminder/left-over', 'close-written-procedure', $due, NULL);
                """;
            command.Parameters.AddWithValue("$due", DateTime.UtcNow.AddSeconds(-5).ToString("O"));
            await command.ExecuteNonQueryAsync();
        }

        await using var host = await RuntimeFixture.StartAsync(_folder);
        var grain = host.Grains.GetGrain<IReminderGrain>("left-over");

        await ActivationTests.WaitUntilAsync(() => grain.FiredAsync().Result.Count > 0, seconds: 60);
        (await grain.FiredAsync()).Should().Equal("close-written-procedure");
    }
}

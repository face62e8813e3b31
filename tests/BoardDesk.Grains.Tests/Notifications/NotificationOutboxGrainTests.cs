using BoardDesk.Notifications;
using BoardDesk.Testing;

namespace BoardDesk.Grains.Tests.Notifications;

/// <summary>The outbox's sending lease: with a sender in every silo, one works at a time.</summary>
public sealed class NotificationOutboxGrainTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Now = new(2015, 10, 23, 9, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan LeaseFor = TimeSpan.FromMinutes(3);
    private readonly TemporaryFolder _folder = new();
    private GrainHost _host = null!;

    public async Task InitializeAsync() => _host = await GrainHost.StartAsync(_folder.File("grains.db"));

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        _folder.Dispose();
    }

    [Fact]
    public async Task ShouldLetOneSenderSendAtATime_WhenTwoSilosRunASender()
    {
        var outbox = _host.Grains.GetGrain<INotificationOutboxGrain>(NotificationOutboxGrain.OutboxKey);

        (await outbox.LeaseSendingAsync("silo-a", Now, LeaseFor)).Should().BeTrue("the lease is free");
        (await outbox.LeaseSendingAsync("silo-b", Now.AddSeconds(1), LeaseFor)).Should().BeFalse("silo-a holds it");
        (await outbox.LeaseSendingAsync("silo-a", Now.AddMinutes(2), LeaseFor)).Should().BeTrue("the holder renews it");
        (await outbox.LeaseSendingAsync("silo-b", Now.AddMinutes(4), LeaseFor)).Should().BeFalse("renewed at 2 minutes, it lasts until 5");
        (await outbox.LeaseSendingAsync("silo-b", Now.AddMinutes(5), LeaseFor)).Should().BeTrue("silo-a stopped renewing: silo-b takes over");
        (await outbox.LeaseSendingAsync("silo-a", Now.AddMinutes(5), LeaseFor)).Should().BeFalse("silo-a must not send beside silo-b");

        await outbox.ReleaseSendingAsync("silo-a");
        (await outbox.LeaseSendingAsync("silo-a", Now.AddMinutes(6), LeaseFor)).Should().BeFalse("only the holder gives the lease up");
        await outbox.ReleaseSendingAsync("silo-b");
        (await outbox.LeaseSendingAsync("silo-a", Now.AddMinutes(6), LeaseFor)).Should().BeTrue("silo-b stopped in order and gave it up");
    }
}

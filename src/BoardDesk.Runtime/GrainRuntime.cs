using System.Collections.Concurrent;
using BoardDesk.Grains;
using BoardDesk.Runtime.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace BoardDesk.Runtime;

/// <summary>
/// Hosts grains in this process: one activation per grain id, created on first call, collected when idle; durable
/// state through the <see cref="IJournalStore"/>; reminders. It is also the <see cref="IGrainFactory"/>.
/// </summary>
public sealed class GrainRuntime : IGrainFactory
{
    private readonly ConcurrentDictionary<GrainId, Activation> _activations = new();
    private readonly ReminderScheduler _reminders;
    private CancellationTokenSource? _stopping;
    private Task? _collector;

    /// <summary>Creates the runtime; call <see cref="StartAsync"/> before the first grain call.</summary>
    public GrainRuntime(
        IServiceProvider services,
        IJournalStore store,
        GrainCatalog catalog,
        EventTypes events,
        ReadModels readModels,
        IOptions<GrainRuntimeOptions> options,
        TimeProvider? time = null,
        ILogger<GrainRuntime>? logger = null)
    {
        Services = services;
        Store = store;
        Catalog = catalog;
        Events = events;
        ReadModels = readModels;
        Options = options.Value;
        Time = time ?? TimeProvider.System;
        Logger = logger ?? NullLogger<GrainRuntime>.Instance;
        _reminders = new ReminderScheduler(this, Time, Logger);
    }

    /// <summary>The store every journal lives in.</summary>
    public IJournalStore Store { get; }

    /// <summary>The registered grain classes.</summary>
    public GrainCatalog Catalog { get; }

    /// <summary>The registered event types.</summary>
    public EventTypes Events { get; }

    /// <summary>The read-model documents the grains publish.</summary>
    public ReadModels ReadModels { get; }

    /// <summary>The runtime's settings.</summary>
    public GrainRuntimeOptions Options { get; }

    /// <summary>The clock.</summary>
    public TimeProvider Time { get; }

    /// <summary>How many grains are in memory now.</summary>
    public int ActivationCount => _activations.Count;

    /// <summary>How many reminders are registered.</summary>
    public int ReminderCount => _reminders.Count;

    internal IServiceProvider Services { get; }

    internal ILogger Logger { get; }

    /// <inheritdoc />
    public TGrain GetGrain<TGrain>(string key) where TGrain : IGrainWithStringKey
    {
        ArgumentException.ThrowIfNullOrEmpty(key);
        var grainClass = Catalog.ForInterface(typeof(TGrain));
        return GrainReference.Create<TGrain>(this, grainClass, new GrainId(grainClass.TypeName, key));
    }

    /// <summary>Reads a grain's journal as typed history entries.</summary>
    public async Task<IReadOnlyList<JournalEntry>> ReadHistoryAsync(GrainId grain, CancellationToken cancellationToken = default)
    {
        var stored = await Store.ReadEventsAsync(grain, 0, cancellationToken);
        return stored.Select(Events.ToEntry).ToList();
    }

    /// <summary>Initialises the store, loads reminders and starts collecting idle activations.</summary>
    public async Task StartAsync(CancellationToken cancellationToken = default)
    {
        await Store.InitializeAsync(cancellationToken);
        await _reminders.StartAsync(cancellationToken);
        _stopping = new CancellationTokenSource();
        _collector = Task.Run(() => CollectIdleAsync(_stopping.Token), CancellationToken.None);
    }

    /// <summary>Stops reminders and collection, lets running turns finish and deactivates every grain.</summary>
    public async Task StopAsync(CancellationToken cancellationToken = default)
    {
        await _reminders.StopAsync();
        if (_stopping is not null)
        {
            await _stopping.CancelAsync();
            await (_collector ?? Task.CompletedTask);
        }

        while (!_activations.IsEmpty && !cancellationToken.IsCancellationRequested)
        {
            var stopping = _activations.Values.Where(a => a.TryDeactivate(long.MaxValue)).Select(a => a.Stopped).ToList();
            await Task.WhenAny(Task.WhenAll(stopping), Task.Delay(50, cancellationToken));
        }
    }

    /// <summary>Deactivates every activation unused for at least <paramref name="idleFor"/>; returns how many.</summary>
    public int CollectIdle(TimeSpan idleFor)
    {
        var cutoff = Environment.TickCount64 - (long)idleFor.TotalMilliseconds;
        var collected = 0;
        foreach (var activation in _activations.Values)
        {
            if (activation.TryDeactivate(cutoff))
            {
                collected++;
            }
        }

        return collected;
    }

    internal Task<T> InvokeAsync<T>(GrainReference reference, Func<object, object?[], Task<T>> call, object?[] arguments)
    {
        CallChain.ThrowIfCycle(reference.Id);
        // The reference remembers its activation, so repeated calls skip the lookup until the activation is collected.
        var activation = reference.Activation;
        if (activation is null || activation.Stopped.IsCompleted)
        {
            activation = reference.Activation = GetOrCreate(reference.GrainClass, reference.Id);
        }

        return activation.TryInvoke(call, arguments) ?? RetryAsync(reference, activation, call, arguments);
    }

    internal async Task DeliverReminderAsync(GrainId id, ReminderDelivery delivery)
    {
        var grainClass = Catalog.ForTypeName(id.Type);
        var item = new ReminderWorkItem(delivery);
        using (ActingUser.Begin(ActingUser.System))
        {
            while (true)
            {
                var activation = GetOrCreate(grainClass, id);
                if (activation.TryEnqueue(item))
                {
                    break;
                }

                await activation.Stopped;
            }
        }

        await item.Task;
    }

    /// <summary>A turn's commit is durable: publish its read-model document and reminder changes.</summary>
    internal void Published(GrainId id, PreparedTurn turn)
    {
        if (turn.Document is { } document)
        {
            ReadModels.Publish(id.Key, document);
        }

        if (turn.Commit.Reminders is { Count: > 0 } reminders)
        {
            _reminders.Apply(id, reminders);
        }
    }

    internal void Remove(Activation activation) =>
        _activations.TryRemove(KeyValuePair.Create(activation.Id, activation));

    private async Task<T> RetryAsync<T>(GrainReference reference, Activation stopping, Func<object, object?[], Task<T>> call, object?[] arguments)
    {
        // The activation was being collected: wait until it is gone, then the call activates the grain afresh.
        while (true)
        {
            await stopping.Stopped;
            stopping = reference.Activation = GetOrCreate(reference.GrainClass, reference.Id);
            if (stopping.TryInvoke(call, arguments) is { } running)
            {
                return await running;
            }
        }
    }

    private Activation GetOrCreate(GrainClass grainClass, GrainId id)
    {
        if (_activations.TryGetValue(id, out var existing))
        {
            return existing;
        }

        var created = new Activation(this, id, grainClass);
        var winner = _activations.GetOrAdd(id, created);
        if (ReferenceEquals(winner, created))
        {
            created.Start();
        }

        return winner;
    }

    private async Task CollectIdleAsync(CancellationToken stopping)
    {
        using var timer = new PeriodicTimer(Options.CollectionInterval);
        try
        {
            while (await timer.WaitForNextTickAsync(stopping))
            {
                var collected = CollectIdle(Options.IdleTimeout);
                if (collected > 0)
                {
                    Logger.LogDebug("Collected {Count} idle activations; {Live} remain", collected, _activations.Count);
                }
            }
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
            // The runtime is stopping.
        }
    }
}

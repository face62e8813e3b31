using BoardDesk.Grains;
using BoardDesk.Runtime;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace BoardDesk.Operations;

/// <summary>
/// The base of a grain that carries out one operation spanning several grains exactly once. The derived grain
/// validates its command and calls <see cref="RunAsync"/> with a "planned" event listing every effect. The plan
/// and a resume reminder are committed before any effect is applied; each effect is then sent to its target,
/// which records the effect id and ignores repeats; finally a "completed" event is raised and the reminder
/// removed. If the process dies half way, the reminder fires at the next start and applies what is left.
/// Target grains must not call back into the operation grain: the call graph is a tree.
/// </summary>
/// <typeparam name="TState">The operation's state; it exposes an <see cref="OperationProgress{TEffect}"/>.</typeparam>
/// <typeparam name="TEvent">The base type of the operation's events.</typeparam>
/// <typeparam name="TEffect">The effect type.</typeparam>
public abstract class OperationGrain<TState, TEvent, TEffect>(IOptions<OperationOptions> options, ILogger logger)
    : JournaledGrain<TState, TEvent>, IRemindable
    where TState : class, IJournaledState<TState, TEvent>
    where TEvent : class
    where TEffect : IPlannedEffect
{
    /// <summary>The name of the reminder that resumes an interrupted operation.</summary>
    public const string ResumeReminder = "resume-operation";

    /// <summary>The operation's progress in <see cref="JournaledGrain{TState, TEvent}.State"/>.</summary>
    protected abstract OperationProgress<TEffect> Progress { get; }

    /// <summary>The event that records one effect as applied.</summary>
    protected abstract TEvent EffectApplied(string effectId);

    /// <summary>The event that records the operation as completed.</summary>
    protected abstract TEvent Completed(DateTimeOffset at);

    /// <summary>Sends one effect to its target grain; the target must ignore an effect id it has applied already.</summary>
    protected abstract Task ApplyEffectAsync(TEffect effect);

    /// <summary>Records the plan and the resume reminder durably, then applies every effect.</summary>
    protected async Task RunAsync(TEvent planned)
    {
        Raise(planned);
        RegisterOrUpdateReminder(ResumeReminder, Time.GetUtcNow() + options.Value.ResumeAfter);
        await ConfirmEventsAsync();
        await ApplyPendingAsync();
    }

    /// <inheritdoc />
    public async Task ReceiveReminderAsync(string reminderName, DateTimeOffset dueAt)
    {
        if (reminderName == ResumeReminder && Progress is { Planned: true, Completed: false })
        {
            logger.LogInformation("Resuming operation {Operation}: {Pending} effects left", GrainId, Progress.Pending.Count());
            await ApplyPendingAsync();
        }
    }

    private async Task ApplyPendingAsync()
    {
        var appliedThisTurn = 0;
        foreach (var effect in Progress.Pending.ToList())
        {
            if (options.Value.PauseAfterEffects is { } pauseAfter && appliedThisTurn == pauseAfter)
            {
                logger.LogWarning("Operation {Operation} paused after {Count} effects (PauseAfterEffects is set; for crash tests only)", GrainId, appliedThisTurn);
                await Task.Delay(Timeout.Infinite);
            }

            await ApplyEffectAsync(effect);
            Raise(EffectApplied(effect.EffectId));
            appliedThisTurn++;
        }

        Raise(Completed(Time.GetUtcNow()));
        UnregisterReminder(ResumeReminder);
    }
}

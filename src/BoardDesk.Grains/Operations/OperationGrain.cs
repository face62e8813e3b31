using BoardDesk.Grains;
using BoardDesk.Persistence;
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
/// <remarks>
/// An effect that fails does not fail the turn: the effects applied before it and the failure (attempt, reason,
/// next attempt) are committed together, and the resume reminder is moved to the next attempt, which waits
/// <see cref="OperationOptions.FirstRetryDelay"/>, doubling at each failure of the same effect in a row, up to
/// <see cref="OperationOptions.MaxRetryDelay"/>. A refusal that trying again cannot mend (<see cref="IsPermanent"/>)
/// stops the operation instead: the failure is recorded with no next attempt, the reminder removed, and what was
/// applied stays applied for an administrator to see.
/// </remarks>
/// <typeparam name="TState">The operation's state; it exposes an <see cref="OperationProgress{TEffect}"/>.</typeparam>
/// <typeparam name="TEvent">The base type of the operation's events.</typeparam>
/// <typeparam name="TEffect">The effect type.</typeparam>
public abstract class OperationGrain<TState, TEvent, TEffect>(IOptions<OperationOptions> options, ILogger logger)
    : JournaledGrain<TState, TEvent>, IReminderHandler
    where TState : class, IJournaledState<TState, TEvent>
    where TEvent : class
    where TEffect : IPlannedEffect
{
    /// <summary>The name of the reminder that resumes an interrupted or failing operation.</summary>
    public const string ResumeReminder = "resume-operation";

    /// <summary>The operation's progress in <see cref="JournaledGrain{TState, TEvent}.State"/>.</summary>
    protected abstract OperationProgress<TEffect> Progress { get; }

    /// <summary>The event that records one effect as applied.</summary>
    protected abstract TEvent EffectApplied(string effectId);

    /// <summary>The event that records one failed attempt of an effect (or, with no next attempt, that the operation stopped).</summary>
    protected abstract TEvent EffectFailed(OperationFailure failure);

    /// <summary>The event that records the operation as completed.</summary>
    protected abstract TEvent Completed(DateTimeOffset at);

    /// <summary>Sends one effect to its target grain; the target must ignore an effect id it has applied already.</summary>
    protected abstract Task ApplyEffectAsync(TEffect effect);

    /// <summary>
    /// True for a failure that trying again cannot mend: the target refused the effect by its rules (a
    /// <see cref="DomainException"/>: invalid, not allowed now, not found, clashes with what exists). A journal
    /// conflict ("try again") and anything else (storage, a bug that a deployment fixes) are retried.
    /// </summary>
    protected virtual bool IsPermanent(Exception error) => error is DomainException and not JournalConflictException;

    /// <summary>Records the plan and the resume reminder durably, then applies every effect.</summary>
    protected async Task RunAsync(TEvent planned)
    {
        Raise(planned);
        RegisterOrUpdateReminder(ResumeReminder, Time.GetUtcNow() + options.Value.ResumeAfter);
        await ConfirmEventsAsync();
        await ApplyPendingAsync();
    }

    /// <summary>
    /// Tries a stopped operation again from the effect that was refused, once an administrator has put right what
    /// refused it. The resume reminder is recorded first, so a crash after the refused effect goes through is
    /// finished on restart like any other. Refused unless the operation stopped.
    /// </summary>
    protected async Task ResumeStoppedAsync()
    {
        if (!Progress.Stopped)
        {
            throw new RuleViolationException(Progress.Completed
                ? "The operation has completed; there is nothing to resume."
                : "Only an operation that stopped after a refusal can be resumed; this one is still being applied or retried by itself.");
        }

        logger.LogInformation("Operation {Operation} resumed after it stopped: {Pending} effects left", JournalId, Progress.Pending.Count());
        RegisterOrUpdateReminder(ResumeReminder, Time.GetUtcNow() + options.Value.ResumeAfter);
        await ConfirmEventsAsync();
        await ApplyPendingAsync();
    }

    /// <inheritdoc />
    public async Task ReceiveReminderAsync(string reminderName, DateTimeOffset dueAt)
    {
        if (reminderName != ResumeReminder || Progress is not { Planned: true, Completed: false, Stopped: false })
        {
            return;
        }

        if (Progress.LastFailure?.NextAttemptAt is { } next && dueAt < next)
        {
            // A delivery already on its way when a failure moved the reminder later: keep the later attempt, or this
            // turn would remove the reminder with the delivery.
            RegisterOrUpdateReminder(ResumeReminder, next);
            return;
        }

        logger.LogInformation("Resuming operation {Operation}: {Pending} effects left", JournalId, Progress.Pending.Count());
        await ApplyPendingAsync();
    }

    private async Task ApplyPendingAsync()
    {
        var appliedThisTurn = 0;
        foreach (var effect in Progress.Pending.ToList())
        {
            if (options.Value.PauseAfterEffects is { } pauseAfter && appliedThisTurn == pauseAfter)
            {
                logger.LogWarning("Operation {Operation} paused after {Count} effects (PauseAfterEffects is set; for crash tests only)", JournalId, appliedThisTurn);
                await Task.Delay(Timeout.Infinite);
            }

            try
            {
                await ApplyEffectAsync(effect);
            }
            catch (Exception error)
            {
                // Recorded with the effects applied before it, in this turn's commit, and logged: not swallowed.
                RecordFailure(effect, error);
                return;
            }

            Raise(EffectApplied(effect.EffectId));
            appliedThisTurn++;
        }

        Raise(Completed(Time.GetUtcNow()));
        UnregisterReminder(ResumeReminder);
    }

    private void RecordFailure(TEffect effect, Exception error)
    {
        var now = Time.GetUtcNow();
        var attempt = Progress.LastFailure is { } last && last.EffectId == effect.EffectId ? last.Attempt + 1 : 1;
        var permanent = IsPermanent(error);
        var failure = new OperationFailure
        {
            EffectId = effect.EffectId,
            Attempt = attempt,
            Reason = Reason(error),
            At = now,
            NextAttemptAt = permanent ? null : now + options.Value.RetryDelay(attempt),
        };
        Raise(EffectFailed(failure));
        if (failure.NextAttemptAt is { } next)
        {
            RegisterOrUpdateReminder(ResumeReminder, next);
            logger.LogWarning(
                error is DomainException ? null : error,
                "Operation {Operation}: effect {Effect} failed on attempt {Attempt} ({Reason}); next attempt at {NextAttemptAt:o}",
                JournalId, failure.EffectId, attempt, failure.Reason, next);
        }
        else
        {
            UnregisterReminder(ResumeReminder);
            logger.LogWarning(
                "Operation {Operation} stopped: effect {Effect} was refused ({Reason}); {Applied} of {Total} effects stay applied and it is not retried",
                JournalId, failure.EffectId, failure.Reason, Progress.Applied.Count, Progress.Effects.Count);
        }
    }

    private static string Reason(Exception error) => error switch
    {
        ValidationException invalid => string.Join(" ", invalid.Errors.SelectMany(e => e.Value.Select(v => $"{e.Key}: {v}"))),
        DomainException refused => refused.Message,
        _ => $"{error.GetType().Name}: {error.Message}",
    };
}

namespace BoardDesk.Persistence;

// Kept apart from the grain's own turn and commit logic: this is only a window onto the grain's protected members.
public abstract partial class JournaledGrain<TState, TEvent>
{
    /// <summary>
    /// A piece of a grain's behaviour written once for every kind of grain that has it, such as handing its notices
    /// to the outbox. It acts on its grain's journal and reminders within the grain's own call, exactly as the grain's
    /// own code would: what it raises is committed with the call, or dropped with it. It exists because those members
    /// are the grain's protected ones and grains that share a piece of behaviour do not always share a base class
    /// (a decision is an operation grain; a meeting is not).
    /// </summary>
    /// <param name="grain">The grain it works for; it is called only during that grain's calls.</param>
    public abstract class Part(JournaledGrain<TState, TEvent> grain)
    {
        /// <summary>The grain's state, including the events raised so far in this call.</summary>
        protected TState State => grain.State;

        /// <summary>The domain clock.</summary>
        protected TimeProvider Time => grain.Time;

        /// <summary>The grain factory, for calls to other grains.</summary>
        protected IGrainFactory GrainFactory => grain.GrainFactory;

        /// <summary>Folds an event into the grain's state; it is stored when the grain's call completes.</summary>
        protected void Raise(TEvent e) => grain.Raise(e);

        /// <summary>Registers or moves one of the grain's reminders (<see cref="JournaledGrain{TState, TEvent}.RegisterOrUpdateReminder"/>).</summary>
        protected void RegisterOrUpdateReminder(string name, DateTimeOffset dueAt) => grain.RegisterOrUpdateReminder(name, dueAt);

        /// <summary>Removes one of the grain's reminders once the call's events are committed.</summary>
        protected void UnregisterReminder(string name) => grain.UnregisterReminder(name);

        /// <summary>Commits the events raised so far in the grain's call now (<see cref="JournaledGrain{TState, TEvent}.ConfirmEventsAsync"/>).</summary>
        protected Task ConfirmEventsAsync() => grain.ConfirmEventsAsync();
    }
}

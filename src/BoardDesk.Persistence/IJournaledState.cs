namespace BoardDesk.Persistence;

/// <summary>
/// A grain's state as an immutable record folded from its events: <see cref="Empty"/> before the first event,
/// then <c>state = state.Apply(event)</c> for each event in journal order.
/// </summary>
/// <typeparam name="TSelf">The state record itself.</typeparam>
/// <typeparam name="TEvent">The base type of the grain's events.</typeparam>
public interface IJournaledState<TSelf, in TEvent> where TSelf : IJournaledState<TSelf, TEvent>
{
    /// <summary>The state of a grain whose journal is empty.</summary>
    static abstract TSelf Empty { get; }

    /// <summary>Returns the state after <paramref name="e"/>; never mutates this instance.</summary>
    TSelf Apply(TEvent e);
}

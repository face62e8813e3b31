namespace BoardDesk.Persistence;

/// <summary>
/// Names an event type as it is stored in journals. A stored name is never renamed or reused, so a class can be
/// renamed or moved freely while old journals still load.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class JournalEventAttribute(string name) : Attribute
{
    /// <summary>The persisted type name.</summary>
    public string Name { get; } = name;
}

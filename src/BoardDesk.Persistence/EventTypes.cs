using System.Reflection;
using System.Text.Json;
using BoardDesk.Persistence.Storage;

namespace BoardDesk.Persistence;

/// <summary>Maps event classes to the names they are stored under and back, from <see cref="JournalEventAttribute"/>.</summary>
public sealed class EventTypes
{
    private readonly Dictionary<string, Type> _byName = new(StringComparer.Ordinal);
    private readonly Dictionary<Type, string> _byType = [];

    /// <summary>Collects every event class of the given assemblies; two classes may not share a name.</summary>
    public EventTypes(IEnumerable<Assembly> assemblies)
    {
        foreach (var type in assemblies.Distinct().SelectMany(a => a.GetTypes()))
        {
            if (type.GetCustomAttribute<JournalEventAttribute>() is not { } attribute)
            {
                continue;
            }

            if (type.IsAbstract)
            {
                throw new InvalidOperationException($"{type.FullName} is abstract and cannot be a journal event.");
            }

            if (!_byName.TryAdd(attribute.Name, type))
            {
                throw new InvalidOperationException($"The journal event name '{attribute.Name}' is used by both {_byName[attribute.Name].FullName} and {type.FullName}.");
            }

            _byType[type] = attribute.Name;
        }

        JournaledGrainTypes = [.. assemblies.Distinct().SelectMany(a => a.GetTypes())
            .Where(t => !t.IsAbstract && IsJournaled(t))
            .Select(t => t.GetCustomAttributesData().FirstOrDefault(a => a.AttributeType == typeof(GrainTypeAttribute))?.ConstructorArguments[0].Value as string)
            .OfType<string>()
            .Distinct()
            .Order(StringComparer.Ordinal)];
    }

    /// <summary>The grain types (<c>[GrainType]</c>) of the journaled grains in the registered assemblies.</summary>
    public IReadOnlyList<string> JournaledGrainTypes { get; }

    private static bool IsJournaled(Type type)
    {
        for (var t = type.BaseType; t is not null; t = t.BaseType)
        {
            if (t.IsGenericType && t.GetGenericTypeDefinition() == typeof(JournaledGrain<,>))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The stored name of an event class.</summary>
    public string NameOf(Type eventType) => _byType.TryGetValue(eventType, out var name)
        ? name
        : throw new InvalidOperationException($"{eventType.FullName} has no [JournalEvent] name, or its assembly was not registered with AddBoardDeskPersistence.");

    /// <summary>The event class stored under a name.</summary>
    public Type TypeOf(string name) => _byName.TryGetValue(name, out var type)
        ? type
        : throw new InvalidOperationException($"No event class is registered under the journal name '{name}'.");

    /// <summary>Turns a stored entry back into its event object.</summary>
    public object Deserialize(StoredEvent stored) =>
        JsonSerializer.Deserialize(stored.Payload, TypeOf(stored.Type), JournalJson.Options)
        ?? throw new InvalidOperationException($"Journal entry {stored.Sequence} ({stored.Type}) has an empty payload.");

    /// <summary>Turns a stored entry into a history entry.</summary>
    public JournalEntry ToEntry(StoredEvent stored) => new(stored.Sequence, Deserialize(stored), stored.Type, stored.RecordedAt, stored.User);
}
